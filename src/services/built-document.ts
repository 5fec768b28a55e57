/** The document parsed at build time (`npm run build` → out/data/document.json). */
import { readFile } from 'node:fs/promises';
import type { ReportDocument } from '../shared/document';

export const BUILT_DOCUMENT_FILE = 'document.json';
export const BUILT_SEARCH_INDEX_FILE = 'search-index.json';
/** The bundled report's compact index for the search across reports (report-index-codec.ts). */
export const BUILT_REPORT_INDEX_FILE = 'report-index.bin';

/** The built compact index's bytes, as the services take them (`loadReportIndex`). */
export async function loadBuiltReportIndex(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export async function loadBuiltDocument(path: string): Promise<ReportDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`找不到已构建的报告数据 ${path}，请先运行 npm run build`);
  }
  const value = JSON.parse(text) as ReportDocument;
  if (typeof value?.title !== 'string' || !Array.isArray(value.blocks)) {
    throw new Error(`报告数据 ${path} 格式不对，请重新运行 npm run build`);
  }
  return value;
}
