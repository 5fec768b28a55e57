/**
 * Build step: parse the bundled report and build its search indexes once, so
 * neither the app nor browser mode does either on every start. Writes
 * out/data/document.json, out/data/search-index.json (its lunr index, for
 * its own search) and out/data/report-index.bin (its compact index, for the
 * search across reports).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILT_DOCUMENT_FILE,
  BUILT_REPORT_INDEX_FILE,
  BUILT_SEARCH_INDEX_FILE,
} from '../src/services/built-document';
import { buildBothIndexes } from '../src/services/search/both-indexes';
import { parseReportBytes } from '../src/core/report/parse-report';
import { BUILT_DATA_DIR, BUNDLED_REPORT } from '../src/services/paths';

const document = parseReportBytes(await readFile(BUNDLED_REPORT));
await mkdir(BUILT_DATA_DIR, { recursive: true });
await writeFile(join(BUILT_DATA_DIR, BUILT_DOCUMENT_FILE), JSON.stringify(document));
// Both from one segmenting of the text, as a report added gets them (parse-worker.ts).
const { searchIndex, reportIndex } = buildBothIndexes(document);
await writeFile(join(BUILT_DATA_DIR, BUILT_SEARCH_INDEX_FILE), searchIndex);
await writeFile(join(BUILT_DATA_DIR, BUILT_REPORT_INDEX_FILE), reportIndex);
console.log(
  `报告数据：${document.blocks.length} 段，目录 ${document.outline.length} 项，名词解释 ${document.glossary.length} 条 → out/data/`,
);
