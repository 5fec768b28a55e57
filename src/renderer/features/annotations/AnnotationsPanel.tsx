/**
 * 批注: every annotation in reading order (or by time), filtered by colour,
 * tag and text, with its place, quote, note and tags. Orphans, whose words are
 * gone from this edition, are listed apart under 未能定位 and never dropped.
 */
import { useMemo, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS } from '../../../shared/user-data';
import { useReader } from '../../app/context';
import { keyLabel } from '../../commands/shortcut-labels';
import { useCommand } from '../../commands/useCommand';
import { useStore } from '../../store';
import { focusFirstIn, useFocusInto } from '../sidebar/useFocusInto';
import { importAnnotationFile } from './annotation-files';
import { AnnotationFilters } from './AnnotationFilters';
import { AnnotationItem } from './AnnotationItem';
import {
  arrangeAnnotations,
  NO_FILTER,
  tagsInUse,
  type AnnotationFilter,
  type AnnotationOrder,
} from './annotation-view';

function FileActions() {
  const stores = useReader();
  const { commands } = stores;
  const exportMarkdown = useCommand(commands, 'annotations.exportMarkdown');
  const exportJson = useCommand(commands, 'annotations.exportJson');
  const canImport = useCommand(commands, 'annotations.import').enabled;
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="panel-actions button-row">
      <button
        type="button"
        className="tool-button"
        disabled={!exportMarkdown.enabled}
        onClick={() => exportMarkdown.command.perform()}
      >
        导出发言提纲
      </button>
      <button
        type="button"
        className="tool-button"
        disabled={!exportJson.enabled}
        onClick={() => exportJson.command.perform()}
      >
        导出 JSON
      </button>
      <button
        type="button"
        className="tool-button"
        disabled={!canImport}
        onClick={() => fileInput.current?.click()}
      >
        导入…
      </button>
      <input
        ref={fileInput}
        id="annotation-import"
        type="file"
        accept=".json,application/json,application/ld+json"
        hidden
        aria-label="选择要导入的批注文件"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importAnnotationFile(stores, file);
        }}
      />
    </div>
  );
}

/** Records set aside as unreadable: said once, with the way to get them back. */
function QuarantineNote() {
  const { userData, commands } = useReader();
  const quarantined = useStore(userData, (state) => state.data.quarantined);
  const exportThem = useCommand(commands, 'annotations.exportQuarantine');
  if (quarantined === 0) return null;
  return (
    <p className="quarantine-note">
      另有 {quarantined} 条记录无法读取，已单独保存，没有丢失。
      <button
        type="button"
        className="link-button"
        disabled={!exportThem.enabled}
        onClick={() => exportThem.command.perform()}
      >
        {exportThem.command.label}
      </button>
    </p>
  );
}

/** What each colour is called (重点, 疑问, …), renamable. */
function ColorNames() {
  const { settings } = useReader();
  const colorNames = useStore(settings, (state) => state.colorNames);
  return (
    <details className="color-names">
      <summary>颜色名称</summary>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} className={`color-name swatch-${color}`}>
          <span className="visually-hidden">颜色 {color.slice(1)} 的名称</span>
          <input
            className="field"
            defaultValue={colorNames[color]}
            maxLength={20}
            onBlur={(event) => {
              const name = event.target.value.trim();
              const now = settings.getSnapshot().colorNames;
              if (name !== '' && name !== now[color])
                settings.update({ colorNames: { ...now, [color]: name } });
            }}
          />
        </label>
      ))}
    </details>
  );
}

export function AnnotationsPanel() {
  const { userData, commands } = useReader();
  const section = useRef<HTMLElement>(null);
  useFocusInto('annotations', () => focusFirstIn(section.current));
  const annotations = useStore(userData, (state) => state.data.annotations);
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [order, setOrder] = useState<AnnotationOrder>('document');
  const { placed, orphans } = useMemo(
    () => arrangeAnnotations(annotations, filter, order),
    [annotations, filter, order],
  );
  const tags = useMemo(() => tagsInUse(annotations), [annotations]);
  const total = annotations.length;
  const highlightKeys = keyLabel(commands.get('annotation.highlight'));
  const selectKey = keyLabel(commands.get('selection.start'));

  return (
    <section ref={section} className="panel annotations-panel" aria-label="批注">
      <h2 className="panel-title">批注（{total}）</h2>
      <FileActions />
      <QuarantineNote />
      {total > 0 && <AnnotationFilters state={{ filter, setFilter, order, setOrder, tags }} />}
      {total === 0 ? (
        <p className="panel-empty">
          {`选中正文里的文字，即可高亮或写批注（${highlightKeys} 直接高亮）。不用鼠标时，按 ${selectKey} 从正在读的段落选起，→ 换句。`}
        </p>
      ) : placed.length + orphans.length === 0 ? (
        <p className="panel-empty">没有符合筛选条件的批注。</p>
      ) : null}
      {placed.length > 0 && (
        <ol className="item-list annotation-list">
          {placed.map((annotation) => (
            <AnnotationItem key={annotation.id} annotation={annotation} />
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-label="未能定位">
          <h3 className="panel-subtitle">未能定位（{orphans.length}）</h3>
          <p className="panel-hint">
            报告原文已修改，找不到这些批注对应的文字。它们原样保留，不会被删除。
          </p>
          <ol className="item-list annotation-list">
            {orphans.map((annotation) => (
              <AnnotationItem key={annotation.id} annotation={annotation} />
            ))}
          </ol>
        </section>
      )}
      <ColorNames />
    </section>
  );
}
