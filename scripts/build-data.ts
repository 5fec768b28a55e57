/**
 * Build step: parse the bundled report once, so neither the app nor browser
 * mode parses it on every start. Writes out/data/document.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE } from '../src/core/report/built-document';
import { parseReportBytes } from '../src/core/report/parse-report';
import { BUILT_DATA_DIR, BUNDLED_REPORT } from '../src/core/paths';

const document = parseReportBytes(await readFile(BUNDLED_REPORT));
await mkdir(BUILT_DATA_DIR, { recursive: true });
await writeFile(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE), JSON.stringify(document));
console.log(
  `报告数据：${document.blocks.length} 段，目录 ${document.outline.length} 项，名词解释 ${document.glossary.length} 条 → out/data/`,
);
