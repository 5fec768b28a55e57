/**
 * Text from a report or from a reader, made inert for a Markdown file: it
 * reads the same in any viewer and never becomes markup, a link or HTML.
 * Opened files are untrusted, and so is a note pasted from anywhere.
 * - `&`, `<`, `>` become entities: no HTML, no `<javascript:…>` autolink, no
 *   blockquote marker;
 * - the inline markers (`\ * _ ` [ ] | ~`) are backslash-escaped: no emphasis,
 *   code, table cell, strikethrough, and, with `[` `]` escaped, no link or
 *   image of any kind (`[x](javascript:…)`, `[x]: javascript:…`);
 * - a line that would open a block (`#`, `-`, `+`, `=`, `1.`) has its marker escaped.
 * One line in, one line out: callers split multi-line text themselves.
 */
const INLINE = /[\\`*_[\]|~]/g;
const BLOCK_START = /^(\s*)([#+=-]|\d+(?=[.)]))/;

export function markdownText(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (mark) => `\\${mark}`);
  return escaped.replace(BLOCK_START, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

/** Multi-line text as a blockquote, every line escaped. */
export function markdownQuote(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${markdownText(line)}`))
    .join('\n');
}
