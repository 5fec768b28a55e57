/**
 * Do two versions of the PDF reader give the same outcome on every PDF we can
 * make? Each version opens the same files as the app opens a file
 * (parseReportFile) and writes, per file, its outcome: a hash of the whole
 * parse (every block and the source's facts), or the refusal's code; and the
 * PDF reader's own answer (readPdfPages: every page's size and text items,
 * hashed, or its refusal), which a refusal further on would hide. Then
 * the two lists are compared. The files: the bundled report printed by
 * Chromium, the refusals' bad PDFs (tests/unit/formats/bad-files.ts), the
 * hostile PDFs of tests/support/adversarial-files.ts (at 256 KB), a small
 * multi-page PDF with rotated, cropped and form-drawn text, and byte-flipped
 * copies of the report and of that PDF (seeded: the same copies each run).
 *
 *   npx tsx bench/pdf-same-outcomes.ts write <code root> <out.json>
 *   npx tsx bench/pdf-same-outcomes.ts compare <a.json> <b.json>
 *
 * `<code root>` is the checkout whose src/ parses (e.g. a worktree at the
 * base commit, with its own node_modules and pdf.js patch); the files are
 * always made by this checkout's code, so both versions see the same bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfFromObjects } from '../src/services/report-file/warm-up';
import { HOSTILE_SHAPES } from '../tests/support/adversarial-files';
import { mulberry32 } from '../tests/support/random';
import {
  blankPdf,
  encryptedPdf,
  ownerPasswordPdf,
  scannedPdf,
} from '../tests/unit/formats/bad-files';
import { makePrintedPdf } from '../tests/unit/formats/fixtures';

interface NamedPdf {
  name: string;
  bytes: Uint8Array;
}

const stream = (content: string) =>
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

/** Five pages: plain lines, a rotated cropped page with a form, no text, two fonts, a nested tree. */
function smallPdf(): Uint8Array {
  const fonts = '/Font << /F1 9 0 R /F2 10 0 R >>';
  const form =
    '<< /Type /XObject /Subtype /Form /BBox [0 0 600 400] /Resources << /Font << /F1 9 0 R >> >>' +
    ' /Length 38 >>\nstream\nBT /F1 9 Tf 50 50 Td (In a form) Tj ET\nendstream';
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 11 0 R] /Count 5 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << ${fonts} >> >>`,
    stream('BT /F1 12 Tf 72 720 Td (First line) Tj 0 -14 Td [(Second) -2000 (line)] TJ ET'),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 400] /CropBox [10 10 500 390] /Rotate 90' +
      ` /Contents 6 0 R /Resources << ${fonts} /XObject << /X1 8 0 R >> >> >>`,
    stream('BT /F1 10 Tf 40 300 Td (Turned) Tj ET q 1 0 0 1 20 20 cm /X1 Do Q'),
    `<< /Type /Page /Parent 11 0 R /MediaBox [0 0 595 842] /Contents 12 0 R /Resources << ${fonts} >> >>`,
    form,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 7 0 R 13 0 R 14 0 R] /Count 4 >>',
    stream('BT /F2 14 Tf 2 Tc 100 500 Td (Spaced out) Tj ET'),
    `<< /Type /Page /Parent 11 0 R /MediaBox [0 0 595 842] /Contents 15 0 R /Resources << ${fonts} >> >>`,
    `<< /Type /Page /Parent 11 0 R /MediaBox [0 0 595 842] /Contents 16 0 R /Resources << ${fonts} >> >>`,
    stream('q 0 0 1 rg 10 10 50 50 re f Q'),
    stream('BT /F1 12 Tf 72 720 Td (Last page) Tj ET'),
  ]);
}

/** `count` copies of `bytes`, each with 1–8 bytes XORed with a random non-zero byte. */
function flipped(name: string, bytes: Uint8Array, count: number, seed: number): NamedPdf[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, copy) => {
    const mutant = bytes.slice();
    const flips = 1 + Math.floor(random() * 8);
    const at: number[] = [];
    for (let i = 0; i < flips; i++) {
      const position = Math.floor(random() * mutant.length);
      mutant[position] ^= 1 + Math.floor(random() * 255);
      at.push(position);
    }
    return { name: `${name}, flipped #${copy} at ${at.join(',')}`, bytes: mutant };
  });
}

