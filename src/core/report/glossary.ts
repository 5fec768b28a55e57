/**
 * The appendix 名词解释: entries parsed from the document itself, and where
 * each term occurs in the body. Nothing here knows the bundled report's terms.
 */
import type { Block, GlossaryEntry } from '../../shared/document';
import { findOccurrences } from './term-occurrences';

export { findOccurrences };

// `4. 隐形冠军：…`, `4、…`, `（4）…`, `④…`, with a full- or half-width colon.
const ENTRY =
  /^(?:(\d{1,3})\s*[.．、]|[（(](\d{1,3})[）)]|([\u2460-\u2473]))\s*([^：:]{1,60})[：:]\s*([\s\S]*)$/u;
const CIRCLED_ONE = 0x2460;

export interface ParsedEntry {
  number: number;
  terms: string[];
  definition: string;
}

/** `4. 隐形冠军、单打冠军：…` → two terms and the definition. */
export function parseGlossaryText(text: string): ParsedEntry | null {
  const match = ENTRY.exec(text);
  if (!match) return null;
  const terms = match[4]
    .split(/[、，,]/u)
    .map((term) => term.trim())
    .filter((term) => term !== '');
  const number = match[3] ? match[3].charCodeAt(0) - CIRCLED_ONE + 1 : Number(match[1] ?? match[2]);
  return { number, terms, definition: match[5].trim() };
}

/** Builds the glossary from the appendix blocks, linking terms in the body blocks only. */
export function buildGlossary(appendixBlocks: Block[], bodyBlocks: Block[]): GlossaryEntry[] {
  const parsed = appendixBlocks
    .filter((block) => block.kind === 'glossary')
    .flatMap((block) => {
      const entry = parseGlossaryText(block.text);
      return entry ? [{ ...entry, block: block.id }] : [];
    });
  const occurrences = findOccurrences(parsed, bodyBlocks);
  return parsed.map((entry, index) => ({
    id: `g${index + 1}`,
    terms: entry.terms,
    definition: entry.definition,
    block: entry.block,
    occurrences: occurrences[index],
  }));
}
