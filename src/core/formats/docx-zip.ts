/**
 * Reading a .docx's zip with bounds, before any Word library sees it. A zip
 * bomb (a few KB that inflate to gigabytes, or a directory that lies about
 * sizes) must cost neither memory nor time: only the XML parts are inflated,
 * in small steps, counting the bytes that really come out, and reading stops
 * at LIMITS.docxXmlBytes. The reader (docx-html.ts) gets exactly the bytes
 * that were counted. Pictures and embedded files are left out: the reader
 * shows text.
 *
 * The directory is read here (a few fixed-layout records); fflate inflates.
 */
import { Inflate } from 'fflate';
import { docxDamaged, ReportFormatError } from './errors';
import { LIMITS } from './limits';

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at a time: at most ~1 000× that comes out. */
const STEP = 16 * 1024;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(data: DataView): number {
  const earliest = Math.max(0, data.byteLength - 22 - 0xffff);
  for (let at = data.byteLength - 22; at >= earliest; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw docxDamaged();
}

function readDirectory(bytes: Uint8Array): Entry[] {
  const data = view(bytes);
  if (bytes.length < 22) throw docxDamaged();
  const end = findEndOfDirectory(data);
  const count = data.getUint16(end + 10, true);
  const offset = data.getUint32(end + 16, true);
  // ZIP64 markers: a .docx never needs them; refuse rather than misread.
  if (count === 0xffff || offset === 0xffffffff) throw docxDamaged();
  if (count > LIMITS.docxEntries) throw new ReportFormatError('docx-too-large');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== DIRECTORY_ENTRY) throw docxDamaged();
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    entries.push({
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localOffset: data.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const data = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL_HEADER) throw docxDamaged();
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw docxDamaged();
  return bytes.subarray(start, end);
}

/** Inflates in steps, stopping as soon as the output passes what is left of the budget. */
function inflateBounded(compressed: Uint8Array, budget: { left: number }): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.left) throw new ReportFormatError('docx-too-large');
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < compressed.length; at += STEP) {
      inflater.push(compressed.subarray(at, at + STEP), at + STEP >= compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ReportFormatError) throw error;
    throw docxDamaged();
  }
  budget.left -= total;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const isXmlPart = (name: string): boolean => /\.(?:xml|rels)$/iu.test(name);

/**
 * The .docx's XML parts by name, inflated within LIMITS.docxXmlBytes. Throws
 * ReportFormatError `docx-too-large` for a bomb and `docx-damaged` for
 * anything that is not a readable, unencrypted zip.
 */
export function boundedDocxParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = readDirectory(bytes).filter((entry) => isXmlPart(entry.name));
  if (!entries.some((entry) => entry.name === 'word/document.xml')) throw docxDamaged();
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > LIMITS.docxXmlBytes) throw new ReportFormatError('docx-too-large');
  const budget = { left: LIMITS.docxXmlBytes };
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.flags & 1) throw docxDamaged(); // encrypted entry
    const compressed = compressedData(bytes, entry);
    if (entry.method === STORED) {
      if (compressed.length > budget.left) throw new ReportFormatError('docx-too-large');
      budget.left -= compressed.length;
      parts.set(entry.name, compressed);
    } else if (entry.method === DEFLATED) {
      parts.set(entry.name, inflateBounded(compressed, budget));
    } else {
      throw docxDamaged();
    }
  }
  return parts;
}
