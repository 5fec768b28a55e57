/**
 * Build step: parse the bundled report and build its search index once, so
 * neither the app nor browser mode does either on every start. Writes
 * out/data/document.json and out/data/search-index.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILT_DOCUMENT_FILE, BUILT_SEARCH_INDEX_FILE } from '../src/services/built-document';
import { buildSerializedIndex } from '../src/core/search/build-index';
import { segmentWords } from '../src/services/search/words';
import { parseReportBytes } from '../src/core/report/parse-report';
import { BUILT_DATA_DIR, BUNDLED_REPORT } from '../src/services/paths';

const document = parseReportBytes(await readFile(BUNDLED_REPORT));
await mkdir(BUILT_DATA_DIR, { recursive: true });
await writeFile(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE), JSON.stringify(document));
await writeFile(
  join(BUILT_DATA_DIR, BUILT_SEARCH_INDEX_FILE),
  buildSerializedIndex(document, segmentWords),
);
console.log(
  `报告数据：${document.blocks.length} 段，目录 ${document.outline.length} 项，名词解释 ${document.glossary.length} 条 → out/data/`,
);
