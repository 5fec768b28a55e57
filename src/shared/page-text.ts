/**
 * The report text a page is served with. index.html holds one report's text,
 * rendered into it before any script runs, so it paints with the page. The
 * build puts the bundled report there; the shells (browser mode and the
 * desktop app's app:// page, src/services/start-page.ts) put the report the
 * app will start on in its place, the one read last. Which report and edition
 * the text is, is written on <html>, where the head scripts can read it
 * before the body is parsed, and the renderer keeps the text when it is the
 * one it starts on, as it always kept the bundled one.
 */
import { BUNDLED_REPORT_ID, type LibraryView } from './library';

/** The report whose text the page holds. */
export const PAGE_REPORT_ATTRIBUTE = 'data-page-report';
/** Its edition (the document's version). */
export const PAGE_EDITION_ATTRIBUTE = 'data-page-edition';
/**
 * Set when a shell chose the text from the data folder: the text is the
 * report the app starts on, whatever the page's view cache remembers. Absent
 * (a page served as built, by Vite's dev server say), the text is the bundled
 * report's, and the cache is the best guess of what the start will show.
 */
export const PAGE_START_ATTRIBUTE = 'data-page-start';

/** Where the text goes in index.html; the build keeps both marks around the text it puts there. */
export const REPORT_MARK = '<!--REPORT-->';
export const REPORT_END_MARK = '<!--/REPORT-->';

/**
 * The Element Timing name on the text's first paragraph: the benchmark times
 * its paint. Here, not in the renderer, since the shells render the text too.
 */
export const FIRST_PARAGRAPH_TIMING = 'first-paragraph';

export interface PageText {
  report: string;
  edition: string;
}

/** The report the app starts on: the one read last while it is on the shelf, else the bundled one. */
export function startReport(library: LibraryView): string {
  return library.reports.some((report) => report.id === library.last)
    ? library.last
    : BUNDLED_REPORT_ID;
}

/** Attribute values are ids (report ids, edition hashes); anything else is refused, never escaped. */
const ID = /^[\w-]{1,128}$/;

const attributes = (text: PageText, start: boolean) =>
  ` ${PAGE_REPORT_ATTRIBUTE}="${text.report}" ${PAGE_EDITION_ATTRIBUTE}="${text.edition}"` +
  (start ? ` ${PAGE_START_ATTRIBUTE}=""` : '');

/**
 * The page with `article` (report-html.ts's rendering of `text`) as its
 * report: put in place of the text between the marks (or of the bare
 * `<!--REPORT-->` of the source page), and named on <html>, with
 * `data-page-start` when a shell chose it. Without `article`, the page's
 * own text stays (it is `text` already). Null when the page has no place
 * for it: the page is then served as it is.
 */
export function withPageText(
  page: string,
  text: PageText,
  article: string | undefined,
  { start }: { start: boolean },
): string | null {
  if (!ID.test(text.report) || !ID.test(text.edition)) return null;
  const html = /<html\b[^>]*>/.exec(page);
  const from = page.indexOf(REPORT_MARK);
  if (!html || from < 0) return null;
  const end = page.indexOf(REPORT_END_MARK, from);
  if (article === undefined && end < 0) return null;
  const to = end < 0 ? from + REPORT_MARK.length : end + REPORT_END_MARK.length;
  const body = article ?? page.slice(from + REPORT_MARK.length, end);
  const tag = html[0]
    .replace(/\s+data-page-[a-z]+(="[^"]*")?/g, '')
    .replace(/>$/, `${attributes(text, start)}>`);
  return (
    page.slice(0, html.index) +
    tag +
    page.slice(html.index + html[0].length, from) +
    REPORT_MARK +
    body +
    REPORT_END_MARK +
    page.slice(to)
  );
}

/** The text a page names on <html> (`withPageText`), or null when it names none. */
export function pageTextOf(page: string): (PageText & { start: boolean }) | null {
  const tag = /<html\b[^>]*>/.exec(page)?.[0] ?? '';
  const report = new RegExp(`${PAGE_REPORT_ATTRIBUTE}="([^"]*)"`).exec(tag)?.[1];
  const edition = new RegExp(`${PAGE_EDITION_ATTRIBUTE}="([^"]*)"`).exec(tag)?.[1];
  if (report === undefined || edition === undefined) return null;
  return { report, edition, start: tag.includes(PAGE_START_ATTRIBUTE) };
}
