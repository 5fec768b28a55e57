/**
 * The Markdown 发言提纲: annotations grouped by section in reading order, each
 * with its citation (`二（三）第2段`), the exact quote, the note and the tags,
 * so a delegate can speak from it. Orphans come last, never left out.
 */
import { blockIndexAt, type DocumentText } from '../report/doc-text';
import type { ReportDocument } from '../../shared/document';
import { locationLabel, sectionPath } from '../report/location';
import type { Anchored, Annotation, HighlightColor } from '../../shared/user-data';

/**
 * Text from the reader's data or the report file, made inert in Markdown: a
 * `<b>` or `<script>` stays text, and so does `[link](javascript:…)` or
 * `![image](…)`, while a note still reads as written. Emphasis is left alone:
 * it can style a line, not run or fetch anything.
 */
const plain = (text: string) =>
  text
    // A backslash that would escape what follows, so it cannot undo the escapes below.
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[[\]]/g, '\\$&');

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
    `**${plain(label)}** · ${plain(colorNames[annotation.color])}`,
    '',
    quoted(annotation.target.quote.exact),
  ];
  if (annotation.note.trim() !== '') lines.push('', plain(annotation.note.trim()));
  if (annotation.tags.length > 0) lines.push('', `标签：${annotation.tags.map(plain).join('、')}`);
  return lines.join('\n');
}

/**
 * `title` heads the notes: the report as the 书架 lists it (the name the
 * delegate gave it, else year, place and title), so notes for several
 * reports tell which is which; the text's own title is often just 政府工作报告.
 */
export function speakingNotes(
  document: ReportDocument,
  doc: DocumentText,
  annotations: Anchored<Annotation>[],
  colorNames: Record<HighlightColor, string>,
  now = new Date(),
  title = document.title,
): string {
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const placed = annotations
    .flatMap((annotation) =>
      annotation.anchor.status === 'orphan' ? [] : [{ annotation, start: annotation.anchor.start }],
    )
    .sort((a, b) => a.start - b.start || a.annotation.created.localeCompare(b.annotation.created));
  const orphans = annotations.filter((annotation) => annotation.anchor.status === 'orphan');

  const out = [`# 发言提纲：${plain(title)}`, ''];
  const about = [
    document.occasion,
    `共 ${annotations.length} 条批注，导出于 ${now.toLocaleString('zh-CN', { hour12: false })}`,
  ];
  const lines = about.filter((line): line is string => Boolean(line));
  out.push(...lines.map((line) => `> ${plain(line)}`), '');

  let shown: string[] = [];
  for (const { annotation, start } of placed) {
    const block = doc.ids[blockIndexAt(doc, start)];
    const path = sectionPath(document.outline, order, block).filter((e) => e.level <= 2);
    // A heading for each section entered, at its level.
    path.forEach((section, depth) => {
      if (shown[depth] === section.block) return;
      shown = [...shown.slice(0, depth), section.block];
      out.push(`${'#'.repeat(depth + 2)} ${plain(section.title)}`, '');
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
