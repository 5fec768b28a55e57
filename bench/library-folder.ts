/**
 * A data folder with a hundred reports on the shelf, for the library bench:
 * the bundled one and 99 made from its text with another place name each
 * (so each is a report of its own, of the bundled report's size), added
 * through the services as the app adds a file. Parsed in this thread: what
 * is timed is opening them, not adding them.
 */
import { buildSerializedIndex } from '../src/core/search/build-index';
import { parseReportBytes } from '../src/core/report/parse-report';
import type { ParseFile } from '../src/services/library/parse';
import { BUNDLED_REPORT } from '../src/services/paths';
import { createReaderServices } from '../src/services/reader-services';
import { parseReportFile } from '../src/services/report-file/parse-file';
import { segmentWords } from '../src/services/search/words';
import { buildBothIndexes } from '../src/services/search/both-indexes';
import type { ReportDocument } from '../src/shared/document';
import { readFile } from 'node:fs/promises';

const PLACES = [
  '江北',
  '镇海',
  '北仑',
  '鄞州',
  '奉化',
  '余姚',
  '慈溪',
  '象山',
  '宁海',
  '江东',
  '西湖',
];
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const parseHere: ParseFile = async (input, options) => {
  if (!('bytes' in input)) throw new Error('bench: bytes only');
  const parsed = await parseReportFile(input.bytes, options);
  return { ...parsed, ...buildBothIndexes(parsed.document) };
};

export interface LibraryFolder {
  bundled: ReportDocument;
  /** Every report added, with its id. */
  added: { id: string; document: ReportDocument }[];
}

/** The report a bench starts on when it is not the bundled one: the middle of those added. */
export const middleReport = (added: LibraryFolder['added']) => added[Math.floor(added.length / 2)];

/**
 * Fills `dataDir` with the bundled report and `count - 1` others; with
 * `lastOther`, the middle one added is then the report read last.
 */
export async function fillLibrary(
  dataDir: string,
  count: number,
  { lastOther = false }: { lastOther?: boolean } = {},
): Promise<LibraryFolder> {
  const text = await readFile(BUNDLED_REPORT, 'utf8');
  const bundled = parseReportBytes(new TextEncoder().encode(text));
  const services = await createReaderServices({
    dataDir,
    document: bundled,
    loadSearchIndex: async () => buildSerializedIndex(bundled, segmentWords),
    parse: parseHere,
  });
  const added: LibraryFolder['added'] = [];
  for (let n = 1; n < count; n++) {
    // Chinese numerals: a place name is written in characters (核心区一, not 核心区1).
    const place = `${PLACES[n % PLACES.length]}${NUMERALS[Math.floor(n / PLACES.length)]}`;
    const variant = text.replace(/海曙/g, place);
    const answer = await services.handlers.addReport({
      fileName: `${place}区政府工作报告.txt`,
      bytes: new TextEncoder().encode(variant),
    });
    if (!answer.ok) throw new Error(`bench: could not add ${place}: ${answer.error}`);
    const document = await services.handlers.getDocument({ report: answer.value.report.id });
    if (!document.ok) throw new Error(document.error);
    added.push({ id: answer.value.report.id, document: document.value });
  }
  if (lastOther) {
    const opened = await services.handlers.openReport({ report: middleReport(added).id });
    if (!opened.ok) throw new Error(opened.error);
  }
  await services.flush();
  return { bundled, added };
}
