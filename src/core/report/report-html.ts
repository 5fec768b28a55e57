/**
 * The report as static HTML, rendered at build time into index.html so the
 * text paints without waiting for any script. React never re-renders it: the
 * interface around it, and later overlays on it, find blocks by `data-block`.
 */
import type { Block, ReportDocument } from '../../shared/document';
import {
  segmentBlock,
  squeezedPunctuation,
  termSpansByBlock,
  underlineStart,
  type Segment,
  type TermSpan,
} from './segments';
import { titleParts } from './title-parts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const TITLE_ROLES = new Set(['title', 'occasion', 'speaker']);

/** The longest part of a title kept on one line: a longer one may break anywhere, as any text. */
const TITLE_WORD = 6;

/** A long title with its short parts each kept on one line (title-parts.ts); the text is unchanged. */
function titleHtml(title: string): string {
  const parts = titleParts(title);
  if (parts.length === 1) return escapeHtml(title);
  return parts
    .map((part) =>
      [...part].length <= TITLE_WORD
        ? `<span class="title-part">${escapeHtml(part)}</span>`
        : escapeHtml(part),
    )
    .join('');
}

/** A run's text, escaped, with the marks to draw half-width (at block offsets in `squeezed`) wrapped. */
function squeezedText(text: string, from: number, squeezed: ReadonlySet<number>): string {
  let html = '';
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    if (!squeezed.has(from + i)) continue;
    html += `${escapeHtml(text.slice(at, i))}<span class="pq">${escapeHtml(text[i])}</span>`;
    at = i + 1;
  }
  return html + escapeHtml(text.slice(at));
}

function markedText(segment: Segment, from: number, squeezed: ReadonlySet<number>): string {
  const text = squeezedText(segment.text, from, squeezed);
  const marked = segment.emphasis ? `<strong class="emphasis">${text}</strong>` : text;
  return segment.lead ? `<span class="run-in">${marked}</span>` : marked;
}

/**
 * A glossary term: focusable and announced as a button whose name is the term
 * itself. Not a <button>, because a button lays out as an inline-block, which
 * cannot break across lines and would leave gaps in justified Chinese text.
 * Its words are the report's own, so the block's textContent stays unchanged.
 */
function termOpen(term: TermSpan): string {
  return (
    `<span class="term" role="button" tabindex="0" aria-haspopup="dialog"` +
    ` data-glossary="${escapeHtml(term.entry)}" data-occurrence="${term.index}">`
  );
}

/**
 * A term that starts with an opening quote (“365”产业) keeps it inside, so
 * its name is whole, but draws its dotted line (.term-line) from after it.
 */
function inline(block: Block, terms: readonly TermSpan[] = []): string {
  const lines = new Map(terms.map((term) => [term, underlineStart(block.text, term)]));
  const segments = segmentBlock(block, terms, [...lines.values()]);
  const squeezed = new Set(squeezedPunctuation(block.text));
  let html = '';
  let from = 0;
  segments.forEach((segment, i) => {
    const { term } = segment;
    const line = term && lines.get(term) !== term.start ? lines.get(term) : undefined;
    if (term && term !== segments[i - 1]?.term) html += termOpen(term);
    if (line === from) html += '<span class="term-line">';
    html += markedText(segment, from, squeezed);
    from += segment.text.length;
    if (term && term !== segments[i + 1]?.term)
      html += line === undefined ? '</span>' : '</span></span>';
  });
  return html;
}

/** `timing`: the Element Timing name this block carries, if any. */
function blockHtml(block: Block, timing: string | undefined, terms?: TermSpan[]): string {
  // Every block can take focus, so jumps move keyboard and screen-reader users too.
  const attributes = `id="${block.id}" data-block="${block.id}" tabindex="-1"`;
  switch (block.kind) {
    case 'heading':
      return `<h2 ${attributes} class="section-heading">${inline(block, terms)}</h2>`;
    case 'glossary':
      return `<p ${attributes} class="glossary-entry">${inline(block)}</p>`;
    case 'meta':
      if (block.role === 'title') {
        return `<h1 ${attributes} class="report-title">${titleHtml(block.text)}</h1>`;
      }
      return `<p ${attributes} class="meta meta-${block.role ?? 'other'}">${escapeHtml(block.text)}</p>`;
    case 'paragraph': {
      const lead = block.lead === undefined ? '' : ` has-lead lead-${block.level}`;
      const timed = timing === undefined ? '' : ` elementtiming="${escapeHtml(timing)}"`;
      return `<p ${attributes} class="paragraph${lead}"${timed}>${inline(block, terms)}</p>`;
    }
  }
}

export interface RenderOptions {
  /**
   * The Element Timing name put on the first body paragraph, so the benchmark
   * can time its paint. The renderer's instrumentation module names it; the
   * build passes it in, as core may not import the renderer.
   */
  firstParagraphTiming?: string;
}

/**
 * How many blocks a part of the text (`.report-part`) holds, give or take:
 * the reading view contains each part's layout and paint (reading.css), so a
 * paragraph that changes height (the redline's words taken out, a note) lays
 * out and moves its own part's blocks and shifts the parts after it whole,
 * rather than placing every block after it anew: at 100× (6,300 blocks) one
 * paragraph's words were a 50 ms frame, in parts of a hundred some 5 ms.
 * Smaller parts cost about as little there (fewer blocks a part, more parts)
 * and cut the bundled report (63 blocks) in two, so its tests cross a part.
 */
export const PART_BLOCKS = 32;

/** The blocks reading.css gives no top margin (a heading's and the signature's are wide). */
const NO_TOP_MARGIN = new Set<Block['kind']>(['paragraph', 'glossary']);

/**
 * The body's blocks cut into parts of about PART_BLOCKS, each part starting
 * at a block with no top margin: a part's margins no longer collapse with
 * the next one's (it is a formatting context of its own), so the gap between
 * two parts is the last block's bottom margin alone, as it was.
 */
export function partsOf<T extends Pick<Block, 'kind'>>(blocks: readonly T[]): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  for (const block of blocks) {
    if (part.length >= PART_BLOCKS && NO_TOP_MARGIN.has(block.kind)) {
      parts.push(part);
      part = [];
    }
    part.push(block);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

export function renderReportHtml(document: ReportDocument, options: RenderOptions = {}): string {
  const front = document.blocks.filter(
    (block) => block.kind === 'meta' && TITLE_ROLES.has(block.role ?? ''),
  );
  const rest = document.blocks.filter((block) => !front.includes(block));
  const firstParagraph = rest.find((block) => block.kind === 'paragraph')?.id;
  const terms = termSpansByBlock(document.glossary);
  const body = (block: Block) =>
    blockHtml(
      block,
      block.id === firstParagraph ? options.firstParagraphTiming : undefined,
      terms.get(block.id),
    );
  return [
    `<article class="report" lang="zh-CN" aria-label="${escapeHtml(document.title)}">`,
    `<header class="title-block">${front.map((block) => blockHtml(block, undefined)).join('')}</header>`,
    ...partsOf(rest).map((part) =>
      ['<div class="report-part">', ...part.map(body), '</div>'].join('\n'),
    ),
    '</article>',
  ].join('\n');
}
