/**
 * Bytes of a text file to a string: UTF-8 with or without BOM, UTF-16 LE/BE
 * with BOM (or without, when its NUL bytes give it away), and GB18030 (which
 * covers GBK and GB2312) when the bytes are not UTF-8. Big5 and other legacy
 * encodings are not guessed: a wrong guess shows garbage as if it were text.
 */
import { ReportFormatError } from './errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** True when `bytes` begin with `prefix` (a BOM, a magic number). */
export function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * UTF-16 without a BOM: every ASCII character (line ends, digits) puts a NUL
 * in its high byte, so NULs gather on one side (odd offsets for LE), while in
 * Chinese text the other side's bytes are almost never NUL.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const units = sample.length / 2;
  if (bytes.length % 2 !== 0) return undefined;
  if (odd > units * 0.02 && even <= odd * 0.25) return 'utf-16le';
  if (even > units * 0.02 && odd <= even * 0.25) return 'utf-16be';
  return undefined;
}

function tryDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Which encoding the bytes are in, and the text, or undefined when none fits. */
function decodeAny(bytes: Uint8Array): DecodedText | undefined {
  const withBom: [number[], TextEncoding][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, encoding] of withBom) {
    if (!startsWith(bytes, bom)) continue;
    const text = tryDecode(encoding, bytes);
    return text === undefined ? undefined : { text, encoding };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) {
    const text = tryDecode(utf16, bytes);
    return text === undefined ? undefined : { text, encoding: utf16 };
  }
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return { text, encoding };
  }
  // A file with a byte or two damaged (a bad copy, a flipped bit) is read as
  // an editor shows it, the damage as �, rather than refused as "not UTF-8".
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = new TextDecoder(encoding).decode(bytes);
    // A damaged byte in a character's middle leaves up to three �.
    const allowed = 3 * Math.floor(bytes.length / BYTES_PER_DAMAGE);
    if (replacements(text) <= allowed) return { text, encoding };
  }
  return undefined;
}

/** At most one damaged sequence in this many bytes: more is another encoding, or not text. */
const BYTES_PER_DAMAGE = 10_000;

function replacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

// Control characters no text file holds (tab, line ends and form feed are fine).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/gu;

/** True when more than 1 in 200 characters are controls: binary data, whatever it decoded as. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls > sample.length / 200;
}

/** Removes a leading BOM and turns CRLF and CR line ends into LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
}

/**
 * Decodes a text file. Throws ReportFormatError for empty, binary,
 * undecodable or blank input.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ReportFormatError('empty');
  const decoded = decodeAny(bytes);
  if (decoded === undefined) {
    throw new ReportFormatError(bytes.includes(0) ? 'binary' : 'unknown-encoding');
  }
  if (looksBinary(decoded.text)) throw new ReportFormatError('binary');
  const text = normalizeLineEnds(decoded.text);
  if (text.trim() === '') throw new ReportFormatError('no-text');
  return { text, encoding: decoded.encoding };
}

/**
 * Decodes a file that must be UTF-8, such as an annotation file (JSON is
 * UTF-8 by its RFC): a GBK or Latin-1 file is refused, never read as mojibake.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReportFormatError('empty');
  const text = tryDecode('utf-8', bytes);
  if (text === undefined) throw new ReportFormatError(bytes.includes(0) ? 'binary' : 'not-utf8');
  if (looksBinary(text)) throw new ReportFormatError('binary');
  return normalizeLineEnds(text);
}
