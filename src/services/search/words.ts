/**
 * Words of a normalized text, for the word-level ranking signal (build time
 * only: the engine never segments, it looks a keyword up in the word table).
 *
 * lunr-languages' lunr.zh does the segmenting, and its zh pipeline (trimmer,
 * stop words) cleans the words. Two things about lunr.zh 1.22.0 shape how it is
 * used here:
 *
 * - It would use @node-rs/jieba when it can load it (~180 ms and ~59 MB to
 *   load, and a different segmentation) and else fall back to Intl.Segmenter,
 *   announcing the fallback on console.info. It looks for jieba through the
 *   `require` its UMD wrapper is handed; this loader hands it none, so lunr.zh
 *   never probes, never prints, and a jieba that happens to be installed
 *   cannot change the index. Intl.Segmenter ships with Node and needs no load.
 * - On the Intl.Segmenter path its tokenizer returns the segmenter's words
 *   *and* every pair of adjacent CJK characters (for recall), so 发展 comes
 *   out of 发展改革 whether or not it is a word there. The words are the
 *   tokens that tile the text: at each word boundary, the token starting there
 *   that is not the filler pair (see `segmentTokens`).
 *
 * Only words of two or more code points are kept: a one-character word adds no
 * signal over its character (and lunr.zh's stop words are all single characters).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileFunction } from 'node:vm';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';

interface Zh {
  tokenizer(text: string): lunr.Token[];
  trimmer: lunr.PipelineFunction;
  stopWordFilter: lunr.PipelineFunction;
  stemmer: lunr.PipelineFunction;
}

type Plugin = (target: typeof lunr) => void;

/** Loads a lunr-languages UMD file as CommonJS with no `require` (nor AMD `define`) in scope. */
function loadWithoutRequire(file: string): Plugin {
  const path = createRequire(import.meta.url).resolve(`lunr-languages/${file}`);
  const module = { exports: {} as unknown };
  compileFunction(readFileSync(path, 'utf8'), ['module', 'exports', 'require', 'define'], {
    filename: path,
  }).call(globalThis, module, module.exports, undefined, undefined);
  return module.exports as Plugin;
}

let zh: Zh | undefined;
let pipeline: lunr.Pipeline | undefined;

/** lunr.zh, registered on lunr on first use. */
function loadZh(): { zh: Zh; pipeline: lunr.Pipeline } {
  if (zh === undefined || pipeline === undefined) {
    const host = lunr as unknown as { zh?: Zh; stemmerSupport?: unknown };
    if (host.stemmerSupport === undefined) (stemmerSupport as Plugin)(lunr);
    if (host.zh === undefined) loadWithoutRequire('lunr.zh.js')(lunr);
    zh = host.zh!;
    pipeline = new lunr.Pipeline();
    pipeline.add(zh.trimmer, zh.stopWordFilter, zh.stemmer);
  }
  return { zh, pipeline };
}

/**
 * lunr.zh's tokens that tile the text: at each boundary the one token that
 * starts there and is not a filler pair (when the word there is itself two
 * characters, lunr.zh has already merged the two); positions inside a word
 * hold only filler pairs and are skipped. With jieba there are no filler pairs
 * and every token is a word; the rule gives the same.
 */
export function segmentTokens(tokens: lunr.Token[]): lunr.Token[] {
  const byStart = new Map<number, lunr.Token[]>();
  for (const token of tokens) {
    const [start] = (token as unknown as { metadata: { position: [number, number] } }).metadata
      .position;
    const list = byStart.get(start);
    if (list) list.push(token);
    else byStart.set(start, [token]);
  }
  const words: lunr.Token[] = [];
  let end = 0;
  for (const start of [...byStart.keys()].sort((a, b) => a - b)) {
    if (start < end) continue;
    const here = byStart.get(start)!;
    const word = here.length === 1 ? here[0] : here.find((token) => token.toString().length !== 2);
    if (word === undefined) continue;
    words.push(word);
    end = start + word.toString().length;
  }
  return words;
}

/** The words (two or more code points) of a normalized text, in order, repeats kept. */
export function segmentWords(normalized: string): string[] {
  const { zh, pipeline } = loadZh();
  return pipeline
    .run(segmentTokens(zh.tokenizer(normalized)))
    .map(String)
    .filter((word) => Array.from(word).length >= 2);
}
