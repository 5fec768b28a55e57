/**
 * The whole output of extractFigures on the bundled report and on the bench's
 * 100× corpus, in a form small enough to keep as a fixture: the bundled
 * report's figures in full, and the 100× corpus's as hashes of its JSON in
 * runs of CHUNK figures (its full JSON is megabytes). Extraction is tuned for
 * speed (bench/figures.ts); this is what pins that tuning changes no result.
 * The fixture was written by write-output-snapshot.ts from the code on main
 * before that tuning, never by hand.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { scaledReport } from '../../../bench/figures';
import { extractFigures } from '../../../src/core/figures/extract';
import type { Figure } from '../../../src/core/figures/figure';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { REPORT_URL, reportBytes } from '../report/helpers';

export const SNAPSHOT_URL = new URL('./fixtures/output-snapshot.json', import.meta.url);
const CHUNK = 100;

export interface OutputDigest {
  /** Every figure of the bundled report, as JSON has it (absent fields left out). */
  bundled: Figure[];
  hundred: { figures: number; chunk: number; hashes: string[] };
}

const hash = (figures: Figure[]) =>
  createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 16);

export function outputDigest(): OutputDigest {
  const source = readFileSync(REPORT_URL, 'utf8');
  // Parsed from bytes, as the app and the bench parse them.
  const bundled = extractFigures(parseReportBytes(reportBytes()));
  const scaled = new TextEncoder().encode(scaledReport(source, 100));
  const hundred = extractFigures(parseReportBytes(scaled));
  const hashes: string[] = [];
  for (let from = 0; from < hundred.length; from += CHUNK) {
    hashes.push(hash(hundred.slice(from, from + CHUNK)));
  }
  return {
    bundled: JSON.parse(JSON.stringify(bundled)) as Figure[],
    hundred: { figures: hundred.length, chunk: CHUNK, hashes },
  };
}

export function readSnapshot(): OutputDigest {
  return JSON.parse(readFileSync(SNAPSHOT_URL, 'utf8')) as OutputDigest;
}
