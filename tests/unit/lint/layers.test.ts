/**
 * The layers are enforced by lint: these probes run the project's own ESLint
 * config on code that breaks a rule (and on code that keeps it), as if the
 * code sat at the given path, and read the messages.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../../..', import.meta.url)) });

/** The messages lint gives `code` at `filePath`, as `rule: message`. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint fails where a layer imports what it may not', () => {
  it.each([
    [
      'src/renderer/probe.ts',
      "import { readFile } from 'node:fs';\nvoid readFile;",
      /no-restricted-imports: .*Renderer code .* Node's modules/,
    ],
    [
      'src/renderer/features/x/probe.ts',
      "import { readFile } from 'fs/promises';\nvoid readFile;",
      /no-restricted-imports: .*Renderer code/,
    ],
    [
      'src/renderer/probe.ts',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;",
      /Only src\/main and src\/preload may import electron/,
    ],
    [
      'src/core/probe.ts',
      "import { useState } from 'react';\nvoid useState;",
      /Only src\/renderer may import react/,
    ],
    [
      'src/core/report/probe.ts',
      "import { app } from 'electron';\nvoid app;",
      /Only src\/main and src\/preload may import electron/,
    ],
    [
      'src/core/search/probe.ts',
      "import { createHash } from 'node:crypto';\nvoid createHash;",
      /Domain and contract code may not import Node's modules/,
    ],
    [
      'src/shared/probe.ts',
      "import { join } from 'path';\nvoid join;",
      /Domain and contract code may not import Node's modules/,
    ],
    [
      'src/services/probe.ts',
      "import { BrowserWindow } from 'electron';\nvoid BrowserWindow;",
      /Only src\/main and src\/preload may import electron/,
    ],
  ])('%s: %s', async (filePath, code, expected) => {
    const messages = await lint(filePath, code);
    expect(messages.join('\n')).toMatch(expected);
  });

  it.each([
    ['src/renderer/probe.ts', "import { x } from '../services/validate';", 'services'],
    ['src/renderer/features/search/probe.ts', "import { x } from '../../../main/menu';", 'main'],
    ['src/renderer/probe.ts', "import type { x } from '../server/start';", 'server'],
    ['src/core/probe.ts', "import { x } from '../services/paths';", 'services'],
    ['src/core/report/probe.ts', "export { x } from '../../renderer/mount';", 'renderer'],
    ['src/shared/probe.ts', "import { x } from '../core/sha256';", 'core'],
    ['src/main/probe.ts', "import { x } from '../server/bridge-server';", 'server'],
    ['src/services/probe.ts', "import { x } from '../main/menu';", 'main'],
    ['src/preload/probe.ts', "import { x } from '../services/validate';", 'services'],
  ])('%s importing %s', async (filePath, code, target) => {
    const messages = await lint(filePath, `${code}\nvoid x;`);
    expect(messages.join('\n')).toMatch(
      new RegExp(
        `layers/imports: src/\\S+ \\(.*\\) may not import src/${target}\\. It may import:`,
      ),
    );
  });

  it.each([
    ['process.env.HOME', 'process'],
    ['Buffer.from("a")', 'Buffer'],
    ['document.title', 'document'],
    ['window.innerWidth', 'window'],
    ['localStorage.getItem("k")', 'localStorage'],
  ])('core code may not use %s', async (expression, name) => {
    const messages = await lint('src/core/probe.ts', `export const x = ${expression};`);
    expect(messages.join('\n')).toContain(`no-restricted-globals: Unexpected use of '${name}'`);
  });
});

describe('lint passes the imports each layer may make', () => {
  it.each([
    [
      'src/renderer/probe.ts',
      "import { useState } from 'react';\nimport { x } from '../core/sha256';\nimport type { y } from '../shared/api';\nvoid useState;\nvoid x;\nexport type Y = y;",
    ],
    [
      'src/renderer/features/search/probe.ts',
      "import { x } from '../../../core/search/engine';\nimport { y } from '../../lib/scroll';\nimport { z } from './store';\nvoid [x, y, z];",
    ],
    [
      'src/core/probe.ts',
      "import { z } from 'zod';\nimport lunr from 'lunr';\nimport { x } from '../shared/document';\nimport { y } from './report/location';\nvoid [z, lunr, x, y];\nexport const id = crypto.randomUUID();\nexport const bytes = new TextEncoder().encode('中');",
    ],
    [
      'src/services/probe.ts',
      "import { readFile } from 'node:fs/promises';\nimport { x } from '../core/sha256';\nimport { y } from '../shared/api';\nvoid [readFile, x, y, process.env];",
    ],
    [
      'src/main/probe.ts',
      "import { app } from 'electron';\nimport { x } from '../services/validate';\nvoid [app, x];",
    ],
    [
      'src/preload/probe.ts',
      "import { contextBridge } from 'electron';\nimport { x } from '../shared/api';\nvoid [contextBridge, x];",
    ],
    [
      'src/server/probe.ts',
      "import { createServer } from 'node:http';\nimport { x } from '../services/validate';\nvoid [createServer, x];",
    ],
    [
      'src/cli/probe.ts',
      "import { x } from '../services/paths';\nimport { y } from '../core/report/parse-report';\nvoid [x, y];",
    ],
  ])('%s', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
