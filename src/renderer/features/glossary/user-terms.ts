/**
 * The reader's own terms as glossary entries: where each occurs in the text
 * (same rules as the report's terms), and whether a draft may be saved.
 * Pure, tested under Node.
 */
import type { Block, GlossaryOccurrence } from '../../../shared/document';
import { findOccurrences } from '../../../core/report/term-occurrences';
import { LIMITS, type UserTerm } from '../../../shared/user-data';
import type { TermEntry } from './glossary-popover';

/** Entry ids of the reader's terms: `u:` and the stored id, apart from the report's `g1`…. */
export const userEntryId = (id: string): string => `u:${id}`;

const SEARCHED = new Set<Block['kind']>(['paragraph', 'heading', 'glossary']);

const overlapsAny = (occurrence: GlossaryOccurrence, taken: readonly GlossaryOccurrence[]) =>
  taken.some(
    (other) =>
      other.block === occurrence.block &&
      other.start < occurrence.end &&
      occurrence.start < other.end,
  );

/**
 * Every occurrence of the reader's terms in the report's text. Where one
 * overlaps a report term, the report's own explanation wins: a place in the
 * text is never two popovers.
 */
export function userTermEntries(
  terms: readonly UserTerm[],
  blocks: readonly Block[],
  reportOccurrences: readonly GlossaryOccurrence[],
): TermEntry[] {
  // No terms of the reader's own (every start, before the notes are read): no text to scan.
  if (terms.length === 0) return [];
  const searched = blocks.filter((block) => SEARCHED.has(block.kind));
  const found = findOccurrences(
    terms.map((term) => ({ terms: [term.term] })),
    searched,
  );
  return terms.map((term, index) => ({
    id: userEntryId(term.id),
    source: 'user',
    terms: [term.term],
    definition: term.definition,
    occurrences: found[index].filter((occurrence) => !overlapsAny(occurrence, reportOccurrences)),
  }));
}

export interface TermDraft {
  id?: string;
  term: string;
  definition: string;
}

/** Why a draft cannot be saved, in words for the reader; null when it can. */
export function draftProblem(draft: TermDraft, existing: readonly UserTerm[]): string | null {
  const term = draft.term.trim();
  const definition = draft.definition.trim();
  if (term === '') return '请填写词语。';
  if (term.length > LIMITS.term) return `词语不能超过 ${LIMITS.term} 字。`;
  if (definition === '') return '请填写解释。';
  if (definition.length > LIMITS.definition) return `解释不能超过 ${LIMITS.definition} 字。`;
  if (existing.some((other) => other.term === term && other.id !== draft.id)) {
    return `“${term}”已有注释，请编辑原来的那条。`;
  }
  return null;
}
