/**
 * The report as a structured document: what the parser produces at build time,
 * what the CLI prints, and what the renderer draws. Plain data, JSON-safe.
 */

export type BlockKind = 'heading' | 'paragraph' | 'meta' | 'glossary';

/** A half-open range of JS string offsets into a block's `text`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a `meta` block is, so the renderer can typeset a proper title block.
 * `label` is a line printed around the title that is not the title itself:
 * `…会议文件`, `（草案）`, `（书面）`.
 */
export type MetaRole = 'title' | 'occasion' | 'speaker' | 'signature' | 'date' | 'label';

export interface Block {
  id: string;
  kind: BlockKind;
  /**
   * For headings, their level. For paragraphs that open with a run-in head
   * (`（一）融合发展平稳推进。…` or `强化平台建设。…`), the level of that head.
   */
  level?: 1 | 2 | 3;
  /** Text after repair: joined across page breaks, spacing fixed, no `**`. */
  text: string;
  /** Run-in head of a paragraph: `text.slice(0, lead)` is the head, including its 。 */
  lead?: number;
  /** Ranges that the source marked `**bold**`. */
  emphasis?: Span[];
  role?: MetaRole;
}

export interface OutlineEntry {
  level: 1 | 2 | 3;
  /** Heading text without a trailing 。 */
  title: string;
  /** Id of the block the entry jumps to. */
  block: string;
}

export interface GlossaryOccurrence {
  block: string;
  start: number;
  end: number;
  /** Which of the entry's terms was found here. */
  term: string;
}

export interface GlossaryEntry {
  /** `g1`, `g2`, … in appendix order. */
  id: string;
  terms: string[];
  definition: string;
  /** The appendix block that defines the entry. */
  block: string;
  occurrences: GlossaryOccurrence[];
}

export interface ReportDocument {
  title: string;
  occasion?: string;
  date?: string;
  speaker?: string;
  /** Hash of the repaired text: changes only when the words change. */
  version: string;
  blocks: Block[];
  outline: OutlineEntry[];
  glossary: GlossaryEntry[];
}
