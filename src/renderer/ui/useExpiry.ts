/** A toast that goes by itself: `expire` is called `ms` after `token` is shown; a new token gets the whole time again. */
import { useEffect } from 'react';

export function useExpiry(token: object, expire: () => void, ms: number): void {
  useEffect(() => {
    const timer = setTimeout(expire, ms);
    return () => clearTimeout(timer);
  }, [token, expire, ms]);
}
