/**
 * pdf.js's getPagesTextContent, which our patch adds (patches/README.md):
 * several pages' text items and viewports in one request to its worker, where
 * getPage and getTextContent take some nine messages and a ReadableStream a
 * page. It must answer what those two answer, page for page (rotated and
 * cropped pages, a page's user unit, text drawn by a form, a page with no
 * text), and readPdfPages must use it: the messages pdf.js passes while a file
 * is read are counted, not timed.
 */
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPdfPages } from '../../../src/services/report-file/pdf-text';
import { pdfFromObjects } from '../../../src/services/report-file/warm-up';

const stream = (dict: string, content: string) =>
  `<< ${dict} /Length ${content.length} >>\nstream\n${content}\nendstream`;

/**
 * Four pages. 1: two lines, the second a TJ with a gap (pdf.js adds a space
 * item); 2: rotated 90°, cropped, its text scaled and raised, and a form
 * showing text of its own; 3: a user unit of 2 and no text; 4: rotated 270°,
 * in Times with character spacing.
 */
function fourPages(): Uint8Array {
  const resources = '/Resources << /Font << /F1 11 0 R /F2 12 0 R >> /XObject << /X1 10 0 R >> >>';
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R 13 0 R] /Count 4 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${resources} >>`,
    stream('', 'BT /F1 12 Tf 72 720 Td (Hello) Tj 0 -14 Td [(Wor) -2000 (ld)] TJ ET'),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 400] /CropBox [10 10 500 390] /Rotate 90' +
      ` /Contents 6 0 R ${resources} >>`,
    stream('', 'BT /F1 10 Tf 80 Tz 3 Ts 40 300 Td (Turned) Tj ET q 1 0 0 1 20 20 cm /X1 Do Q'),
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /UserUnit 2 /Contents 8 0 R ${resources} >>`,
    stream('', 'q 0 0 1 rg 10 10 50 50 re f Q'),
    '<< >>', // unused
    stream(
      '/Type /XObject /Subtype /Form /BBox [0 0 600 400] /Resources << /Font << /F1 11 0 R >> >>',
      'BT /F1 9 Tf 50 50 Td (In a form) Tj ET',
    ),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Rotate 270 /Contents 14 0 R ${resources} >>`,
    stream('', 'BT /F2 14 Tf 2 Tc 100 500 Td (Sideways) Tj ET'),
  ]);
}

interface PagesTextContent {
  getPagesTextContent(
    pageNumbers: number[],
  ): Promise<
    { items: unknown[]; viewport: { width: number; height: number; transform: number[] } }[]
  >;
}

async function openPdf(bytes: Uint8Array) {
  await readPdfPages(fourPages()); // loads pdf.js, as the app does
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({ data: bytes, verbosity: 0 });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('getPagesTextContent (patched into pdf.js)', () => {
  it('answers each page’s items and viewport as getTextContent and getViewport do', async () => {
    const task = await openPdf(fourPages());
    try {
      const document = await task.promise;
      const answered = await (document as typeof document & PagesTextContent).getPagesTextContent([
        1, 2, 3, 4,
      ]);
      const expected = [];
      for (let number = 1; number <= 4; number++) {
        const page = await document.getPage(number);
        const { width, height, transform } = page.getViewport({ scale: 1 });
        expected.push({ items: (await page.getTextContent()).items, width, height, transform });
      }
      expect(
        answered.map(({ items, viewport: { width, height, transform } }) => ({
          items,
          width,
          height,
          transform,
        })),
      ).toEqual(expected);
      // Not empty by mistake: the text of every page with text, the form's included.
      const texts = answered.map(({ items }) =>
        (items as { str?: string }[]).map((item) => item.str ?? '').join('|'),
      );
      expect(texts[0]).toMatch(/Hello.*Wor.*ld/);
      expect(texts[1]).toMatch(/Turned.*In a form/);
      expect(texts[2]).toBe('');
      expect(texts[3].replace(/[ |]/g, '')).toBe('Sideways'); // spaced by its character spacing
      expect(answered.map(({ viewport }) => [viewport.width, viewport.height])).toEqual([
        [595, 842],
        [380, 490],
        [600, 600],
        [595, 842],
      ]);
    } finally {
      await task.destroy();
    }
  });

  it('refuses a page number out of range, as getPage does', async () => {
    const task = await openPdf(fourPages());
    try {
      const document = await task.promise;
      const ask = (numbers: number[]) =>
        (document as typeof document & PagesTextContent).getPagesTextContent(numbers);
      await expect(ask([1, 5])).rejects.toThrow('Invalid page request.');
      await expect(ask([0])).rejects.toThrow('Invalid page request.');
      await expect(ask([1.5])).rejects.toThrow('Invalid page request.');
    } finally {
      await task.destroy();
    }
  });

  it('lets readPdfPages read 64 pages in under one message a page', async () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${Array.from({ length: 64 }, (_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count 64 >>`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ];
    for (let page = 0; page < 64; page++) {
      objects.push(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * page} 0 R` +
          ' /Resources << /Font << /F1 3 0 R >> >> >>',
        stream('', `BT /F1 12 Tf 72 720 Td (P${page}) Tj ET`),
      );
    }
    await readPdfPages(fourPages()); // pdf.js loaded: its start's messages are not counted
    // pdf.js's same-thread worker port copies every message with structuredClone.
    const clone = vi.spyOn(globalThis, 'structuredClone');
    const pages = await readPdfPages(pdfFromObjects(objects));
    expect(pages.map((page) => page.items.map((item) => item.str).join(''))).toEqual(
      Array.from({ length: 64 }, (_, n) => `P${n}`),
    );
    // Through getPage and getTextContent it was ~9 a page (580 here).
    expect(clone.mock.calls.length).toBeLessThan(64);
  });
});

describe('compressed streams (FlateDecode, patched in pdf.js)', () => {
  it('are inflated by pdf.js’s own decoder, not through DecompressionStream', async () => {
    const content = 'BT /F1 12 Tf 72 720 Td (Inflated) Tj ET';
    const deflated = deflateSync(Buffer.from(content, 'latin1')).toString('latin1');
    const bytes = pdfFromObjects([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R' +
        ' /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Filter /FlateDecode /Length ${deflated.length} >>\nstream\n${deflated}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    await readPdfPages(fourPages()); // pdf.js loaded
    const Native = globalThis.DecompressionStream;
    let made = 0;
    // Counts the streams made, then makes them as the engine does.
    globalThis.DecompressionStream = class extends Native {
      constructor(format: CompressionFormat) {
        super(format);
        made++;
      }
    };
    try {
      const pages = await readPdfPages(bytes);
      expect(pages[0].items.map((item) => item.str).join('')).toBe('Inflated');
      // Unpatched, every compressed stream went through one first.
      expect(made).toBe(0);
    } finally {
      globalThis.DecompressionStream = Native;
    }
  });
});
