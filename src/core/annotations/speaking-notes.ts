/**
 * The Markdown 发言提纲: annotations grouped by section in reading order, each
 * with its citation (`二（三）第2段`), the exact quote, the note and the tags,
 * so a delegate can speak from it. Orphans come last, never left out.
 */
import { blockIndexAt, type DocumentText } from '../report/doc-text';
import type { ReportDocument } from '../../shared/document';
import { locationLabel, sectionPath } from '../report/location';
import type { Anchored, Annotation, HighlightColor } from '../../shared/user-data';

/** Keeps a reader's `<b>` or `<script>` from turning into markup in a Markdown viewer. */
const plain = (text: string) => text.replace(/&/g, '&amp;').replace(/<(?=[A-Za-z/!?])/g, '&lt;');

const quoted = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${plain(line)}`)
    .join('\n');

function entry(
  label: string,
  annotation: Annotation,
  colorNames: Record<HighlightColor, string>,
): string {
  const lines = [
    `**${label}** · ${colorNames[annotation.color]}`,
    '',
    quoted(annotation.target.quote.exact),
  ];
  if (annotation.note.trim() !== '') lines.push('', plain(annotation.note.trim()));
  if (annotation.tags.length > 0) lines.push('', `标签：${annotation.tags.map(plain).join('、')}`);
  return lines.join('\n');
}

export function speakingNotes(
  document: ReportDocument,
  doc: DocumentText,
  annotations: Anchored<Annotation>[],
  colorNames: Record<HighlightColor, string>,
  now = new Date(),
): string {
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const placed = annotations
    .flatMap((annotation) =>
      annotation.anchor.status === 'orphan' ? [] : [{ annotation, start: annotation.anchor.start }],
    )
    .sort((a, b) => a.start - b.start || a.annotation.created.localeCompare(b.annotation.created));
  const orphans = annotations.filter((annotation) => annotation.anchor.status === 'orphan');

  const out = [`# 发言提纲：${document.title}`, ''];
  const about = [
    document.occasion,
    `共 ${annotations.length} 条批注，导出于 ${now.toLocaleString('zh-CN', { hour12: false })}`,
  ];
  out.push(...about.filter(Boolean).map((line) => `> ${line}`), '');

  let shown: string[] = [];
  for (const { annotation, start } of placed) {
    const block = doc.ids[blockIndexAt(doc, start)];
    const path = sectionPath(document.outline, order, block).filter((e) => e.level <= 2);
    // A heading for each section entered, at its level.
    path.forEach((section, depth) => {
      if (shown[depth] === section.block) return;
      shown = [...shown.slice(0, depth), section.block];
      out.push(`${'#'.repeat(depth + 2)} ${section.title}`, '');
    });
    if (path.length === 0 && shown.length > 0) shown = [];
    const label = locationLabel(document.blocks, document.outline, order, block);
    out.push(entry(label, annotation, colorNames), '');
  }
  if (orphans.length > 0) {
    out.push('## 未能定位', '', '原文已修改，以下批注找不到对应的文字，原样保留：', '');
    for (const annotation of orphans) out.push(entry('未能定位', annotation, colorNames), '');
  }
  if (annotations.length === 0) out.push('（还没有批注。）', '');
  return out.join('\n');
}
