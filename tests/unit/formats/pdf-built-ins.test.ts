/**
 * pdf.js's legacy build brings core-js, which replaces JSON.parse,
 * JSON.stringify and Array.prototype.push with slower polyfills for the
 * whole thread; pdf-text.ts puts the engine's own back once pdf.js is loaded
 * (the worker serializes a search index after reading a PDF). Checked in a
 * thread of its own, where pdf.js has certainly not been loaded before.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
const pdfText = fileURLToPath(
  new URL('../../../src/services/report-file/pdf-text.ts', import.meta.url),
);
const warmUp = fileURLToPath(
  new URL('../../../src/services/report-file/warm-up.ts', import.meta.url),
);

const CHECK = `
const { parentPort } = require('node:worker_threads');
require(${JSON.stringify(tsx)}).register();
const before = [JSON.parse, JSON.stringify, Array.prototype.push];
const { readPdfPages } = require(${JSON.stringify(pdfText)});
const { pdfFromObjects } = require(${JSON.stringify(warmUp)});
const onePage = pdfFromObjects([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  '<< /Length 36 >>\\nstream\\nBT /F1 12 Tf 72 720 Td (Hello) Tj ET\\nendstream',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
]);
readPdfPages(onePage).then((pages) => {
  const after = [JSON.parse, JSON.stringify, Array.prototype.push];
  parentPort.postMessage({
    text: pages[0].items.map((item) => item.str).join(''),
    same: before.map((fn, i) => fn === after[i]),
    polyfilled: typeof globalThis['__core-js_shared__'] === 'object',
  });
}, (error) => parentPort.postMessage({ error: String(error) }));
`;

describe('reading a PDF', () => {
  it('leaves JSON and Array.prototype.push as the engine made them', async () => {
    const worker = new Worker(CHECK, { eval: true });
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    // pdf.js did load its polyfills (so the check means something), and read the page.
    expect(answer).toEqual({ text: 'Hello', same: [true, true, true], polyfilled: true });
  }, 30_000);
});
