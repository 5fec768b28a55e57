/**
 * The page both shells serve (services/start-page.ts), for each state of the
 * data folder: the bundled report's text as built, or the report read last
 * in its place, and the page as built whenever that cannot be done. Through
 * the desktop app's app:// handler (appResponse), which cannot run here
 * without Electron, over the real services on a temp folder; the fall-backs
 * the services cannot be made to give on demand, over stand-ins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appResponse, APP_PAGE_URL } from '../../../src/main/app-protocol';
import { renderReportHtml } from '../../../src/core/report/report-html';
import { createStartPage, type StartPageSource } from '../../../src/services/start-page';
import type { ReaderServices } from '../../../src/services/reader-services';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { BUNDLED_REPORT_ID, type LibraryView } from '../../../src/shared/library';
import {
  FIRST_PARAGRAPH_TIMING,
  pageTextOf,
  REPORT_END_MARK,
  REPORT_MARK,
  withPageText,
} from '../../../src/shared/page-text';
import { BUNDLED, ok, openLibrary, otherReportText, utf8 } from '../library/helpers';

/** The source page's shape: a head script, the report's place in the pane. */
const SOURCE =
  '<!doctype html>\n<html lang="zh-CN">\n<head><script>boot()</script></head>\n' +
  `<body><main id="pane">${REPORT_MARK}</main><script type="module" src="./a.js"></script></body></html>\n`;
const BUILT = withPageText(
  SOURCE,
  { report: BUNDLED_REPORT_ID, edition: BUNDLED.version },
  renderReportHtml(BUNDLED, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING }),
  { start: false },
)!;
const HAISHU = '2018年2月7日在海曙区';
const JIANGBEI = '2019年1月8日在江北区';

let base: string;
let root: string;
let dataDir: string;
let services: ReaderServices | undefined;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'reader-start-page-'));
  root = join(base, 'renderer');
  dataDir = join(base, 'data');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), BUILT);
  await writeFile(join(root, 'assets', 'index-abcdefgh.js'), 'start()');
});

afterEach(async () => {
  await services?.flush();
  services = undefined;
  await rm(base, { recursive: true, force: true });
});

