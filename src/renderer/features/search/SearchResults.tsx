/** The 搜索结果 panel: count, order toggle, and each hit with its section and marked snippet. */
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { OutlineEntry } from '../../../shared/document';
import type { SearchHit, SearchOrder, SearchResult } from '../../../shared/search';
import { makeSnippet } from '../../../shared/snippet';
import { queryKeywords } from '../../../core/search/normalize';
import { hitsInDocumentOrder, sectionPath } from './search-view';
import { ChoiceGroup } from '../../ui/ChoiceGroup';

/**
 * Results drawn in the keystroke's own frame: more than the list shows
 * (about three). The rest are drawn just after that frame, at low priority,
 * so a long list never delays the first results on screen.
 */
const FIRST_RESULTS = 8;

const ORDERS: readonly SearchOrder[] = ['relevance', 'document'];
const ORDER_LABELS: Record<SearchOrder, string> = { relevance: '按相关度', document: '按原文顺序' };

interface Props {
  result: SearchResult | null;
  texts: ReadonlyMap<string, string>;
  outline: OutlineEntry[];
  blockOrder: ReadonlyMap<string, number>;
  inDocumentOrder: boolean;
  onOrderChange(inDocumentOrder: boolean): void;
  onChoose(block: string): void;
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
  const snippet = makeSnippet(text, hit.matches ?? [], keywords);
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

/** Recent searches, shown while no search is on; choosing one searches again. */
export function RecentSearches({
  recent,
  onChoose,
}: {
  recent: string[];
  onChoose(query: string): void;
}) {
  if (recent.length === 0) return null;
  return (
    <section className="recent-searches" aria-label="最近搜索">
      <h2 className="panel-title">最近搜索</h2>
      <ul className="recent-list">
        {recent.map((query) => (
          <li key={query}>
            <button type="button" className="recent-search" onClick={() => onChoose(query)}>
              {query}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ResultList({
  query,
  hits,
  outline,
  blockOrder,
  texts,
  onChoose,
}: Pick<Props, 'outline' | 'blockOrder' | 'texts' | 'onChoose'> & {
  query: string;
  hits: SearchHit[];
}) {
  const [all, setAll] = useState(false);
  // Its snippets show as many of the keywords as a stretch of the block can.
  const keywords = useMemo(() => queryKeywords(query), [query]);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <ol className="results-list">
      {(all ? hits : hits.slice(0, FIRST_RESULTS)).map((hit) => (
        <li key={hit.block}>
          <button type="button" className="result" onClick={() => onChoose(hit.block)}>
            <span className="result-path">
              {sectionPath(outline, blockOrder, hit.block)
                .map((entry) => entry.title)
                .join(' › ') || '标题'}
            </span>
            <Snippet hit={hit} text={texts.get(hit.block) ?? ''} keywords={keywords} />
          </button>
        </li>
      ))}
    </ol>
  );
}

export function SearchResults(props: Props) {
  const { result, blockOrder } = props;
  if (!result) return null;
  const hits = props.inDocumentOrder ? hitsInDocumentOrder(result.hits, blockOrder) : result.hits;
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
        value={props.inDocumentOrder ? 'document' : 'relevance'}
        labelOf={(order) => ORDER_LABELS[order]}
        onChoose={(order) => props.onOrderChange(order === 'document')}
      />
      {hits.length === 0 ? (
        <p className="results-empty">没有找到“{result.query}”。</p>
      ) : (
        // A new query starts the list afresh, first results first.
        <ResultList
          key={result.query}
          query={result.query}
          hits={hits}
          outline={props.outline}
          blockOrder={blockOrder}
          texts={props.texts}
          onChoose={props.onChoose}
        />
      )}
    </section>
  );
}
