/**
 * How many items of a long list to draw: a first screenful at once, then a
 * few more each frame until all are there, so no frame draws hundreds of
 * items (修订对照 at 100× lists some seven hundred changes). Also at least
 * `atLeast`, so an item asked for (the one stepped to) is drawn at once.
 */
import { useEffect, useState } from 'react';

export function useGrowing(total: number, step: number, atLeast = 0): number {
  const [count, setCount] = useState(step);
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => setCount((drawn) => drawn + step));
    return () => cancelAnimationFrame(frame);
  }, [count, total, step]);
  return Math.min(total, Math.max(count, atLeast));
}
