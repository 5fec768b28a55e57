/**
 * Hostile file shapes (tests/support/adversarial-files.ts), each opened as the
 * app opens a file (parseReportFile: sniff, decode or extract, repair,
 * structure), timed in this thread, in s/MB of the file against issue 14's
 * goal of ≤ 1 s/MB, with the outcome (blocks, or the refusal's code).
 *
 *   npx tsx bench/adversarial.ts [MB=1] [shape name filter]
 *
 * A script, not a test: its numbers depend on the machine and its load.
 */
import { performance } from 'node:perf_hooks';
import { ReportFormatError } from '../src/core/formats/errors';
import { parseReportFile } from '../src/services/report-file/parse-file';
import { HOSTILE_SHAPES } from '../tests/support/adversarial-files';

const MB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? 1);
const filter = process.argv[3] ?? '';

for (const shape of HOSTILE_SHAPES) {
  if (!shape.name.includes(filter)) continue;
  const file = shape.make(megabytes * MB);
  const size = (file.contentBytes ?? file.bytes.length) / MB;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let outcome: string;
  try {
    const parsed = await parseReportFile(file.bytes, { fileName: file.fileName });
    outcome = `${parsed.document.blocks.length} blocks`;
  } catch (error) {
    outcome =
      error instanceof ReportFormatError
        ? `refused: ${error.code}`
        : `UNTYPED ${(error as Error).name}: ${(error as Error).message.slice(0, 80)}`;
  }
  const wallS = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  const perMb = cpuS / size;
  console.log(
    [
      shape.name.padEnd(36),
      `${size.toFixed(2)} MB`.padStart(9),
      `cpu ${perMb.toFixed(3)} s/MB`.padStart(16),
      `wall ${wallS.toFixed(2)} s`.padStart(12),
      perMb <= 1 ? 'met   ' : 'MISSED',
      outcome,
    ].join('  '),
  );
}
