/** The 名词解释 panel: every entry with its count of occurrences, each one a jump away. */
import { useMemo, useRef } from 'react';
import { useReader } from '../../app/context';
import { useCommand } from '../../commands/useCommand';
import { useStore } from '../../store';
import { useFocusInto } from '../sidebar/useFocusInto';
import { panelRows } from './glossary-panel';

export function GlossaryPanel() {
  const { glossary, commands } = useReader();
  const entries = useStore(glossary, (state) => state.entries);
  const panelAt = useStore(glossary, (state) => state.panelAt);
  const rows = useMemo(() => panelRows(entries, panelAt), [entries, panelAt]);
  const show = glossary.showFromPanel;
  // Offered while a term can be added (the data is not read-only).
  const add = useCommand(commands, 'glossary.addTerm');
  const list = useRef<HTMLUListElement>(null);
  useFocusInto('glossary', () => list.current?.querySelector<HTMLElement>('button')?.focus());

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
      {add.enabled && (
        <button
          type="button"
          className="tool-button glossary-add"
          // Keeps the text selection: the button must not take it away before it is read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => add.command.perform()}
        >
          添加我的注释…
        </button>
      )}
    </section>
  );
}
