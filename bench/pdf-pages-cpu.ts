/**
 * CPU time of readPdfPages (pdf.js alone, no layout) on the 2,000-page PDF of
 * bench/hostile's shapes, for comparing two versions in one run:
 *   npx tsx bench/pdf-pages-cpu.ts [rounds=5]
 */
import { readPdfPages } from '../src/services/report-file/pdf-text';
import { pdfOfPages } from '../tests/support/adversarial-files';

const rounds = Number(process.argv[2] ?? 5);
const showAt = (x: number, y: number, text: string) => `BT /F1 12 Tf ${x} ${y} Td (${text}) Tj ET`;
const bytes = pdfOfPages(Array.from({ length: 2_000 }, () => showAt(72, 720, 'ABCDEF')));
await readPdfPages(pdfOfPages([showAt(72, 720, 'A')]));
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  const cpu = process.cpuUsage();
  await readPdfPages(bytes);
  const used = process.cpuUsage(cpu);
  times.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(
  `readPdfPages 2,000 pages: cpu ms median ${times[rounds >> 1].toFixed(0)} min ${times[0].toFixed(0)} (${times.map((t) => t.toFixed(0)).join(' ')})`,
);