async function allPdfs(): Promise<NamedPdf[]> {
  const report = await makePrintedPdf();
  const small = smallPdf();
  const hostile = HOSTILE_SHAPES.map((shape) => shape.make(256 * 1024))
    .filter((file) => file.fileName.endsWith('.pdf'))
    .map((file) => ({ name: `hostile: ${file.name}`, bytes: file.bytes }));
  return [
    { name: 'the bundled report printed by Chromium', bytes: report },
    { name: 'small five-page PDF', bytes: small },
    { name: 'a PDF with a password', bytes: encryptedPdf() },
    { name: 'a PDF with an owner password', bytes: ownerPasswordPdf() },
    { name: 'a blank PDF', bytes: blankPdf() },
    { name: 'a scanned PDF', bytes: await scannedPdf() },
    { name: 'a PDF cut in half', bytes: report.slice(0, report.length >> 1) },
    ...hostile,
    ...flipped('the bundled report', report, 40, 14),
    ...flipped('small five-page PDF', small, 40, 15),
  ];
}

type Outcomes = Record<string, string>;

async function write(root: string, out: string): Promise<void> {
  const { parseReportFile } = (await import(
    join(root, 'src/services/report-file/parse-file.ts')
  )) as typeof import('../src/services/report-file/parse-file');
  const { readPdfPages } = (await import(
    join(root, 'src/services/report-file/pdf-text.ts')
  )) as typeof import('../src/services/report-file/pdf-text');
  const outcomes: Outcomes = {};
  for (const { name, bytes } of await allPdfs()) {
    try {
      const pages = await readPdfPages(bytes);
      const hash = createHash('sha256').update(JSON.stringify(pages)).digest('hex').slice(0, 16);
      outcomes[`${name}: pages`] = `${pages.length} pages, ${hash}`;
    } catch (error) {
      outcomes[`${name}: pages`] = `refused: ${(error as { code?: string }).code ?? String(error)}`;
    }
    try {
      const parsed = await parseReportFile(bytes, { fileName: 'report.pdf' });
      const hash = createHash('sha256').update(JSON.stringify(parsed)).digest('hex').slice(0, 16);
      outcomes[`${name}: blocks`] = `${parsed.document.blocks.length} blocks, ${hash}`;
    } catch (error) {
      const code = (error as { code?: string }).code;
      outcomes[`${name}: blocks`] = `refused: ${code ?? String(error)}`;
    }
  }
  writeFileSync(out, JSON.stringify(outcomes, null, 1));
  const kinds = new Map<string, number>();
  for (const outcome of Object.values(outcomes)) {
    const kind = outcome.startsWith('refused') ? outcome : outcome.split(' ')[1].replace(',', '');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`${Object.keys(outcomes).length / 2} PDFs:`, Object.fromEntries(kinds));
}

function compare(a: string, b: string): void {
  const [left, right] = [a, b].map((file) => JSON.parse(readFileSync(file, 'utf8')) as Outcomes);
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  const differ = names.filter((name) => left[name] !== right[name]);
  for (const name of differ) console.log(`DIFFERS ${name}: ${left[name]} | ${right[name]}`);
  console.log(
    `${names.length} outcomes (pages and blocks of each PDF): ` +
      `${names.length - differ.length} same, ${differ.length} differ`,
  );
  if (differ.length > 0) process.exitCode = 1;
}

const [command, first, second] = process.argv.slice(2);
if (command === 'write') await write(first, second);
else if (command === 'compare') compare(first, second);
else throw new Error('usage: write <code root> <out.json> | compare <a.json> <b.json>');
