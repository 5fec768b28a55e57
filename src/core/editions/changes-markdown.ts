/**
 * The change list as Markdown, for the meeting folder: the changes that touch
 * my annotations and bookmarks first, each with where it is, what was taken
 * out and put in, and every touched note with its quote, its note and where
 * it anchors now; then the other changes. Every piece of text, the report's
 * or the reader's, goes through markdownText: nothing in it becomes markup.
 */
import type { ReportDocument } from '../../shared/document';
import type { ComparedChange, ComparedMark, EditionComparison } from '../../shared/editions';
import { DEFAULT_COLOR_NAMES, type HighlightColor } from '../../shared/user-data';
import { figureChangeText, KIND_LABEL, STATUS_LABEL } from './labels';
import { markdownQuote, markdownText } from './markdown-text';
import { presentReview } from './present';
import type { EditionReview } from './types';

export interface ChangesMarkdownOptions {
  /** The reader's names for the highlight colours. */
  colorNames?: Record<HighlightColor, string>;
  now?: Date;
  /** What the reader calls the two editions (the files they came from); their versions otherwise. */
  editionNames?: { old: string; new: string };
}

/** What the heading says of the report: the new edition's title and occasion. */
export type ReportHeading = Pick<ReportDocument, 'title' | 'occasion'>;

function mark(entry: ComparedMark, colorNames: Record<HighlightColor, string>) {
  const what =
    entry.kind === 'annotation'
      ? `**批注** · ${markdownText(entry.color ? colorNames[entry.color] : '')}`
      : `**书签** · ${markdownText(entry.note)}`;
  const where =
    entry.now.status === 'orphan'
      ? STATUS_LABEL.orphan
      : `现在位于 ${markdownText(entry.nowPlace ?? '')}，${STATUS_LABEL[entry.now.status]}`;
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
  item: ComparedChange,
  number: number,
  colorNames: Record<HighlightColor, string>,
): string {
  const out = [`### ${number}. ${KIND_LABEL[item.kind]} · ${markdownText(item.place)}`, ''];
  if (item.figure) out.push(`数字变化：${markdownText(figureChangeText(item.figure))}`, '');
  if (item.removed !== '')
    out.push(item.kind === 'delete' ? '删去：' : '原文：', '', markdownQuote(item.removed), '');
  if (item.added !== '')
    out.push(item.kind === 'insert' ? '新增：' : '改为：', '', markdownQuote(item.added), '');
  if (item.kind === 'change' && item.removed === '') out.push('（只有增补，没有删去文字）', '');
  if (item.kind === 'change' && item.added === '') out.push('（删去，没有新增文字）', '');
  for (const entry of item.touched) out.push(mark(entry, colorNames), '');
  return out.join('\n');
}

/** `改动 3、新增段落 1`: the count of each kind there is, in a fixed order. */
export function kindCounts(changes: readonly Pick<ComparedChange, 'kind'>[]): string[] {
  return (['change', 'insert', 'delete', 'move'] as const)
    .map((kind) => [kind, changes.filter((item) => item.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${KIND_LABEL[kind]} ${count}`);
}

/** The Markdown of a comparison as the 修订对照 view holds it. */
export function comparisonMarkdown(
  comparison: EditionComparison,
  report: ReportHeading,
  options: ChangesMarkdownOptions = {},
): string {
  const colorNames = options.colorNames ?? DEFAULT_COLOR_NAMES;
  const now = options.now ?? new Date();
  const { changes, touchedChanges } = comparison;

  const out = [`# 修订对照：${markdownText(report.title)}`, ''];
  const about = [
    report.occasion && markdownText(report.occasion),
    options.editionNames
      ? `旧版：${markdownText(options.editionNames.old)} → 新版：${markdownText(options.editionNames.new)}`
      : `旧版 ${comparison.oldVersion} → 新版 ${comparison.newVersion}`,
    changes.length === 0
      ? '两版文字相同（版式差异不计）'
      : `共 ${changes.length} 处修改（${kindCounts(changes).join('、')}），其中 ${touchedChanges} 处涉及我的批注或书签`,
    `导出于 ${now.toLocaleString('zh-CN', { hour12: false })}`,
  ];
  out.push(...about.filter(Boolean).map((line) => `> ${line}`), '');

  const touched = changes.slice(0, touchedChanges);
  const others = changes.slice(touchedChanges);
  let number = 0;
  if (touched.length > 0) {
    out.push('## 涉及我的批注和书签', '');
    for (const item of touched) out.push(change(item, ++number, colorNames));
  }
  if (others.length > 0) {
    out.push(touched.length > 0 ? '## 其他修改' : '## 修改', '');
    for (const item of others) out.push(change(item, ++number, colorNames));
  }
  return out.join('\n');
}

/** The Markdown of a review, from the two editions compared. */
export function changesMarkdown(
  review: EditionReview,
  oldDocument: ReportDocument,
  newDocument: ReportDocument,
  options: ChangesMarkdownOptions = {},
): string {
  return comparisonMarkdown(presentReview(review, oldDocument, newDocument), newDocument, options);
}
