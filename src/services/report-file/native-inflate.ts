/**
 * A stand-in for the web's DecompressionStream, for pdf.js in the parse
 * worker: it inflates a whole stream at once with Node's zlib (native code)
 * instead of through a web stream.
 *
 * pdf.js inflates each FlateDecode stream by writing its bytes to
 * `new DecompressionStream('deflate')` and reading every chunk back; when
 * that throws or the read fails, it inflates the stream itself, in
 * JavaScript. In Node the real one is a web stream over zlib per stream: a
 * report printed by Chromium holds ~1,500 small streams (a glyph procedure
 * each, in ~120 Type3 fonts), and reading it took ~1.4 s of CPU that way
 * against ~0.9 s with pdf.js's own inflate; that fallback in turn cost a
 * thrown ReferenceError (its stack captured) per stream once the global was
 * deleted. Here a stream is one `inflateSync` call and no error at all.
 *
 * Anything zlib refuses (a damaged stream, a bad checksum, a format other
 * than `deflate`, more than MAX_OUTPUT_BYTES out) makes the read fail, so
 * pdf.js falls back to its own inflate, which is lenient where zlib is strict
 * (it keeps what a truncated stream holds) and bounded by the worker's heap.
 * zlib's output is outside that heap: the cap keeps a crafted stream from
 * inflating there to gigabytes.
 */
import { inflateSync } from 'node:zlib';

/** Output of one stream past which pdf.js's own inflate takes over: no real stream comes near it. */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

type Inflated = { bytes: Uint8Array } | { error: unknown };

/** What pdf.js uses of a DecompressionStream: a writer taking the whole input, and the output to iterate. */
export class NativeInflateStream {
  private result: Inflated = { error: new Error('nothing written') };

  readonly writable = {
    getWriter: () => ({
      ready: Promise.resolve(),
      write: async (input: Uint8Array): Promise<void> => {
        try {
          this.result = { bytes: inflateSync(input, { maxOutputLength: MAX_OUTPUT_BYTES }) };
        } catch (error) {
          this.result = { error };
        }
      },
      close: async (): Promise<void> => undefined,
    }),
  };

  readonly readable: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => {
      let done = false;
      return {
        next: async (): Promise<IteratorResult<Uint8Array>> => {
          if (done) return { done: true, value: undefined };
          done = true;
          if ('error' in this.result) throw this.result.error;
          return { done: false, value: this.result.bytes };
        },
      };
    },
  };

  constructor(format: string) {
    // pdf.js asks for 'brotli' too; its own decoder reads that.
    if (format !== 'deflate') throw new TypeError(`${format}: not inflated here`);
  }
}

/** Puts the stand-in in this thread's global scope, for pdf.js to find. */
export function useNativeInflate(): void {
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream = NativeInflateStream;
}
