/**
 * A seeded mutation fuzzer over the real fixtures: the bundled report as
 * UTF-8, GB18030 and UTF-16 text, as a .docx, as two saved web pages and as a
 * PDF printed by Chromium, each mutated (tests/support/mutate.ts) and opened
 * as the app opens a file. Every mutant must end in a parsed report or in one
 * of the refusal sentences: never a crash, and never `unreadable`, the
 * sentence an exception the parser did not expect is turned into (so the
 * fuzzer sees what the reader would only see as that sentence).
 *
 * A few mutants per fixture by default, to keep the unit suite fast; a longer
 * run: `FUZZ_RUNS=200 FUZZ_SEED=7 npx vitest run tests/unit/formats/fuzz.test.ts`.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, ReportFormatError } from '../../../src/core/formats/errors';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import { mutate } from '../../support/mutate';
import { mulberry32 } from '../../support/random';
import { reportText } from '../report/helpers';
import {
  encodeGb18030,
  encodeUtf16,
  makeDocx,
  makePrintedPdf,
  makeSavedPage,
  makeTablePage,
} from './fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 14);

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Mutated bytes back to valid UTF-8: mutates the text's structure, not its encoding. */
const asText = (bytes: Uint8Array) => utf8(new TextDecoder().decode(bytes).replace(/\uFFFD/gu, ''));

/** The .docx with its document.xml replaced by these bytes, zipped again. */
function withDocumentXml(xml: Uint8Array): Uint8Array {
  const parts = unzipSync(makeDocx());
  return zipSync({ ...parts, 'word/document.xml': xml });
}

const documentXml = () => strToU8(strFromU8(unzipSync(makeDocx())['word/document.xml']));

interface Fixture {
  name: string;
  fileName: string;
  make: () => Uint8Array | Promise<Uint8Array>;
  /** Turns a mutant into the file opened, for mutations inside a container. */
  pack?: (mutant: Uint8Array) => Uint8Array;
}

const FIXTURES: Fixture[] = [
  { name: 'UTF-8 text', fileName: 'report.txt', make: () => utf8(reportText()) },
  {
    name: 'UTF-8 text, mutated as text',
    fileName: 'report.txt',
    make: () => utf8(reportText()),
    pack: asText,
  },
  { name: 'GB18030 text', fileName: 'report.txt', make: () => encodeGb18030(reportText()) },
  { name: 'UTF-16 text', fileName: 'report.txt', make: () => encodeUtf16(reportText(), 'le') },
  { name: '.docx', fileName: 'report.docx', make: () => makeDocx() },
  {
    name: '.docx, its document.xml mutated',
    fileName: 'report.docx',
    make: documentXml,
    pack: (mutant) => withDocumentXml(asText(mutant)),
  },
  { name: 'saved web page', fileName: 'report.html', make: () => utf8(makeSavedPage()) },
  {
    name: 'saved web page, mutated as text',
    fileName: 'report.html',
    make: () => utf8(makeSavedPage()),
    pack: asText,
  },
  {
    name: 'page laid out in tables (GB2312)',
    fileName: 'report.htm',
    make: () => encodeGb18030(makeTablePage()),
  },
  { name: 'PDF printed by Chromium', fileName: 'report.pdf', make: () => makePrintedPdf() },
];

/** What opening the mutant ended in: blocks, or a refusal's code. */
async function outcome(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    const parsed = await parseReportFile(bytes, { fileName });
    expect(parsed.document.blocks.length).toBeGreaterThan(0);
    expect(typeof parsed.document.title).toBe('string');
    return 'parsed';
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFormatError);
    const { code, message, cause } = error as ReportFormatError;
    // An unexpected exception, caught only by the last line of defence.
    expect(code, String((cause as Error | undefined)?.stack ?? cause)).not.toBe('unreadable');
    expect(message).toBe(ERROR_MESSAGES[code]);
    return code;
  }
}

describe('mutated report files end in a report or one sentence', () => {
  it.each(FIXTURES.map((fixture, index) => [fixture.name, fixture, index] as const))(
    '%s',
    async (name, { fileName, make, pack = (bytes) => bytes }, index) => {
      const original = await make();
      const donor = utf8(makeSavedPage().slice(0, 20_000));
      const random = mulberry32(SEED * 1000 + index);
      const seen = new Map<string, number>();
      // The PDF's mutants each take pdf.js a moment: half as many.
      const runs = fileName.endsWith('.pdf') ? Math.ceil(RUNS / 2) : RUNS;
      for (let run = 0; run < runs; run++) {
        const mutant = mutate(original, donor, random);
        const started = performance.now();
        const result = await outcome(pack(mutant.bytes), fileName).catch((error: unknown) => {
          throw new Error(`mutant ${run} (${mutant.moves.join(', ')}): ${String(error)}`);
        });
        seen.set(result, (seen.get(result) ?? 0) + 1);
        // The long run names its slow mutants, to be replayed by seed (the unit run asserts no time).
        const ms = performance.now() - started;
        if (process.env.FUZZ_RUNS && ms > 5_000) {
          console.log(`${name} mutant ${run}: ${ms.toFixed(0)} ms (${mutant.moves.join(', ')})`);
        }
      }
      expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(runs);
      if (process.env.FUZZ_RUNS) console.log(name, Object.fromEntries(seen));
    },
    60_000 + RUNS * 10_000,
  );
});
