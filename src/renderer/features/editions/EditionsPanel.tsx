/**
 * 修订对照: what changed between two editions, the changes that touch my
 * annotations and bookmarks first. Steps through them (also with `.` and
 * `,`), marks them all in the text (the redline), and exports the list.
 * Shown only while a comparison is on show.
 */
import { useMemo, useRef } from 'react';
import { useReader } from '../../app/context';
import { CommandButton } from '../../commands/CommandButton';
import { useStore } from '../../store';
import { useFocusInto } from '../sidebar/useFocusInto';
import { ChangeList } from './ChangeList';
import { comparisonSummary } from './change-view';
import { shelfEntry } from './commands';
import { labelOf } from './edition-names';

/** 第 k/N 处, with the steps and the redline toggle. */
function Steps() {
  const { editions, commands } = useReader();
  const position = useStore(editions, () => editions.position().index);
  const total = useStore(editions, (state) => state.comparison?.changes.length ?? 0);
  const redline = useStore(editions, (state) => state.redline);
  return (
    <div className="panel-actions button-row edition-steps">
      <CommandButton registry={commands} id="editions.previous">
        上一处
      </CommandButton>
      <CommandButton registry={commands} id="editions.next">
        下一处
      </CommandButton>
      <span className="edition-position" role="status">
        {position === 0 ? `共 ${total} 处` : `第 ${position}/${total} 处`}
      </span>
      <CommandButton registry={commands} id="editions.redline">
        {redline ? '隐藏标记' : '标出修订'}
      </CommandButton>
    </div>
  );
}

function Legend() {
  return (
    <p className="edition-legend" aria-label="标记说明">
      <span className="legend-added">新增文字</span>
      <span className="legend-removed">删去的文字</span>
      <span className="legend-bar">有修改的段落</span>
    </p>
  );
}

/** Which two editions: `征求意见稿.docx（…）→ 终稿.docx（…，当前版本）`. */
function Compared({ oldVersion, newVersion }: { oldVersion: string; newVersion: string }) {
  const stores = useReader();
  const entry = useStore(stores.shelf, () => shelfEntry(stores));
  return (
    <dl className="edition-pair">
      <dt>原版本</dt>
      <dd>{labelOf(entry, oldVersion)}</dd>
      <dt>新版本</dt>
      <dd>{labelOf(entry, newVersion)}</dd>
    </dl>
  );
}

export function EditionsPanel() {
  const { editions, commands } = useReader();
  const comparison = useStore(editions, (state) => state.comparison);
  const onScreen = useStore(editions, (state) => state.onScreen);
  const redline = useStore(editions, (state) => state.redline);
  const section = useRef<HTMLElement>(null);
  useFocusInto('editions', () => section.current?.querySelector<HTMLElement>('button')?.focus());
  // The same two lists for as long as the comparison is on show: a list given new arrays measures
  // where its rows are again, which forces the layout of the whole page (the redline just
  // toggled restyles hundreds of paragraphs) inside the key's own task.
  const [touched, others] = useMemo(
    () =>
      comparison === null
        ? [[], []]
        : [
            comparison.changes.slice(0, comparison.touchedChanges),
            comparison.changes.slice(comparison.touchedChanges),
          ],
    [comparison],
  );
  if (comparison === null) return null;
  return (
    <section className="panel editions-panel" aria-labelledby="editions-panel-title" ref={section}>
      <h2 className="panel-title" id="editions-panel-title">
        修订对照
      </h2>
      <Compared oldVersion={comparison.oldVersion} newVersion={comparison.newVersion} />
      <p className="edition-summary">{comparisonSummary(comparison)}</p>
      {onScreen ? (
        <Steps />
      ) : (
        <p className="panel-hint">
          正文不是这次对照的新版本：打开新版本后可跳到各处修改并标出修订。
        </p>
      )}
      {redline && <Legend />}
      <div className="panel-actions button-row">
        <button
          type="button"
          className="tool-button"
          onClick={() => commands.run('editions.export')}
        >
          导出修订清单（Markdown）
        </button>
        <CommandButton registry={commands} id="editions.choose">
          换版本…
        </CommandButton>
      </div>
      <ChangeList
        key={`${comparison.oldVersion}-${comparison.newVersion}-first`}
        title={touched.length > 0 ? '涉及我的批注和书签' : '修改'}
        changes={touched.length > 0 ? touched : others}
      />
      {touched.length > 0 && (
        <ChangeList
          key={`${comparison.oldVersion}-${comparison.newVersion}-others`}
          title="其他修改"
          changes={others}
        />
      )}
    </section>
  );
}
