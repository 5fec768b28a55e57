/**
 * The bounds on opening a file, chosen so that any real report fits with room
 * to spare (the bundled report is 36 KB of text, 1.2 MB as a printed PDF) and
 * a hostile file is refused before it can cost much time or memory.
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  /** Any file larger than this is refused before it is read. */
  fileBytes: 100 * MiB,
  /** Text after extraction: about 300 times the bundled report. */
  textChars: 10_000_000,
  /** A .docx's XML parts, inflated: a thousand-page report needs under 20 MB. */
  docxXmlBytes: 64 * MiB,
  /** Entries in a .docx; Word writes a few dozen. */
  docxEntries: 5_000,
  /**
   * How deep a web page's elements may nest. Saved pages nest a few dozen
   * deep (Chromium's own parser flattens anything past 512); the HTML parser
   * keeps its open elements in an array it shifts at the front, so a page of
   * 100k unclosed tags cost time quadratic in its depth.
   */
  htmlDepth: 1_024,
  /**
   * Pages of a PDF. A budget report runs to a few hundred. Each page costs
   * pdf.js a fixed ~0.3 ms of CPU whatever it holds (its page objects and
   * messages), so 2,000 one-line pages in 0.5 MB come near issue 14's 1 s per
   * MB. (Finding a page in a flat page tree was quadratic in the pages until
   * patches/pdfjs-dist+5.6.205.patch.)
   */
  pdfPages: 2_000,
  /** Wall time of one parse in the worker. */
  parseMs: 60_000,
  /** The worker's old-generation heap. */
  workerHeapMb: 1_024,
} as const;
