/**
 * Search matches drawn with the CSS Custom Highlight API: ranges over the
 * pre-rendered text, styled by ::highlight(), so the text itself is never
 * rewritten (and other layers can anchor on it undisturbed).
 */
const ALL = 'search';
const CURRENT = 'search-current';

function highlights(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

export function showSearchHighlights(all: Range[], current: Range | null): void {
  const registry = highlights();
  if (!registry) return;
  registry.set(ALL, new Highlight(...all));
  if (current) registry.set(CURRENT, new Highlight(current));
  else registry.delete(CURRENT);
}

export function clearSearchHighlights(): void {
  highlights()?.delete(ALL);
  highlights()?.delete(CURRENT);
}
