/**
 * Index terms: every character and every overlapping pair of characters of the
 * normalized text. Chinese has no spaces, and no word segmenter finds every
 * substring (jieba cuts 污水零直排区 as 污水|零直|排区); pairs do. A query of
 * two or more characters needs all its pairs, a one-character query its
 * character; the engine then checks the real substring, so hits are exact.
 */

function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Terms to index for a normalized text. */
export function indexTerms(normalized: string): string[] {
  const chars = codePoints(normalized);
  const terms: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  return terms;
}

/** Terms a block must have to possibly contain a normalized keyword. */
export function queryTerms(keyword: string): string[] {
  const chars = codePoints(keyword);
  if (chars.length === 1) return chars;
  const terms = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
  return [...terms];
}
