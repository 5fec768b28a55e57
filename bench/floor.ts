/**
 * The floor: the same report as one static HTML page — no JavaScript, no API,
 * no framework — served from a minimal HTTP server. Whatever the browser needs
 * to show this page is the least any reader of the report can cost; the app is
 * judged by how far above it it lands.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/services/paths';
import type { ReportDocument } from '../src/shared/document';
import { escapeHtml } from '../src/core/report/report-html';
import { FIRST_PARAGRAPH_TIMING } from '../src/renderer/instrumentation';

const STYLES_FILE = join(PROJECT_ROOT, 'src', 'renderer', 'app', 'app.css');

export interface FontStacks {
  text: string;
  ui: string;
}

/** The app's own font stacks, read from its stylesheet so the two pages set the same type. */
export function readFontStacks(css = readFileSync(STYLES_FILE, 'utf8')): FontStacks {
  const read = (name: string) => {
    const match = new RegExp(`--${name}:\\s*([^;]+);`).exec(css);
    if (!match) {
      throw new Error(`bench: no --${name} in ${STYLES_FILE}; update bench/floor.ts to match`);
    }
    return match[1].replace(/\s+/g, ' ').trim();
  };
  return { text: read('font-text'), ui: read('font-ui') };
}

/** Title and every block of the report as plain h1/h2/p, typeset like the app's reading pane. */
export function renderFloorHtml(document: ReportDocument, fonts = readFontStacks()): string {
  const firstParagraph = document.blocks.find((block) => block.kind === 'paragraph')?.id;
  const body = document.blocks
    .map((block) => {
      const text = escapeHtml(block.text);
      if (block.kind === 'meta' && block.role === 'title') return `<h1>${text}</h1>`;
      if (block.kind === 'heading') return `<h2>${text}</h2>`;
      const timing =
        block.id === firstParagraph ? ` elementtiming="${FIRST_PARAGRAPH_TIMING}"` : '';
      const meta = block.kind === 'meta' ? ' class="meta"' : '';
      return `<p${meta}${timing}>${text}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)}</title>
<style>
body { margin: 0; background: #fdfdfb; color: #1d1d1b; font-family: ${fonts.ui}; }
article { font-family: ${fonts.text}; font-size: 18px; line-height: 1.9; max-width: 36em;
  margin: 0 auto; padding: 2.5em 1.5em 40vh; text-align: justify; overflow-wrap: break-word; }
h1, h2 { font-family: ${fonts.ui}; }
h1 { text-align: center; }
p { margin: 0 0 0.9em; text-indent: 2em; }
p.meta { text-indent: 0; }
</style>
</head>
<body>
<article>
${body}
</article>
</body>
</html>
`;
}

export interface RunningFloor {
  url: string;
  close(): Promise<void>;
}

/** Serves `html` at `/` on 127.0.0.1 (free port), uncached like the app's bridge. */
export async function startFloorServer(html: string): Promise<RunningFloor> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('404');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
