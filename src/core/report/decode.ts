/** Turning a file's bytes into text we are willing to parse, with one-line errors. */

export class ReportFormatError extends Error {
  override name = 'ReportFormatError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a report file. Refuses empty, binary (NUL bytes) and non-UTF-8
 * input with a message fit for a single stderr line. Tolerates a byte-order
 * mark and CRLF or CR line ends, which Windows editors add.
 */
export function decodeReport(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReportFormatError('文件为空 (empty file)');
  if (bytes.includes(0)) throw new ReportFormatError('不是文本文件 (binary content: NUL byte)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReportFormatError('不是 UTF-8 编码的文本 (not valid UTF-8)');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ReportFormatError('文件没有正文 (no text, only whitespace)');
  return text;
}
