/**
 * A .docx as HTML through mammoth, after the zip has been bounded and stripped
 * to its XML parts (core/formats/docx-zip.ts). mammoth maps Word's paragraphs,
 * headings, bold, lists and tables to plain HTML; it reads no file outside the
 * document (externalFileAccess off) and pictures are neither read nor kept.
 */
import mammoth from 'mammoth';
import { boundedDocx } from '../../core/formats/docx-zip';
import { ReportFormatError } from '../../core/formats/errors';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const safe = boundedDocx(bytes);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return result.value;
  } catch {
    throw new ReportFormatError('docx-damaged');
  }
}
