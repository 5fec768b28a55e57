/**
 * index.html as the shells serve it: with the text of the report the app
 * starts on (the one read last) in place of the bundled report's, so that
 * text paints before any script runs, as the bundled one always did. Browser
 * mode's bridge and the desktop app's app:// handler both serve the page
 * through this. The text is rendered by the renderer's own report-html.ts, and
 * kept by report and edition (an edition's id is the hash of its text): a
 * rename changes nothing in it, a new edition is another key, and a report
 * removed is not the start any more. Whatever goes wrong (no library yet,
 * the report's files damaged, a page without the marks), the page is served
 * as built, with the bundled report, and the renderer does as it always did.
 */
import type { ServiceHandlers } from '../shared/api';
import {
  FIRST_PARAGRAPH_TIMING,
  pageTextOf,
  startReport,
  withPageText,
  type PageText,
} from '../shared/page-text';
import { renderReportHtml } from '../core/report/report-html';
import { readStatic, resolveStaticPath, type StaticFile } from './static-files';

export type StartPageSource = Pick<ServiceHandlers, 'getLibrary' | 'getDocument'>;

export interface StartPage {
  /** The file a URL path names: the page with the start report when it is index.html, else readStatic's. */
  serve(urlPath: string): Promise<StaticFile | null>;
  /** Renders the start report's page ahead of the first request (the answer is kept). */
  warm(): void;
}

/** Pages kept: the start report's, and the one before it (a reader going back and forth). */
const KEPT = 2;

const PAGE = '/index.html';

export function createStartPage(
  root: string,
  /** The services' handlers, once there are any (the desktop app registers app:// before). */
  source: () => StartPageSource | undefined,
): StartPage {
  const pagePath = resolveStaticPath(root, PAGE);
  /** Keyed by the built page read (readStatic keeps the same Buffer until the file changes) and the text. */
  const pages = new Map<string, { built: Buffer; body: Promise<Buffer> }>();

  function kept(built: Buffer, key: string, make: () => string | null): Promise<Buffer> {
    const found = pages.get(key);
    if (found?.built === built) {
      // Most recently used last.
      pages.delete(key);
      pages.set(key, found);
      return found.body;
    }
    const body = Promise.resolve().then(() => {
      const html = make();
      return html === null ? built : Buffer.from(html);
    });
    pages.set(key, { built, body });
    body.catch(() => pages.delete(key));
    for (const old of pages.keys()) {
      if (pages.size <= KEPT) break;
      pages.delete(old);
    }
    return body;
  }

  /** The text the built page holds, read once per build. */
  let ownText: { built: Buffer; text: ReturnType<typeof pageTextOf> } | undefined;
  const textOf = (built: Buffer) => {
    if (ownText?.built !== built) ownText = { built, text: pageTextOf(built.toString('utf8')) };
    return ownText.text;
  };

  /** The page for the data folder's state now, or null to serve the page as built. */
  async function startPage(built: Buffer): Promise<Buffer | null> {
    const handlers = source();
    const own = textOf(built);
    if (!handlers || !own) return null;
    const library = await handlers.getLibrary(undefined);
    if (!library.ok) return null;
    const report = startReport(library.value);
    const entry = library.value.reports.find((shelved) => shelved.id === report);
    const same = (text: PageText) => text.report === own.report && text.edition === own.edition;
    const ownPage = () =>
      kept(built, `${own.report}@${own.edition}`, () =>
        withPageText(built.toString('utf8'), own, undefined, { start: true }),
      );
    if (!entry || same({ report, edition: entry.edition })) return ownPage();
    const document = await handlers.getDocument({ report });
    // The report's files cannot be read: the renderer falls back on the bundled report, the page's own.
    if (!document.ok) return ownPage();
    const text = { report, edition: document.value.version };
    if (same(text)) return ownPage();
    return kept(built, `${text.report}@${text.edition}`, () =>
      withPageText(
        built.toString('utf8'),
        text,
        renderReportHtml(document.value, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING }),
        { start: true },
      ),
    );
  }

  async function serve(urlPath: string): Promise<StaticFile | null> {
    const file = await readStatic(root, urlPath);
    if (!file || pagePath === null || resolveStaticPath(root, urlPath) !== pagePath) return file;
    try {
      return { ...file, body: (await startPage(file.body)) ?? file.body };
    } catch {
      return file;
    }
  }

  return {
    serve,
    warm: () => void serve(PAGE),
  };
}
