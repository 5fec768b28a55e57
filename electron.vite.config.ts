import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import type { CodeSplittingGroup } from 'rolldown';
import { CONTENT_SECURITY_POLICY, HEAD_SCRIPT_HASHES } from './src/shared/csp';
import type { ReportDocument } from './src/shared/document';
import { renderReportHtml } from './src/core/report/report-html';
import { FIRST_PARAGRAPH_TIMING, withPageText } from './src/shared/page-text';
import { BUNDLED_REPORT_ID } from './src/shared/library';

/** Puts the one CSP definition into index.html, so the page and the bridge never disagree. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'reader-csp',
    transformIndexHtml: (html) => html.replace('%READER_CSP%', CONTENT_SECURITY_POLICY),
  };
}

/**
 * Puts each head script (src/renderer/head/) into index.html in place of its
 * `<!--HEAD-SCRIPT name-->`: the startup calls then leave as the head is
 * parsed, not after two fetches in a row (each parser-blocking script was
 * asked for only once the one before it had run). The CSP allows each by the
 * hash of its exact text; a script whose hash it does not list stops the
 * build here rather than being refused silently in the page.
 */
function headScripts(): Plugin {
  return {
    name: 'reader-head-scripts',
    // Before Vite reads the page's scripts: an inline classic script is left as it is.
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(/<!--HEAD-SCRIPT ([\w.-]+)-->/g, (_, name: string) => {
          const text = readFileSync(resolve(__dirname, 'src/renderer/head', name), 'utf8');
          const hash = `sha256-${createHash('sha256').update(text).digest('base64')}`;
          if (HEAD_SCRIPT_HASHES[name as keyof typeof HEAD_SCRIPT_HASHES] !== hash) {
            throw new Error(
              `src/renderer/head/${name} changed: put '${hash}' for it in HEAD_SCRIPT_HASHES (src/shared/csp.ts)`,
            );
          }
          if (text.includes('</script')) throw new Error(`${name} may not contain </script`);
          return `<script>${text}</script>`;
        }),
    },
  };
}

/**
 * Asks for the interface's bundle and stylesheet first, before the head
 * scripts start the startup calls: the bundle is the longer way to the
 * interface (fetched, then compiled), and the calls' answers are in long
 * before it has run. The module scripts move up as they are (they run after
 * the page is parsed wherever they stand); the stylesheet is only preloaded
 * there, since a stylesheet before a script holds the script until it loads.
 */
function bundleFirst(): Plugin {
  return {
    name: 'reader-bundle-first',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const modules =
          html.match(/<script type="module" crossorigin src="[^"]+"><\/script>\n?/g) ?? [];
        const styles = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)">/g)];
        if (modules.length === 0 || styles.length === 0 || !html.includes('</title>')) {
          throw new Error(
            'index.html: the bundle or stylesheet tags are not where bundleFirst expects them',
          );
        }
        for (const tag of modules) html = html.replace(tag, '');
        const early = [
          ...modules.map((tag) => tag.trim()),
          ...styles.map(([, href]) => `<link rel="preload" as="style" crossorigin href="${href}">`),
        ];
        return html.replace('</title>', `</title>\n    ${early.join('\n    ')}`);
      },
    },
  };
}

/**
 * Pre-renders the report (parsed by `npm run data` into out/data) into
 * index.html, so its text paints before any script has loaded. The shells
 * serve the page with the report read last in its place when that is another
 * (src/services/start-page.ts).
 */
function prerenderedReport(): Plugin {
  const source = resolve(__dirname, 'out/data/document.json');
  return {
    name: 'reader-prerendered-report',
    transformIndexHtml(html) {
      let document: ReportDocument;
      try {
        document = JSON.parse(readFileSync(source, 'utf8')) as ReportDocument;
      } catch {
        throw new Error(
          `${source} is missing: run \`npm run build\`, which parses the report first`,
        );
      }
      // The timing name is shared's, which the renderer's instrumentation and the bench read too.
      const report = renderReportHtml(document, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING });
      // Marked, so the shells can put the report read last in its place (src/services/start-page.ts).
      const text = { report: BUNDLED_REPORT_ID, edition: document.version };
      const page = withPageText(html, text, report, { start: false });
      if (page === null) throw new Error('index.html has no <!--REPORT--> for the report');
      return page;
    },
  };
}

/**
 * Everything the entry imports statically goes in the first bundle, never in
 * a chunk of its own shared with the lazily loaded parts (app/parts.tsx): the
 * bundler would otherwise split modules both use (React's JSX runtime, small
 * helpers) into common chunks, and each is one more request before the
 * interface can start. (The bundler's own helpers, CommonJS interop for
 * React, are never offered to a group: they stay a leaf chunk of < 1 KB.)
 */
function firstBundle(): CodeSplittingGroup {
  const entry = resolve(__dirname, 'src/renderer/main.tsx');
  let first: Set<string> | null = null;
  return {
    name: (id, context) => {
      if (first === null) {
        first = new Set();
        const todo = [entry];
        for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
          if (first.has(next)) continue;
          first.add(next);
          todo.push(...(context.getModuleInfo(next)?.importedIds ?? []));
        }
      }
      return first.has(id) ? 'index' : null;
    },
  };
}

/**
 * 数说报告's extraction, tables and files in one chunk, fetched together when
 * the panel first opens, instead of a dozen small ones in a row. The chart
 * (ECharts, half a megabyte) stays apart: it loads only where one is drawn.
 */
function figuresCode(): CodeSplittingGroup {
  return {
    name: 'figures',
    test: (id) =>
      /[\\/]src[\\/](core|renderer[\\/]features)[\\/]figures[\\/]/.test(id) &&
      !/[\\/](ComparisonChart\.tsx|chart-[a-z]+\.ts)$/.test(id),
  };
}

/**
 * The shared widgets (src/renderer/ui/) that only lazily loaded parts use, in
 * a small chunk of their own. Left to the bundler, one the 批注 and 数说报告
 * panels share (QueryField) went into 数说报告's chunk, so opening 批注
 * fetched 41 KB of figures code, and failed when that could not be fetched.
 * Before the figures group: a group takes what its modules import, and the
 * first group listed takes a module both would.
 */
function sharedWidgets(): CodeSplittingGroup {
  return { name: 'ui', test: (id) => /[\\/]src[\\/]renderer[\\/]ui[\\/]/.test(id) };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Report files are parsed in a worker thread, whose entry must sit
          // next to main's code as parse-worker.js (worker-entry.ts).
          'parse-worker': resolve(__dirname, 'src/services/report-file/parse-worker.ts'),
          // Two editions are compared in a worker thread, whose entry must sit
          // next to main's code as compare-worker.js (worker-entry.ts).
          'compare-worker': resolve(__dirname, 'src/services/editions/compare-worker.ts'),
          // Missing indexes of the search across reports are built in a worker
          // thread, whose entry must sit next to main's code as index-worker.js.
          'index-worker': resolve(__dirname, 'src/services/search/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), headScripts(), contentSecurityPolicy(), prerenderedReport(), bundleFirst()],
    build: {
      // Smaller script, faster first paint: browser mode serves it over HTTP too.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        output: { codeSplitting: { groups: [firstBundle(), sharedWidgets(), figuresCode()] } },
      },
    },
  },
});