/** The page app://bundle/index.html answers with, over `source`. */
async function servedPage(source: () => StartPageSource | undefined, url = APP_PAGE_URL) {
  const page = createStartPage(root, source);
  const answer = await appResponse(url, 'GET', root, page.serve);
  expect(answer.status).toBe(200);
  expect(answer.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  return answer.body.toString();
}

async function addJiangbei(): Promise<string> {
  services ??= await openLibrary(dataDir);
  const added = ok(
    await services.handlers.addReport({
      fileName: '江北区政府工作报告.txt',
      bytes: utf8(otherReportText()),
    }),
  );
  return added.report.id;
}

describe('the page over the real services', () => {
  it('a new data folder: the bundled report, as built, named as the start', async () => {
    services = await openLibrary(dataDir);
    const html = await servedPage(() => services!.handlers);
    expect(pageTextOf(html)).toEqual({
      report: BUNDLED_REPORT_ID,
      edition: BUNDLED.version,
      start: true,
    });
    expect(html.replace(' data-page-start=""', '')).toBe(BUILT);
  });

  it('another report read last: its text in place of the bundled one, and nothing else changed', async () => {
    const jiangbei = await addJiangbei();
    ok(await services!.handlers.openReport({ report: jiangbei }));
    const document = ok(await services!.handlers.getDocument({ report: jiangbei }));
    const html = await servedPage(() => services!.handlers);
    expect(pageTextOf(html)).toEqual({ report: jiangbei, edition: document.version, start: true });
    expect(html).toContain(JIANGBEI);
    expect(html).not.toContain(HAISHU);
    expect(html).toContain(
      `${REPORT_MARK}${renderReportHtml(document, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING })}${REPORT_END_MARK}`,
    );
    // The head script (allowed by its hash) and the bundle are as built.
    expect(html.slice(html.indexOf('<head>'), html.indexOf('<body>'))).toBe(
      BUILT.slice(BUILT.indexOf('<head>'), BUILT.indexOf('<body>')),
    );
    expect(html.slice(html.indexOf('</main>'))).toBe(BUILT.slice(BUILT.indexOf('</main>')));
  });

  it('is rendered once: later pages are the same bytes, until the start changes', async () => {
    const jiangbei = await addJiangbei();
    ok(await services!.handlers.openReport({ report: jiangbei }));
    const page = createStartPage(root, () => services!.handlers);
    const first = await page.serve('/index.html');
    expect((await page.serve('/'))!.body).toBe(first!.body);
    // A rename changes the shelf's name, not the text: the same page.
    ok(await services!.handlers.renameReport({ report: jiangbei, title: '江北的报告' }));
    expect((await page.serve('/index.html'))!.body).toBe(first!.body);
    // Back on the bundled report: its page; then 江北 again, still kept.
    ok(await services!.handlers.openReport({ report: BUNDLED_REPORT_ID }));
    expect((await page.serve('/index.html'))!.body.toString()).toContain(HAISHU);
    ok(await services!.handlers.openReport({ report: jiangbei }));
    expect((await page.serve('/index.html'))!.body).toBe(first!.body);
  });

  it('the report read last removed: the bundled report', async () => {
    const jiangbei = await addJiangbei();
    ok(await services!.handlers.openReport({ report: jiangbei }));
    ok(await services!.handlers.removeReport({ report: jiangbei }));
    const html = await servedPage(() => services!.handlers);
    expect(pageTextOf(html)?.report).toBe(BUNDLED_REPORT_ID);
    expect(html).toContain(HAISHU);
  });

  it('other files are served as they are; a path out of the folder is not', async () => {
    services = await openLibrary(dataDir);
    const page = createStartPage(root, () => services!.handlers);
    expect((await page.serve('/assets/index-abcdefgh.js'))!.body.toString()).toBe('start()');
    const refused = await appResponse(
      'app://bundle/%2e%2e/data/library.json',
      'GET',
      root,
      page.serve,
    );
    expect(refused.status).toBe(404);
  });
});

/** Stand-in handlers: a shelf of the bundled report and 江北 (read last), and its document or an error. */
function standIn(document: () => Promise<unknown>, library?: Partial<LibraryView>) {
  const entry = (id: string, edition: string) => ({ id, edition }) as LibraryView['reports'][0];
  const view: LibraryView = {
    reports: [entry(BUNDLED_REPORT_ID, BUNDLED.version), entry('jiangbei', 'v1')],
    removed: [],
    last: 'jiangbei',
    ...library,
  };
  return {
    getLibrary: async () => ({ ok: true as const, value: view }),
    getDocument: async () => {
      try {
        return { ok: true as const, value: (await document()) as typeof BUNDLED };
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      }
    },
  };
}

describe('fall-backs: the bundled report, as built', () => {
  it('the report read last cannot be opened (its files damaged): the bundled text, named as the start', async () => {
    const html = await servedPage(() => standIn(() => Promise.reject(new Error('副本已损坏'))));
    expect(pageTextOf(html)).toEqual({
      report: BUNDLED_REPORT_ID,
      edition: BUNDLED.version,
      start: true,
    });
    expect(html).toContain(HAISHU);
  });

  it('no services yet (app:// is registered before they open): the page as built', async () => {
    expect(await servedPage(() => undefined)).toBe(BUILT);
  });

  it('the library cannot be read: the page as built', async () => {
    const failing = {
      ...standIn(() => Promise.resolve(BUNDLED)),
      getLibrary: async () => ({ ok: false as const, error: 'x' }),
    };
    expect(await servedPage(() => failing)).toBe(BUILT);
  });

  it('a handler that throws: the page as built', async () => {
    const throwing = {
      ...standIn(() => Promise.resolve(BUNDLED)),
      getLibrary: () => Promise.reject(new Error('boom')),
    };
    expect(await servedPage(() => throwing)).toBe(BUILT);
  });

  it('a page without the marks: served as it is', async () => {
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    const other = { ...BUNDLED, version: 'v1' };
    expect(await servedPage(() => standIn(() => Promise.resolve(other)))).toBe(
      '<!doctype html><title>x</title>',
    );
  });

  it('a new edition of the report read last is rendered again, not served from the cache', async () => {
    let version = 'v1';
    const jiangbei = () =>
      Promise.resolve({
        ...BUNDLED,
        version,
        blocks: BUNDLED.blocks.map((block) => ({
          ...block,
          text: block.text.replace(/海曙/g, version === 'v1' ? '江北' : '镇海'),
        })),
      });
    const source = standIn(jiangbei);
    const page = createStartPage(root, () => source);
    const first = (await page.serve('/index.html'))!.body.toString();
    expect(first).toContain('江北区');
    version = 'v2';
    const second = (await page.serve('/index.html'))!.body.toString();
    expect(pageTextOf(second)?.edition).toBe('v2');
    expect(second).toContain('镇海区');
    expect(second).not.toContain('江北区');
  });
});

// Run after `npm run build` (as `npm test` does): the built page has the marks the shells need.
describe.runIf(existsSync('out/renderer/index.html'))('the built page', () => {
  it('names the bundled report and edition, with its text between the marks', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(pageTextOf(html)).toEqual({
      report: BUNDLED_REPORT_ID,
      edition: BUNDLED.version,
      start: false,
    });
    const text = html.slice(html.indexOf(REPORT_MARK), html.indexOf(REPORT_END_MARK));
    expect(text).toContain(HAISHU);
    expect(text).toContain(`elementtiming="${FIRST_PARAGRAPH_TIMING}"`);
  });
});

describe('withPageText', () => {
  const text = { report: 'jiangbei', edition: 'v1' };

  it('replaces the text between the marks and the names on <html>, whatever was there', () => {
    const once = withPageText(BUILT, text, '<article>江北</article>', { start: true })!;
    const twice = withPageText(
      once,
      { report: 'zhenhai', edition: 'v2' },
      '<article>镇海</article>',
      {
        start: false,
      },
    )!;
    expect(pageTextOf(twice)).toEqual({ report: 'zhenhai', edition: 'v2', start: false });
    expect(twice).toContain(`${REPORT_MARK}<article>镇海</article>${REPORT_END_MARK}`);
    expect(twice).not.toContain('江北');
    expect(twice.match(/data-page-report=/g)).toHaveLength(1);
  });

  it('keeps the page’s own text when given none', () => {
    const page = withPageText(BUILT, text, undefined, { start: true })!;
    expect(page.slice(page.indexOf(REPORT_MARK))).toBe(BUILT.slice(BUILT.indexOf(REPORT_MARK)));
  });

  it('refuses names that are not ids, and a page without a place for the text', () => {
    expect(withPageText(BUILT, { report: '"><script>', edition: 'v1' }, '', { start: true })).toBe(
      null,
    );
    expect(withPageText('<html><body></body></html>', text, '<p>x</p>', { start: true })).toBe(
      null,
    );
    // The source page, before the build has put any text in: only given text can go there.
    expect(withPageText(SOURCE, text, undefined, { start: true })).toBe(null);
  });
});
