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

/**
 * High-contrast (forced) colours paint every highlight alike, in the
 * selection's colours, whatever ::highlight() says: the current match looked
 * like all the others, and 第 k/N 处 pointed nowhere. There, once the reader
 * steps, the current match alone is drawn (the results list still holds them all).
 */
const forcedColours = () =>
  typeof matchMedia === 'function' && matchMedia('(forced-colors: active)').matches;

export function showSearchHighlights(all: Range[], current: Range | null): void {
  const registry = highlights();
  if (!registry) return;
  if (current && forcedColours()) registry.delete(ALL);
  else registry.set(ALL, new Highlight(...all));
  if (current) registry.set(CURRENT, new Highlight(current));
  else registry.delete(CURRENT);
}

export function clearSearchHighlights(): void {
  highlights()?.delete(ALL);
  highlights()?.delete(CURRENT);
}
