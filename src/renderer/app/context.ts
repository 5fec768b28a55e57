/** The reader's stores for every component below the root: useReader() instead of props passed down. */
import { createContext, useContext } from 'react';
import type { ReaderStores } from './stores';

export const ReaderContext = createContext<ReaderStores | null>(null);

export function useReader(): ReaderStores {
  const stores = useContext(ReaderContext);
  if (!stores) throw new Error('useReader() outside <Reader>');
  return stores;
}
