/**
 * The change list as Markdown, for the meeting folder: the changes that touch
 * my annotations and bookmarks first, each with where it is, what was taken
 * out and put in, and every touched note with its quote, its note and where
 * it anchors now; then the other changes. Every piece of text, the report's
 * or the reader's, goes through markdownText: nothing in it becomes markup.
 */
import type { ReportDocument } from '../../shared/document';
import { locationLabel } from '../report/location';
import { DEFAULT_COLOR_NAMES, type HighlightColor } from '../../shared/user-data';
import { figureChangeText, KIND_LABEL, STATUS_LABEL } from './labels';
import { markdownQuote, markdownText } from './markdown-text';
import type { EditionReview, ReviewedChange, TouchedMark } from './types';

export interface ChangesMarkdownOptions {
  /** The reader's names for the highlight colours. */
  colorNames?: Record<HighlightColor, string>;
  now?: Date;
}

type Labeller = (block: string | undefined) => string;

function labeller(document: ReportDocument): Labeller {
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  return (block) =>
    block === undefined ? '' : locationLabel(document.blocks, document.outline, order, block);
}

function mark(entry: TouchedMark, newLabel: Labeller, colorNames: Record<HighlightColor, string>) {
  const what =
    entry.kind === 'annotation'
      ? `**批注** · ${markdownText(entry.color ? colorNames[entry.color] : '')}`
      : `**书签** · ${markdownText(entry.note)}`;
  const where =
    entry.now.status === 'orphan'
      ? STATUS_LABEL.orphan
      : `现在位于 ${markdownText(newLabel(entry.nowBlock))}，${STATUS_LABEL[entry.now.status]}`;
  const lines = [`${what} · ${where}`, '', markdownQuote(entry.quote)];
  if (entry.kind === 'annotation' && entry.note.trim() !== '') {
    lines.push(
      '',
      ...entry.note
        .trim()
        .split(/\r\n?|\n/)
        .map(markdownText),
    );
  }
  if (entry.tags && entry.tags.length > 0) {
    lines.push('', `标签：${entry.tags.map(markdownText).join('、')}`);
  }
  return lines.join('\n');
}

function change(
  item: ReviewedChange,
  number: number,
  labels: { old: Labeller; new: Labeller },
  colorNames: Record<HighlightColor, string>,
): string {
  const where =
    item.kind === 'delete'
      ? `原${labels.old(item.oldBlock)}`
      : item.kind === 'move'
        ? `由原${labels.old(item.oldBlock)}移至${labels.new(item.newBlock)}`
        : labels.new(item.newBlock);
  const out = [`### ${number}. ${KIND_LABEL[item.kind]} · ${markdownText(where)}`, ''];
  if (item.figure) {
    out.push(`数字变化：${markdownText(figureChangeText(item.figure))}`, '');
  }
  if (item.removed !== '')
    out.push(item.kind === 'delete' ? '删去：' : '原文：', '', markdownQuote(item.removed), '');
  if (item.added !== '')
    out.push(item.kind === 'insert' ? '新增：' : '改为：', '', markdownQuote(item.added), '');
  if (item.kind === 'change' && item.removed === '') out.push('（只有增补，没有删去文字）', '');
  if (item.kind === 'change' && item.added === '') out.push('（删去，没有新增文字）', '');
  for (const entry of item.touched) out.push(mark(entry, labels.new, colorNames), '');
  return out.join('\n');
}

export function changesMarkdown(
  review: EditionReview,
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
  options: ChangesMarkdownOptions = {},
): string {
  const colorNames = options.colorNames ?? DEFAULT_COLOR_NAMES;
  const now = options.now ?? new Date();
  const labels = { old: labeller(oldDocument), new: labeller(newDocument) };
  const counts = (['change', 'insert', 'delete', 'move'] as const)
    .map((kind) => [kind, review.changes.filter((item) => item.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${KIND_LABEL[kind]} ${count}`);

  const out = [`# 修订对照：${markdownText(newDocument.title)}`, ''];
  const about = [
    newDocument.occasion && markdownText(newDocument.occasion),
    `旧版 ${oldDocument.version} → 新版 ${newDocument.version}`,
    review.changes.length === 0
      ? '两版文字相同（版式差异不计）'
      : `共 ${review.changes.length} 处修改（${counts.join('、')}），其中 ${review.touchedChanges} 处涉及我的批注或书签`,
    `导出于 ${now.toLocaleString('zh-CN', { hour12: false })}`,
  ];
  out.push(...about.filter(Boolean).map((line) => `> ${line}`), '');

  const touched = review.changes.slice(0, review.touchedChanges);
  const others = review.changes.slice(review.touchedChanges);
  let number = 0;
  if (touched.length > 0) {
    out.push('## 涉及我的批注和书签', '');
    for (const item of touched) out.push(change(item, ++number, labels, colorNames));
  }
  if (others.length > 0) {
    out.push(touched.length > 0 ? '## 其他修改' : '## 修改', '');
    for (const item of others) out.push(change(item, ++number, labels, colorNames));
  }
  return out.join('\n');
}
