/**
 * The parse worker's stand-in for DecompressionStream (native-inflate.ts),
 * driven as pdf.js drives it: what zlib inflates comes out whole; anything
 * it refuses makes the read fail, which is pdf.js's cue to inflate the
 * stream itself; and pdf.js reads the same text through it as through its
 * own inflate, a damaged stream included.
 */
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_OUTPUT_BYTES,
  NativeInflateStream,
  useNativeInflate,
} from '../../../src/services/report-file/native-inflate';
import { pdfFromObjects } from '../../../src/services/report-file/warm-up';
import { readPdfPages } from '../../../src/services/report-file/pdf-text';

/** As pdf.js's asyncGetBytesFromDecompressionStream uses it: write all, then read every chunk. */
async function inflate(format: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new NativeInflateStream(format);
  const writer = writable.getWriter();
  await writer.ready;
  void writer.write(bytes).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'DecompressionStream', saved);
});

describe('inflating for pdf.js with zlib', () => {
  it('gives back what was deflated', async () => {
    const text = Buffer.from('BT /F1 12 Tf 72 720 Td (Report reader) Tj ET\n'.repeat(200));
    expect(Buffer.from(await inflate('deflate', deflateSync(text)))).toEqual(text);
  });

  it('refuses what it does not read, so pdf.js inflates it itself', async () => {
    expect(() => new NativeInflateStream('brotli')).toThrow(TypeError);
    const packed = deflateSync(Buffer.from('q 1 0 0 1 0 0 cm Q\n'.repeat(100)));
    // Truncated, and with a wrong checksum: zlib is strict where pdf.js is lenient.
    await expect(inflate('deflate', packed.subarray(0, packed.length >> 1))).rejects.toThrow();
    const badSum = Buffer.from(packed);
    badSum[badSum.length - 1] ^= 0xff;
    await expect(inflate('deflate', badSum)).rejects.toThrow();
  });

  it('stops at its cap instead of inflating a crafted stream outside the heap', async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_OUTPUT_BYTES + 1));
    await expect(inflate('deflate', bomb)).rejects.toThrow(RangeError);
  });

  it('lets pdf.js read the same text, a truncated stream included', async () => {
    const content = 'BT /F1 12 Tf 72 720 Td (Report reader) Tj 0 -20 Td (second line) Tj ET';
    const packed = deflateSync(Buffer.from(content));
    const pdfWith = (stream: Buffer) =>
      pdfFromObjects([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R' +
          ' /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Filter /FlateDecode /Length ${stream.length} >>\nstream\n` +
          `${stream.toString('latin1')}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ]);
    const textOf = async (pdf: Uint8Array) =>
      (await readPdfPages(pdf)).map((page) => page.items.map((item) => item.str).join('|'));
    // Its checksum cut off: zlib refuses it, pdf.js's own inflate reads it all.
    const damaged = pdfWith(packed.subarray(0, packed.length - 4));
    const whole = pdfWith(packed);
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    const own = [await textOf(whole), await textOf(damaged)];
    useNativeInflate();
    expect([await textOf(whole), await textOf(damaged)]).toEqual(own);
    expect(own[0][0]).toContain('Report reader');
    expect(own[1][0]).toContain('second line');
  }, 30_000);
});
