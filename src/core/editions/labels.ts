/**
 * How the 修订对照 view and its Markdown export name a change, where a
 * touched note anchors now, and a changed figure: one wording for both.
 */
import type { AnchorStatus } from '../../shared/user-data';
import type { ChangeKind, FigureChange } from '../../shared/editions';

export const KIND_LABEL: Record<ChangeKind, string> = {
  change: '改动',
  insert: '新增段落',
  delete: '删除段落',
  move: '段落移动',
};

export const STATUS_LABEL: Record<AnchorStatus, string> = {
  exact: '原文仍在',
  fuzzy: '近似定位（文字有改动）',
  orphan: '已无法定位',
};

/** `地区生产总值 1164.48亿元 → 1164.50亿元` (no label when the text names none). */
export function figureChangeText({ label, before, after }: FigureChange): string {
  return [label, `${before} → ${after}`].filter(Boolean).join(' ');
}
