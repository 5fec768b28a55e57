/**
 * One change in the 修订对照 list: what kind and where, a figure named, the
 * words taken out and put in inline in their sentence (a redline that reads
 * in Chinese), and the notes of mine it touches with where each is now.
 * The whole row jumps to the change in the text.
 */
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { figureChangeText, KIND_LABEL } from '../../../core/editions/labels';
import type { ComparedChange, ComparedMark } from '../../../shared/editions';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { revealInList } from '../../ui/scroll-within';
import { shortQuote } from '../annotations/annotation-view';
import { changeLabel, isLong, markTitle, markWhere, shownText } from './change-view';

function TouchedNote({ mark }: { mark: ComparedMark }) {
  const { settings } = useReader();
  const colorNames = useStore(settings, (state) => state.colorNames);
  const orphan = mark.now.status === 'orphan';
  return (
    <li
      className={`touched-note ${mark.color ? `swatch-${mark.color}` : 'touched-bookmark'}${orphan ? ' orphan' : ''}`}
    >
      <span className="touched-title">{markTitle(mark, colorNames)}</span>
      <q className="touched-quote">{shortQuote(mark.quote)}</q>
      {mark.kind === 'annotation' && mark.note.trim() !== '' && (
        <p className="touched-text">{mark.note}</p>
      )}
      <span className="touched-where">{markWhere(mark)}</span>
    </li>
  );
}

/** The words removed and added, inline between the words around them. */
function Redline({ change, expanded }: { change: ComparedChange; expanded: boolean }) {
  return (
    <span className="change-text">
      {change.before}
      {change.removed !== '' && (
        <del>
          <span className="visually-hidden">（删去：</span>
          {shownText(change.removed, expanded)}
          <span className="visually-hidden">）</span>
        </del>
      )}
      {change.added !== '' && (
        <ins>
          <span className="visually-hidden">（新增：</span>
          {shownText(change.added, expanded)}
          <span className="visually-hidden">）</span>
        </ins>
      )}
      {change.after}
    </span>
  );
}

interface Props {
  change: ComparedChange;
  /** Where it is in its group (from 0), and how many the group has. */
  row: number;
  rows: number;
  expanded: boolean;
  onToggle(id: string): void;
  /** Measures the row for the list's window (useRowWindow). */
  measure(element: HTMLElement | null): (() => void) | undefined;
}

/**
 * Memoised: the list's window moves as it scrolls, and the rows that stay in
 * it are not drawn again (a change never changes once compared).
 */
export const ChangeItem = memo(function ChangeItem({
  change,
  row,
  rows,
  expanded,
  onToggle,
  measure,
}: Props) {
  const { editions } = useReader();
  const current = useStore(editions, (state) => state.current === change.id);
  const onScreen = useStore(editions, (state) => state.onScreen);
  const item = useRef<HTMLLIElement>(null);
  // Stepping with the keys keeps the change in view in the list too (scrollTop, not
  // scrollIntoView, which would move where the next Tab starts: see scroll-within).
  useLayoutEffect(() => {
    if (current) revealInList(item.current);
  }, [current]);
  const ref = useCallback(
    (element: HTMLLIElement | null) => {
      item.current = element;
      return measure(element);
    },
    [measure],
  );
  return (
    <li
      ref={ref}
      data-row={row}
      aria-posinset={row + 1}
      aria-setsize={rows}
      className={`panel-item change-item change-${change.kind}`}
      aria-current={current ? 'true' : undefined}
    >
      <button
        type="button"
        className="panel-item-jump row-button change-jump"
        disabled={!onScreen}
        aria-label={`跳到${changeLabel(change)}`}
        onClick={() => editions.choose(change.id)}
      >
        <span className="panel-item-place">
          <span className="change-kind">{KIND_LABEL[change.kind]}</span>
          <span>{change.place}</span>
        </span>
        {change.figure && (
          <span className="change-figure">数字变化：{figureChangeText(change.figure)}</span>
        )}
        {change.kind === 'move' ? (
          <span className="change-text">{change.after}</span>
        ) : (
          <Redline change={change} expanded={expanded} />
        )}
      </button>
      {isLong(change) && (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          onClick={() => onToggle(change.id)}
        >
          {expanded ? '收起' : '展开全文'}
        </button>
      )}
      {change.touched.length > 0 && (
        <ul className="touched-list" aria-label="涉及的批注和书签">
          {change.touched.map((mark) => (
            <TouchedNote key={`${mark.kind}:${mark.id}`} mark={mark} />
          ))}
        </ul>
      )}
    </li>
  );
});
