/**
 * Opening a hostile file (tests/support/adversarial-files.ts) as the app
 * opens one (parseReportFile: sniff, decode or extract, repair, structure),
 * in this thread, timed in CPU seconds per MB of what the parser reads (a
 * .docx's XML inflated: its zip may be a thousand times smaller), with the
 * outcome: the blocks, or the refusal's code. CPU time, because the machine
 * is shared and wall time swells with its load.
 */
import { performance } from 'node:perf_hooks';
import { ReportFormatError } from '../src/core/formats/errors';
import { parseReportFile } from '../src/services/report-file/parse-file';
import { docxOf, pdfOfPages, type HostileFile } from '../tests/support/adversarial-files';

const MB = 1024 * 1024;
export const GOAL_S_PER_MB = 1;

export interface HostileTiming {
  name: string;
  megabytes: number;
  cpuSPerMb: number;
  wallS: number;
  outcome: string;
}

export async function timeHostileFile(file: HostileFile): Promise<HostileTiming> {
  const megabytes = (file.contentBytes ?? file.bytes.length) / MB;
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
  const cpuSPerMb = (used.user + used.system) / 1e6 / megabytes;
  return { name: file.name, megabytes, cpuSPerMb, wallS, outcome };
}

/**
 * Opens a tiny PDF and a tiny .docx, so the first hostile file of each kind
 * is not charged with loading pdf.js or with the .docx reader's first,
 * unoptimized calls (a warm worker has pdf.js loaded before its file comes:
 * warm-up.ts).
 */
export async function warmParsers(): Promise<void> {
  const open = (bytes: Uint8Array, fileName: string) =>
    parseReportFile(bytes, { fileName }).catch(() => undefined);
  await open(pdfOfPages(['BT /F1 12 Tf 72 720 Td (ABCDEF) Tj ET']), 'warm.pdf');
  await open(docxOf('<w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>'), 'warm.docx');
}
