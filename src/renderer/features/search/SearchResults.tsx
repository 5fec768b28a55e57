/**
 * The 搜索结果 panel: count, order toggle, and each hit with its section and
 * marked snippet. Each result says which of the 第 k/N 处 steps it holds,
 * and the one holding the current step is marked.
 */
import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { SearchHit, SearchOrder } from '../../../shared/search';
import { makeSnippet } from '../../../core/search/snippet';
import { queryKeywords } from '../../../core/search/normalize';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { revealInList } from '../../ui/scroll-within';
import { rememberSearch } from './recent';
import { hitPlace, hitsInDocumentOrder, numbersLabel, occurrenceNumbers } from './search-view';

/**
 * Results drawn in the keystroke's own frame: more than the list shows
 * (about three). The rest are drawn just after that frame, at low priority,
 * so a long list never delays the first results on screen.
 */
const FIRST_RESULTS = 8;

const ORDERS: readonly SearchOrder[] = ['relevance', 'document'];
const ORDER_LABELS: Record<SearchOrder, string> = { relevance: '按相关度', document: '按原文顺序' };

/** An extract with its matches marked; the results across reports show theirs with it too. */
export function MarkedSnippet({
  snippet,
}: {
  snippet: { text: string; marks: [number, number][] };
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  snippet.marks.forEach(([start, end], index) => {
    parts.push(
      snippet.text.slice(at, start),
      <mark key={index}>{snippet.text.slice(start, end)}</mark>,
    );
    at = end;
  });
  parts.push(snippet.text.slice(at));
  return <span className="result-snippet">{parts}</span>;
}

function Snippet({
  hit,
  text,
  keywords,
}: {
  hit: SearchHit;
  text: string;
  keywords: readonly string[];
}) {
  // Past the first page, ranges arrive a moment later: until then, the block's start, unmarked.
  return <MarkedSnippet snippet={makeSnippet(text, hit.matches ?? [], keywords)} />;
}

interface ItemProps {
  hit: SearchHit;
  keywords: readonly string[];
  /** Which of the 第 k/N 处 steps are in this hit, once its ranges are in. */
  numbers: readonly [number, number] | undefined;
  current: boolean;
  onChoose(block: string): void;
}

/** One result; memoized, so a step redraws only the two results it moves between. */
const ResultItem = memo(function ResultItem({
  hit,
  keywords,
  numbers,
  current,
  onChoose,
}: ItemProps) {
  const { document, doc, texts } = useReader();
  return (
    <li>
      <button
        type="button"
        className="result row-button"
        aria-current={current ? 'true' : undefined}
        onClick={() => onChoose(hit.block)}
      >
        <span className="result-path">
          <span>{hitPlace(document.outline, doc.indexOf, hit.block)}</span>
          {numbers && <span className="result-steps">{numbersLabel(numbers)}</span>}
        </span>
        <Snippet hit={hit} text={texts.get(hit.block) ?? ''} keywords={keywords} />
      </button>
    </li>
  );
});

function ResultList({ query, hits }: { query: string; hits: SearchHit[] }) {
  const { search, settings, jumpAndClose } = useReader();
  const occurrences = useStore(search, (state) => state.occurrences);
  const current = useStore(search, (state) => state.current);
  const currentBlock = current >= 0 ? (occurrences[current]?.block ?? null) : null;
  const numbers = useMemo(() => occurrenceNumbers(occurrences), [occurrences]);
  const [all, setAll] = useState(false);
  // Its snippets show as many of the keywords as a stretch of the block can.
  const keywords = useMemo(() => queryKeywords(query), [query]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    revealInList(list.current?.querySelector('[aria-current="true"]'));
  }, [currentBlock, all]);
  // More below the last result in sight: the list fades out at the bottom (search.css).
  const showMore = () => {
    const element = list.current;
    if (!element) return;
    const more = element.scrollHeight - element.scrollTop - element.clientHeight > 1;
    element.dataset.more = String(more);
  };
  useLayoutEffect(showMore, [hits, all]);
  const [choose] = useState(() => (block: string) => {
    rememberSearch(search, settings);
    jumpAndClose(block);
    search.showBlock(block);
  });
  return (
    <ol className="results-list" ref={list} onScroll={showMore}>
      {(all ? hits : hits.slice(0, FIRST_RESULTS)).map((hit) => (
        <ResultItem
          key={hit.block}
          hit={hit}
          keywords={keywords}
          numbers={numbers.get(hit.block)}
          current={hit.block === currentBlock}
          onChoose={choose}
        />
      ))}
    </ol>
  );
}

export function SearchResults() {
  const { search, doc } = useReader();
  const result = useStore(search, (state) => state.result);
  const inDocumentOrder = useStore(search, (state) => state.inDocumentOrder);
  const problem = useStore(search, (state) => state.problem);
  // Nothing found, or nothing searched: one sentence, no count or order to choose.
  const message = problem
    ? problem.message
    : result?.total === 0
      ? `没有找到“${result.query}”。`
      : null;
  if (message !== null) {
    return (
      <section className="search-results" aria-label="搜索结果">
        <p className="results-empty">{message}</p>
      </section>
    );
  }
  if (!result) return null;
  const hits = inDocumentOrder ? hitsInDocumentOrder(result.hits, doc.indexOf) : result.hits;
  return (
    <section className="search-results" aria-label="搜索结果">
      <div className="results-header">
        <h2 className="panel-title">搜索结果</h2>
        <span className="results-count">
          共 {result.total} 处，{hits.length} 段
        </span>
      </div>
      <ChoiceGroup
        className="results-order"
        label="排序"
        options={ORDERS}
        value={inDocumentOrder ? 'document' : 'relevance'}
        labelOf={(order) => ORDER_LABELS[order]}
        onChoose={(order) => search.setDocumentOrder(order === 'document')}
      />
      {!inDocumentOrder && hits.length > 1 && (
        <p className="results-note">
          列表按相关度排列；“第 k 处”是在原文中的顺序，回车按它逐处跳转。
        </p>
      )}
      {/* A new query starts the list afresh, first results first. */}
      <ResultList key={result.query} query={result.query} hits={hits} />
    </section>
  );
}
