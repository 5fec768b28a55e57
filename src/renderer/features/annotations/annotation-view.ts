/**
 * What the 批注 and 书签 panels show, derived from the user data: pure, so
 * filters, order and grouping are tested under Node.
 */
import { blockIndexAt, type DocumentText } from '../../../core/report/doc-text';
import type { ReportDocument } from '../../../shared/document';
import { locationLabel, sectionPath } from '../../../core/report/location';
import type { Anchored, Annotation, Bookmark, HighlightColor } from '../../../shared/user-data';

export type AnnotationOrder = 'document' | 'time';

export interface AnnotationFilter {
  colors: HighlightColor[];
  tag: string | null;
  text: string;
}

export const NO_FILTER: AnnotationFilter = { colors: [], tag: null, text: '' };

export interface Place {
  block: string;
  /** `二（三）第2段` */
  label: string;
  /** Section titles, outermost first. */
  path: string[];
}

export function placeOf(document: ReportDocument, doc: DocumentText, at: number): Place {
  const block = doc.ids[blockIndexAt(doc, at)];
  return {
    block,
    label: locationLabel(document.blocks, document.outline, doc.indexOf, block),
    path: sectionPath(document.outline, doc.indexOf, block).map((entry) => entry.title),
  };
}

const folded = (text: string) => text.normalize('NFKC').toLowerCase();

export function matchesFilter(annotation: Annotation, filter: AnnotationFilter): boolean {
  if (filter.colors.length > 0 && !filter.colors.includes(annotation.color)) return false;
  if (filter.tag !== null && !annotation.tags.includes(filter.tag)) return false;
  const needle = folded(filter.text.trim());
  if (needle === '') return true;
  return [annotation.note, annotation.target.quote.exact, ...annotation.tags].some((field) =>
    folded(field).includes(needle),
  );
}

const startOf = (item: Anchored<unknown>) =>
  item.anchor.status === 'orphan' ? Infinity : item.anchor.start;

/** Placed annotations in the chosen order, and the orphans (kept, listed apart). */
export function arrangeAnnotations(
  annotations: Anchored<Annotation>[],
  filter: AnnotationFilter,
  order: AnnotationOrder,
): { placed: Anchored<Annotation>[]; orphans: Anchored<Annotation>[] } {
  const shown = annotations.filter((annotation) => matchesFilter(annotation, filter));
  const placed = shown.filter((annotation) => annotation.anchor.status !== 'orphan');
  placed.sort((a, b) =>
    order === 'time'
      ? b.created.localeCompare(a.created)
      : startOf(a) - startOf(b) || a.created.localeCompare(b.created),
  );
  const orphans = shown
    .filter((annotation) => annotation.anchor.status === 'orphan')
    .sort((a, b) => a.created.localeCompare(b.created));
  return { placed, orphans };
}

/**
 * The placed annotations that carry words (a note or tags), in reading
 * order: numbered 1… alike in the margin, in the text on paper, and in the
 * notes printed after the report.
 */
export function annotationsWithWords(annotations: Anchored<Annotation>[]): Anchored<Annotation>[] {
  return arrangeAnnotations(annotations, NO_FILTER, 'document').placed.filter(
    (annotation) => annotation.note.trim() !== '' || annotation.tags.length > 0,
  );
}

/** Every tag in use, most used first, then alphabetically. */
export function tagsInUse(annotations: Annotation[]): string[] {
  const counts = new Map<string, number>();
  for (const annotation of annotations) {
    for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([tag]) => tag);
}

/** The annotations covering a position, innermost (shortest) first. */
export function annotationsAt(
  annotations: Anchored<Annotation>[],
  at: number,
): Anchored<Annotation>[] {
  return annotations
    .filter(
      (annotation) =>
        annotation.anchor.status !== 'orphan' &&
        annotation.anchor.start <= at &&
        at < annotation.anchor.end,
    )
    .sort(
      (a, b) =>
        startOf(b) - startOf(a) || a.target.quote.exact.length - b.target.quote.exact.length,
    );
}

/** The bookmark placed in a block, if any. */
export function bookmarkInBlock(
  bookmarks: Anchored<Bookmark>[],
  doc: DocumentText,
  block: string,
): Anchored<Bookmark> | undefined {
  return bookmarks.find(
    (bookmark) =>
      bookmark.anchor.status !== 'orphan' &&
      doc.ids[blockIndexAt(doc, bookmark.anchor.start)] === block,
  );
}

/** Tags typed as `预算, 民生 教育` or `#预算 #民生`: trimmed, de-duplicated, in order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/u)
        .map((tag) => tag.replace(/^#+/, '').trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}

/** A quote for a list: whole when short, else its start and end. */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 1) / 2);
  return `${flat.slice(0, half)}…${flat.slice(-half)}`;
}
