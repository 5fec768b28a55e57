/**
 * Any report file's bytes to the text the report pipeline reads: the format
 * picked by content (the name's extension only breaks ties), then decoded,
 * extracted or laid out, and bounded in size.
 */
import { ReportFormatError } from '../../core/formats/errors';
import { docxToHtml } from '../../core/formats/docx-html';
import { decodeHtml } from '../../core/formats/html-decode';
import { htmlToText } from '../../core/formats/html-text';
import { LIMITS } from '../../core/formats/limits';
import { layoutPdfText } from '../../core/formats/pdf-layout';
import { sniffFormat, type ReportFormat } from '../../core/formats/sniff';
import { decodeText } from '../../core/formats/text-decode';
import { readPdfPages } from './pdf-text';

export interface ExtractedText {
  text: string;
  format: ReportFormat;
  /** For text and web pages: the character encoding read. */
  encoding?: string;
  /** For PDFs: the number of pages. */
  pages?: number;
}

/** How far a parse has come: `done` of `total` steps of `stage`. */
export interface ParseProgress {
  /** `index` only when the search index is built too (parse-in-worker.ts's `index`). */
  stage: 'extract' | 'structure' | 'index' | 'done';
  done: number;
  total: number;
}

export interface ExtractOptions {
  /** The file's name, for the extension; never opened. */
  fileName?: string;
  onProgress?: (progress: ParseProgress) => void;
}

/** Fewer letters than this per page: the PDF's pages are pictures. */
const SCAN_CHARS_PER_PAGE = 5;
const SCAN_CHARS_MIN = 50;

/**
 * True when the file ends as every complete PDF does, with `%%EOF` near its
 * end. pdf.js rebuilds a truncated file from what is left, which would open a
 * report with its last pages silently missing.
 */
function isComplete(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048));
  return String.fromCharCode(...tail).includes('%%EOF');
}

async function extractPdf(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractedText> {
  if (!isComplete(bytes)) throw new ReportFormatError('pdf-damaged');
  const pages = await readPdfPages(bytes, (done, total) =>
    options.onProgress?.({ stage: 'extract', done, total }),
  );
  const text = layoutPdfText(pages);
  const letters = text.replace(/[\s\p{P}\d]/gu, '').length;
  if (letters < Math.max(SCAN_CHARS_MIN, pages.length * SCAN_CHARS_PER_PAGE)) {
    // Pictures of pages are a scan; pages with neither text nor pictures are blank.
    throw new ReportFormatError(pages.some((page) => page.image) ? 'pdf-scanned' : 'pdf-blank');
  }
  return { text, format: 'pdf', pages: pages.length };
}

async function extractByFormat(
  bytes: Uint8Array,
  format: ReportFormat,
  options: ExtractOptions,
): Promise<ExtractedText> {
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, options);
    case 'docx':
      return { text: htmlToText(docxToHtml(bytes), { article: false }), format };
    case 'html': {
      const { html, encoding } = decodeHtml(bytes);
      return { text: htmlToText(html), format, encoding };
    }
    case 'text': {
      const { text, encoding } = decodeText(bytes);
      return { text, format, encoding };
    }
  }
}

/**
 * At least a fifth of the letters are Chinese. An English note or shopping
 * list opened by mistake is refused; a short Chinese text is not (a 决议 or
 * a 公告 is short, and length alone does not tell a report).
 */
function mostlyChinese(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 && han * 5 >= letters;
}

/** Throws ReportFormatError (with a Chinese sentence) for every file it cannot read. */
export async function extractReportText(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  if (bytes.length > LIMITS.fileBytes) throw new ReportFormatError('too-large');
  const format = sniffFormat(bytes, options.fileName);
  const extracted = await extractByFormat(bytes, format, options);
  if (extracted.text.length > LIMITS.textChars) throw new ReportFormatError('text-too-long');
  if (extracted.text.trim() === '') throw new ReportFormatError('no-text');
  if (!mostlyChinese(extracted.text)) throw new ReportFormatError('not-chinese');
  return extracted;
}
