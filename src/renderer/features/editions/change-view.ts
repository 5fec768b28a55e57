/**
 * What the 修订对照 list says of a comparison, a change and a touched note:
 * pure, so the wording is tested under Node and shared by the list and its
 * accessible names.
 */
import { kindCounts } from '../../../core/editions/changes-markdown';
import { STATUS_LABEL } from '../../../core/editions/labels';
import type { ComparedChange, ComparedMark, EditionComparison } from '../../../shared/editions';
import type { HighlightColor } from '../../../shared/user-data';
import { shortQuote } from '../annotations/annotation-view';

/** A paragraph put in or taken out longer than this shows its start and end until expanded. */
export const PARAGRAPH_PREVIEW = 90;

/** `共 6 处修改（改动 3、新增段落 1…），其中 4 处涉及我的批注或书签`. */
export function comparisonSummary(comparison: EditionComparison): string {
  const { changes, touchedChanges } = comparison;
  if (changes.length === 0) return '两版文字相同（版式差异不计）';
  const touched =
    touchedChanges === 0
      ? '没有一处涉及我的批注或书签'
      : `其中 ${touchedChanges} 处涉及我的批注或书签`;
  return `共 ${changes.length} 处修改（${kindCounts(changes).join('、')}），${touched}`;
}

/** Whether a change's text is long enough to be shown shortened until the reader expands it. */
export function isLong(change: Pick<ComparedChange, 'removed' | 'added'>): boolean {
  return change.removed.length + change.added.length > PARAGRAPH_PREVIEW;
}

/** The text shown for what was removed or added: whole, or its start and end. */
export function shownText(text: string, expanded: boolean): string {
  return expanded ? text : shortQuote(text, PARAGRAPH_PREVIEW);
}

/** `批注 · 重点` or `书签 · 致谢`. */
export function markTitle(mark: ComparedMark, colorNames: Record<HighlightColor, string>): string {
  if (mark.kind === 'bookmark') return `书签 · ${mark.note}`;
  return mark.color ? `批注 · ${colorNames[mark.color]}` : '批注';
}

/** `现在位于 二（三）第2段 · 原文仍在`, or that it can no longer be placed. */
export function markWhere(mark: ComparedMark): string {
  if (mark.now.status === 'orphan') return `新版中${STATUS_LABEL.orphan}（已列入未能定位）`;
  return `现在位于 ${mark.nowPlace ?? ''} · ${STATUS_LABEL[mark.now.status]}`;
}

/** The whole change in words, for a screen reader's name of its jump. */
export function changeLabel(change: ComparedChange): string {
  const parts = [change.place];
  if (change.removed !== '') parts.push(`删去“${shortQuote(change.removed, 40)}”`);
  if (change.added !== '') parts.push(`新增“${shortQuote(change.added, 40)}”`);
  if (change.touched.length > 0) parts.push(`涉及 ${change.touched.length} 条批注或书签`);
  return parts.join('，');
}
