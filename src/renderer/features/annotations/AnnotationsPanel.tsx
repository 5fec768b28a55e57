/**
 * 批注: every annotation in reading order (or by time), filtered by colour,
 * tag and text, with its place, quote, note and tags. Orphans, whose words are
 * gone from this edition, are listed apart under 未能定位 and never dropped.
 */
import { useMemo, useRef, useState } from 'react';
import type { DocumentText } from '../../../shared/doc-text';
import type { ReportDocument } from '../../../shared/document';
import {
  HIGHLIGHT_COLORS,
  type Anchored,
  type Annotation,
  type HighlightColor,
} from '../../../shared/user-data';
import {
  arrangeAnnotations,
  NO_FILTER,
  placeOf,
  shortQuote,
  tagsInUse,
  type AnnotationFilter,
  type AnnotationOrder,
} from './annotation-view';
import { ChoiceGroup } from '../../ui/ChoiceGroup';

interface Props {
  document: ReportDocument;
  doc: DocumentText;
  annotations: Anchored<Annotation>[];
  colorNames: Record<HighlightColor, string>;
  readOnly: boolean;
  onJump(annotation: Anchored<Annotation>): void;
  onEdit(annotation: Anchored<Annotation>, from: HTMLElement): void;
  onDelete(annotation: Anchored<Annotation>): void;
  onRenameColor(color: HighlightColor, name: string): void;
  onExport(format: 'md' | 'json'): void;
  onImport(file: File): void;
}

const ORDER_LABELS: Record<AnnotationOrder, string> = { document: '原文顺序', time: '最新在前' };

function AnnotationItem({ annotation, props }: { annotation: Anchored<Annotation>; props: Props }) {
  const place =
    annotation.anchor.status === 'orphan'
      ? undefined
      : placeOf(props.document, props.doc, annotation.anchor.start);
  return (
    <li className={`annotation-item annotation-${annotation.color}`}>
      <button
        type="button"
        className="annotation-jump"
        disabled={!place}
        onClick={() => props.onJump(annotation)}
        aria-label={
          place ? `跳到${place.label}：${shortQuote(annotation.target.quote.exact, 30)}` : undefined
        }
      >
        <span className="annotation-place">
          {place
            ? `${place.label}${annotation.anchor.status === 'fuzzy' ? '（近似定位）' : ''}`
            : '未能定位'}
          <span className="annotation-color-name">{props.colorNames[annotation.color]}</span>
        </span>
        <span className="annotation-quote">{shortQuote(annotation.target.quote.exact)}</span>
      </button>
      {annotation.note.trim() !== '' && <p className="annotation-note">{annotation.note}</p>}
      {annotation.tags.length > 0 && (
        <p className="annotation-tags">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </p>
      )}
      <div className="annotation-actions">
        {place && (
          <button
            type="button"
            className="link-button"
            onClick={(event) => props.onEdit(annotation, event.currentTarget)}
          >
            编辑
          </button>
        )}
        <button
          type="button"
          className="link-button"
          disabled={props.readOnly}
          onClick={() => props.onDelete(annotation)}
        >
          删除
        </button>
      </div>
    </li>
  );
}

export function AnnotationsPanel(props: Props) {
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [order, setOrder] = useState<AnnotationOrder>('document');
  const fileInput = useRef<HTMLInputElement>(null);
  const { placed, orphans } = useMemo(
    () => arrangeAnnotations(props.annotations, filter, order),
    [props.annotations, filter, order],
  );
  const tags = useMemo(() => tagsInUse(props.annotations), [props.annotations]);
  const toggleColor = (color: HighlightColor) =>
    setFilter((old) => ({
      ...old,
      colors: old.colors.includes(color)
        ? old.colors.filter((c) => c !== color)
        : [...old.colors, color],
    }));
  const total = props.annotations.length;

  return (
    <section className="panel annotations-panel" aria-label="批注">
      <h2 className="panel-title">批注（{total}）</h2>
      <div className="panel-actions">
        <button
          type="button"
          className="tool-button"
          disabled={total === 0}
          onClick={() => props.onExport('md')}
        >
          导出发言提纲
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={total === 0}
          onClick={() => props.onExport('json')}
        >
          导出 JSON
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={props.readOnly}
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
            if (file) props.onImport(file);
          }}
        />
      </div>
      {total > 0 && (
        <div className="annotation-filters">
          <div className="color-filters" role="group" aria-label="按颜色筛选">
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className={`color-filter swatch-${color}`}
                aria-pressed={filter.colors.includes(color)}
                onClick={() => toggleColor(color)}
              >
                {props.colorNames[color]}
              </button>
            ))}
          </div>
          <input
            type="search"
            className="filter-text"
            aria-label="筛选批注"
            placeholder="筛选：原文、批注或标签"
            value={filter.text}
            onChange={(event) => setFilter((old) => ({ ...old, text: event.target.value }))}
          />
          {tags.length > 0 && (
            <select
              aria-label="按标签筛选"
              value={filter.tag ?? ''}
              onChange={(event) =>
                setFilter((old) => ({ ...old, tag: event.target.value || null }))
              }
            >
              <option value="">全部标签</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  #{tag}
                </option>
              ))}
            </select>
          )}
          <ChoiceGroup<AnnotationOrder>
            className="result-order"
            label="排序"
            options={['document', 'time']}
            value={order}
            labelOf={(option) => ORDER_LABELS[option]}
            onChoose={setOrder}
          />
        </div>
      )}
      {total === 0 ? (
        <p className="panel-empty">选中正文里的文字，即可高亮或写批注（Ctrl+Shift+H 直接高亮）。</p>
      ) : placed.length + orphans.length === 0 ? (
        <p className="panel-empty">没有符合筛选条件的批注。</p>
      ) : null}
      {placed.length > 0 && (
        <ol className="annotation-list">
          {placed.map((annotation) => (
            <AnnotationItem key={annotation.id} annotation={annotation} props={props} />
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-label="未能定位">
          <h3 className="panel-subtitle">未能定位（{orphans.length}）</h3>
          <p className="panel-hint">
            报告原文已修改，找不到这些批注对应的文字。它们原样保留，不会被删除。
          </p>
          <ol className="annotation-list">
            {orphans.map((annotation) => (
              <AnnotationItem key={annotation.id} annotation={annotation} props={props} />
            ))}
          </ol>
        </section>
      )}
      <details className="color-names">
        <summary>颜色名称</summary>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} className={`color-name swatch-${color}`}>
            <span className="visually-hidden">颜色 {color.slice(1)} 的名称</span>
            <input
              defaultValue={props.colorNames[color]}
              maxLength={20}
              onBlur={(event) => {
                const name = event.target.value.trim();
                if (name !== '' && name !== props.colorNames[color])
                  props.onRenameColor(color, name);
              }}
            />
          </label>
        ))}
      </details>
    </section>
  );
}
