/** The 名词解释 panel: every entry with its count of occurrences, each one a jump away. */
import { useEffect, useRef } from 'react';
import type { GlossaryPanelState } from './useGlossaryPanel';

interface Props {
  panel: GlossaryPanelState;
  /** Focus the first entry on mount (the panel was opened by a command), then report it. */
  autoFocus: boolean;
  onAutoFocused(): void;
  /** Opens the form for a term of the reader's own (the selected phrase, if any). */
  onAdd?(): void;
}

export function GlossaryPanel({ panel, autoFocus, onAutoFocused, onAdd }: Props) {
  const { rows, show } = panel;
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    onAutoFocused();
    list.current?.querySelector<HTMLElement>('button')?.focus();
  }, [autoFocus, onAutoFocused]);

  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return (
    <section className="glossary-panel" aria-labelledby="glossary-panel-title">
      <h2 className="panel-title glossary-panel-title" id="glossary-panel-title">
        名词解释
        <span className="panel-count">
          {rows.length} 条 · {total} 处
        </span>
      </h2>
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
      {onAdd && (
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
