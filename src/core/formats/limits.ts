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
   * Pages of a PDF. A budget report runs to a few hundred. pdf.js finds each
   * page by walking its page tree from the start, so a file whose pages all
   * hang off one /Kids array (as many writers make them) costs time quadratic
   * in its pages: measured, 2,000 tiny pages 1.2–2 s of CPU, 8,000 ~14 s.
   */
  pdfPages: 2_000,
  /** Wall time of one parse in the worker. */
  parseMs: 60_000,
  /** The worker's old-generation heap. */
  workerHeapMb: 1_024,
} as const;
