/**
 * A PDF's text items, page by page, through Mozilla's pdf.js (legacy build,
 * for Node and Electron's main process). pdf.js runs in this thread with its
 * "fake worker" (no browser Worker, nothing for the renderer's CSP to allow);
 * callers that must not block run it in parse-in-worker.ts. Options turn off
 * everything a text read does not need: eval-compiled fonts, font faces,
 * XFA forms, fetching. pdf.js never runs a PDF's own scripts outside its
 * viewer's sandbox, which is not loaded here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportFormatError } from '../../core/formats/errors';
import { LIMITS } from '../../core/formats/limits';
import type { PdfPageText } from '../../core/formats/pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/**
 * The built-ins pdf.js's legacy build replaces. It bundles core-js, which
 * swaps JSON.parse, JSON.stringify and Array.prototype.push for polyfills of
 * features Node 20 lacks (JSON.rawJSON, JSON.parse with source, a length
 * check of push) that neither pdf.js's own code nor this app uses. They stay
 * replaced for the whole thread, and are several times slower: the worker's
 * search index (lunr pushes into arrays, then the index is serialized) took
 * ~30% longer after a PDF than after a text file. So the engine's own are put
 * back once pdf.js is loaded.
 */
const BUILT_INS = [
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Array.prototype, 'push'],
] as const;

/** Loads pdf.js once, with its worker code in this thread. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const saved = BUILT_INS.map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name)!);
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      BUILT_INS.forEach(([owner, name], i) => Object.defineProperty(owner, name, saved[i]));
    }
  })();
  return loading;
}

/** pdf.js's character maps and standard font metrics, read from its package when present. */
function resourceFolders(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return {
      cMapUrl: join(root, 'cmaps') + '/',
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
    };
  } catch {
    // Bundled without its folders: CID fonts that need a predefined CMap lose text, others work.
    return {};
  }
}

export type PageProgress = (done: number, total: number) => void;

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** pdf.js's drawing operations that put a picture on the page. */
const IMAGE_OPS = [
  'paintImageXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObject',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
  'paintImageMaskXObjectRepeat',
  'paintSolidColorImageMask',
] as const;

function toError(error: unknown): ReportFormatError {
  const name = (error as { name?: string } | null)?.name;
  return new ReportFormatError(name === 'PasswordException' ? 'pdf-encrypted' : 'pdf-damaged');
}

/**
 * Pages asked of pdf.js in one request (getPagesTextContent, our patch of
 * pdf.js: patches/README.md). Its worker reads them one after another, so
 * only one page's content stream is decoded at a time; the request's answer
 * holds their text items, which the pages read keep anyway.
 */
const PAGES_AT_ONCE = 16;

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * The call our patch of pdf.js adds to its documents. Not for XFA forms,
 * whose text getTextContent takes from elsewhere: they are off (enableXfa).
 */
interface PagesTextContent {
  getPagesTextContent(
    pageNumbers: number[],
  ): Promise<{ items: TextItemLike[]; viewport: { width: number; height: number } }[]>;
}

/** Several pages' sizes and text items. */
async function readPages(document: PdfDocument, first: number, last: number) {
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const pages = await (document as PdfDocument & PagesTextContent).getPagesTextContent(numbers);
  return pages.map(({ items, viewport: { width, height } }) => ({
    width,
    height,
    items: items.flatMap((item) => {
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform ?? [];
      const size = Math.hypot(c, d) || (item.height ?? 0);
      return item.str === undefined ? [] : [{ str: item.str, x, y, width: item.width ?? 0, size }];
    }),
  }));
}

/** Whether a page draws a picture (asked of pages without text). */
async function drawsImage(document: PdfDocument, number: number, imageOps: Set<number>) {
  const page = await document.getPage(number);
  const { fnArray } = await page.getOperatorList({ intent: 'display' });
  page.cleanup();
  return fnArray.some((op) => imageOps.has(op));
}

/** Reads every page's text items. Throws ReportFormatError for encrypted or broken files. */
export async function readPdfPages(
  bytes: Uint8Array,
  onPage: PageProgress = () => {},
): Promise<PdfPageText[]> {
  // No refusal on `/Encrypt` alone: most protected reports carry only an
  // owner password (no copying or editing), which every reader opens without
  // asking; pdf.js opens them too, and throws PasswordException for the rest.
  const pdfjs = await loadPdfJs();
  const imageOps = new Set<number>(IMAGE_OPS.map((name) => pdfjs.OPS[name]));
  /** Until one textless page is found to draw a picture: then the file is a scan, and that is enough. */
  let lookForImages = true;
  const task = pdfjs.getDocument({
    // pdf.js may take over the buffer it is given: hand it a copy.
    data: bytes.slice(),
    ...resourceFolders(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw toError(error);
    });
    if (document.numPages > LIMITS.pdfPages) throw new ReportFormatError('pdf-too-many-pages');
    const pages: PdfPageText[] = [];
    for (let first = 1; first <= document.numPages; first += PAGES_AT_ONCE) {
      const last = Math.min(document.numPages, first + PAGES_AT_ONCE - 1);
      for (const [i, page] of (await readPages(document, first, last)).entries()) {
        const image =
          page.items.length === 0 &&
          lookForImages &&
          (await drawsImage(document, first + i, imageOps));
        if (image) lookForImages = false;
        pages.push({ ...page, ...(image && { image }) });
        onPage(first + i, document.numPages);
      }
    }
    return pages;
  } catch (error) {
    throw error instanceof ReportFormatError ? error : toError(error);
  } finally {
    await task.destroy();
  }
}
