/**
 * What a warm worker does before its file arrives (parse-worker.ts): it reads
 * a one-page PDF made here, with a line of text in a standard font, and
 * builds both indexes of a one-paragraph report, so pdf.js and lunr are
 * loaded and their code already compiled by the time a real file comes. Measured here: the
 * bundled report as a 1.2 MB PDF then reads in ~1.0 s instead of ~1.6 s.
 */
import { buildBothIndexes } from '../search/both-indexes';
import { parseReport } from '../../core/report/parse-report';
import { readPdfPages } from './pdf-text';

/**
 * A valid PDF of these objects (object n is `n 0 R`, the first the catalog),
 * its cross-reference offsets computed; `trailerExtra` adds trailer entries.
 * The tests make their bad PDFs with it too.
 */
export function pdfFromObjects(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out +=
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  // Latin-1 by construction: every character is one byte.
  return Uint8Array.from(out, (char) => char.charCodeAt(0));
}

/** One page with a line of text in a standard font. */
const ONE_PAGE = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R' +
    ' /Resources << /Font << /F1 5 0 R >> >> >>',
  '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Report reader) Tj ET\nendstream',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

/** Reads and indexes a tiny report; answers the text the PDF held (for its test). */
export async function warmUp(): Promise<string> {
  const pages = await readPdfPages(pdfFromObjects(ONE_PAGE));
  const document = parseReport(
    '政府工作报告\n\n各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n',
  );
  buildBothIndexes(document);
  return pages.map((page) => page.items.map((item) => item.str).join('')).join('\n');
}
