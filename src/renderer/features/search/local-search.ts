/**
 * The page's own copy of the search engine, so the search a keystroke makes
 * is answered before the browser paints the typed character: no round trip
 * to main (over IPC, or browser mode's socket), and the results paint in the
 * same frame as the character.
 *
 * Main still loads the index: the copy is made from the text main hands over
 * (getSearchIndex) and runs main's own engine (src/core/search/engine.ts) on
 * the same blocks, so its answers are main's, hit for hit. Until the copy is
 * made, or if it cannot be, every search goes to main as before.
 */
import type { Result } from '../../../shared/api';
import type { ScopedApi } from '../../api/scoped';
import type { Block } from '../../../shared/document';
import { MAX_QUERY_LENGTH } from '../../../shared/search';
import type { SearchEngine } from '../../../core/search/engine';
import type { SearchApi } from './search-session';

export interface LocalSearch extends SearchApi {
  /**
   * Makes the copy (one try at a time, none within RETRY_AFTER_MS of a
   * failed one); true when searches are now answered here, false when they
   * stay with main for now.
   */
  load(): Promise<boolean>;
}

type EngineModule = typeof import('../../../core/search/engine');

/** After a failed try (main restarting, say), a later search tries again, no sooner than this. */
export const RETRY_AFTER_MS = 30_000;

export interface LocalSearchOptions {
  // Its own chunk (with lunr): nothing of it is on the start-up path.
  loadEngine?: () => Promise<EngineModule>;
  /** Milliseconds, for the retry wait. */
  now?: () => number;
  /** Called once, when searches start being answered here. */
  onReady?: () => void;
}

export function localSearch(
  api: Pick<ScopedApi, 'search' | 'searchMatches' | 'getSearchIndex'>,
  blocks: readonly Pick<Block, 'id' | 'text'>[],
  options: LocalSearchOptions = {},
): LocalSearch {
  const loadEngine = options.loadEngine ?? (() => import('../../../core/search/engine'));
  const now = options.now ?? (() => Date.now());
  let engine: SearchEngine | null = null;
  let loading: Promise<boolean> | null = null;
  let failedAt = -Infinity;

  function load(): Promise<boolean> {
    if (engine) return Promise.resolve(true);
    if (loading) return loading;
    if (now() - failedAt < RETRY_AFTER_MS) return Promise.resolve(false);
    loading = (async () => {
      const [index, module] = await Promise.all([api.getSearchIndex(), loadEngine()]);
      if (!index.ok) throw new Error(index.error);
      engine = module.SearchEngine.load(index.value, blocks);
      options.onReady?.();
      return true;
    })()
      .catch((error: unknown) => {
        failedAt = now();
        // Only speed is lost: main answers every search, as it always could.
        console.warn('搜索：未能在页面内载入索引，检索仍由主进程回答。', error);
        return false;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  /**
   * The answer here, or null for main to give: before the copy is made (a
   * search then starts making it), for a request main would refuse (it says
   * why), and if the engine throws.
   */
  function here<T>(query: string, run: (engine: SearchEngine) => T): Promise<Result<T>> | null {
    if (!engine) {
      void load();
      return null;
    }
    if (query.length > MAX_QUERY_LENGTH) return null;
    try {
      return Promise.resolve({ ok: true, value: run(engine) });
    } catch {
      return null;
    }
  }

  return {
    // Every hit's ranges at once, whatever `matchLimit` asks: the limit keeps
    // a first answer small to send, and here nothing is sent. The session
    // then draws every highlight with the first results, in one go.
    search: (request) =>
      here(request.query, (copy) => copy.search(request.query, { order: request.order })) ??
      api.search(request),
    searchMatches: (request) =>
      here(request.query, (copy) => copy.matchesIn(request.query, request.blocks)) ??
      api.searchMatches(request),
    load,
  };
}
