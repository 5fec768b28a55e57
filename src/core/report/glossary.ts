/**
 * The appendix 名词解释: entries parsed from the document itself, and where
 * each term occurs in the body. Nothing here knows the bundled report's terms.
 */
import type { Block, GlossaryEntry } from '../../shared/document';
import { findOccurrences } from './term-occurrences';

export { findOccurrences };

// `4. 隐形冠军：…`, `4、…`, `（4）…`, with a full- or half-width colon.
const ENTRY = /^(?:(\d{1,3})\s*[.．、]|[（(](\d{1,3})[）)])\s*([^：:]{1,60})[：:]\s*([\s\S]*)$/u;

export interface ParsedEntry {
  number: number;
  terms: string[];
  definition: string;
}

/** `4. 隐形冠军、单打冠军：…` → two terms and the definition. */
export function parseGlossaryText(text: string): ParsedEntry | null {
  const match = ENTRY.exec(text);
  if (!match) return null;
  const terms = match[3]
    .split(/[、，,]/u)
    .map((term) => term.trim())
    .filter((term) => term !== '');
  return { number: Number(match[1] ?? match[2]), terms, definition: match[4].trim() };
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
