/**
 * What a term's popover shows, as plain data: the component only draws it,
 * and this is tested under Node. Report entries and the reader's own terms
 * share the shape; only the heading, underline and actions differ.
 */
import type { GlossaryOccurrence } from '../../../shared/document';

export type TermSource = 'report' | 'user';

/** A report glossary entry or a reader's own term, with its occurrences in reading order. */
export interface TermEntry {
  /** `g3` for the report's entries, `u:<id>` for the reader's own. */
  id: string;
  source: TermSource;
  terms: string[];
  definition: string;
  /** The appendix block that defines a report entry; none for the reader's own terms. */
  block?: string;
  occurrences: GlossaryOccurrence[];
}

/** One occurrence of one entry: the `index`-th (0-based). */
export interface OccurrenceRef {
  entry: string;
  index: number;
}

export interface PopoverModel {
  source: TermSource;
  /** Says whose explanation this is, so the reader's notes never pass for the report's text. */
  heading: string;
  /** The term as written at this occurrence: what the dialog is labelled by. */
  title: string;
  definition: string;
  /** `第 k/N 处` */
  position: string;
  previous: OccurrenceRef | null;
  next: OccurrenceRef | null;
  /** Block id of the appendix entry, for report terms. */
  appendix: string | null;
}

export const REPORT_HEADING = '名词解释';
export const USER_HEADING = '我的注释';

export const occurrenceKey = (ref: OccurrenceRef): string => `${ref.entry}#${ref.index}`;

export function positionLabel(index: number, count: number): string {
  return `第 ${index + 1}/${count} 处`;
}

/** The model for the `index`-th occurrence. Previous/next stop at the ends (no wrapping). */
export function popoverModel(entry: TermEntry, index: number): PopoverModel {
  const count = entry.occurrences.length;
  const at = Math.min(Math.max(index, 0), Math.max(count - 1, 0));
  const ref = (i: number): OccurrenceRef | null =>
    i >= 0 && i < count ? { entry: entry.id, index: i } : null;
  return {
    source: entry.source,
    heading: entry.source === 'report' ? REPORT_HEADING : USER_HEADING,
    title: entry.occurrences[at]?.term ?? entry.terms[0] ?? '',
    definition: entry.definition,
    position: count === 0 ? '正文未出现' : positionLabel(at, count),
    previous: ref(at - 1),
    next: ref(at + 1),
    appendix: entry.source === 'report' ? (entry.block ?? null) : null,
  };
}
