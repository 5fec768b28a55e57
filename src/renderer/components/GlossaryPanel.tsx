/** The 名词解释 panel: every entry with its count of occurrences, each one a jump away. */
import { useEffect, useRef } from 'react';
import type { GlossaryPanelState } from '../hooks/useGlossaryPanel';

interface Props {
  panel: GlossaryPanelState;
  /** Opens the form for a term of the reader's own (the selected phrase, if any). */
  onAdd?(): void;
}

export function GlossaryPanel({ panel, onAdd }: Props) {
  const { rows, expanded, setExpanded, show, focusRequested, focusDone } = panel;
  const headingButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!focusRequested) return;
    focusDone();
    (list.current?.querySelector<HTMLElement>('button') ?? headingButton.current)?.focus();
  }, [focusRequested, focusDone]);

  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <section className="glossary-panel" aria-labelledby="glossary-panel-title">
      <h2 className="panel-title" id="glossary-panel-title">
        <button
          ref={headingButton}
          type="button"
          className="panel-disclosure"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> 名词解释
          <span className="panel-count">
            {rows.length} 条 · {total} 处
          </span>
        </button>
      </h2>
      {expanded && (
        <ul className="glossary-list" ref={list}>
          {rows.map((row) => (
            <li key={row.id} className={`glossary-row source-${row.source}`}>
              <div className="glossary-row-head">
                <button
                  type="button"
                  className="glossary-row-term"
                  onClick={() => show(row.id, row.index)}
                >
                  {row.label}
                </button>
                {row.source === 'user' && <span className="glossary-row-mine">我的注释</span>}
                <span className="glossary-row-count" aria-label={`正文 ${row.count} 处`}>
                  {row.count} 处
                </span>
              </div>
              <p className="glossary-row-definition">{row.definition}</p>
              {row.count > 1 && (
                <div className="glossary-row-steps">
                  <button
                    type="button"
                    className="popover-step"
                    aria-label={`${row.label}：上一处`}
                    disabled={!row.canStepBack}
                    onClick={() => show(row.id, row.index - 1, true)}
                  >
                    上一处
                  </button>
                  <span className="popover-position">{row.position}</span>
                  <button
                    type="button"
                    className="popover-step"
                    aria-label={`${row.label}：下一处`}
                    disabled={!row.canStepOn}
                    onClick={() => show(row.id, row.index + 1, true)}
                  >
                    下一处
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {expanded && onAdd && (
        <button
          type="button"
          className="tool-button glossary-add"
          // Keeps the text selection: the button must not take it away before it is read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={onAdd}
        >
          添加我的注释…
        </button>
      )}
    </section>
  );
}
