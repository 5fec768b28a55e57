/**
 * Which reader a file needs, from its first bytes, with the file name's
 * extension only as a tie-breaker (a `.txt` that is really a PDF opens as a
 * PDF; a saved page named `.txt` opens as a page only if it looks like one).
 */
import { ReportFormatError } from './errors';
import { startsWith } from './text-decode';

export type ReportFormat = 'text' | 'html' | 'docx' | 'pdf';

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** True when a zip's directory (at its end) or first entry names word/document.xml. */
function isWordZip(bytes: Uint8Array): boolean {
  const needle = 'word/document.xml';
  const tail = ascii(bytes, Math.max(0, bytes.length - 65_536), bytes.length);
  return tail.includes(needle) || ascii(bytes, 0, 4096).includes(needle);
}

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/iu;

/** True when text looks like an HTML page rather than a report typed as text. */
export function looksLikeHtml(start: string): boolean {
  return HTML_START.test(start.replace(/^\uFEFF/u, ''));
}

/** UTF-16 bytes read as ASCII: drop the NULs so `<html` shows through. */
function asciiStart(bytes: Uint8Array): string {
  return ascii(bytes, 0, 2048).replace(/\0/gu, '');
}

/**
 * Picks the reader for a file. Throws ReportFormatError for formats a report
 * never comes in here (images, old .doc, other archives) and for empty files.
 */
export function sniffFormat(bytes: Uint8Array, fileName = ''): ReportFormat {
  if (bytes.length === 0) throw new ReportFormatError('empty');
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (isWordZip(bytes)) return 'docx';
    throw new ReportFormatError(extensionOf(fileName) === 'docx' ? 'docx-damaged' : 'unsupported');
  }
  if (startsWith(bytes, OLE)) throw new ReportFormatError('legacy-office');
  const extension = extensionOf(fileName);
  if (IMAGES.some((magic) => startsWith(bytes, magic))) {
    // A picture named .pdf: "please open a PDF" would answer a reader who just did.
    throw new ReportFormatError(
      extension === 'pdf' ? 'not-pdf' : extension === 'docx' ? 'not-docx' : 'unsupported',
    );
  }
  // Named .pdf or .docx without its signature: another file renamed (an
  // installer, an archive), not a damaged report; saying "damaged" would send
  // the reader looking for a better copy of a file that never was one.
  if (extension === 'pdf') throw new ReportFormatError('not-pdf');
  if (extension === 'docx') throw new ReportFormatError('not-docx');
  const start = asciiStart(bytes);
  const namedHtml = ['html', 'htm', 'xhtml'].includes(extension) && /<[a-z!]/iu.test(start);
  return namedHtml || looksLikeHtml(start) ? 'html' : 'text';
}
