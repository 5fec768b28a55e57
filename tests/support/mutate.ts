/**
 * A seeded mutation fuzzer's moves, as a fuzzer (AFL, libFuzzer) makes them
 * on a real file: flip bits, overwrite bytes with boundary values or with
 * tokens of the format (`PK\x03\x04`, `%%EOF`, `<div>`), insert, delete,
 * duplicate a chunk, splice in a piece of another file, truncate, or cut the
 * middle out and keep the end (so a PDF still ends in `%%EOF`). The same
 * seed always gives the same mutants, so a failure can be replayed.
 */

const TOKENS = [
  'PK\x03\x04',
  'PK\x01\x02',
  'PK\x05\x06',
  '%%EOF',
  '%PDF-1.7',
  'endstream',
  'obj',
  '<< /Length 999999999 >>',
  '/Encrypt',
  'trailer',
  '<div>',
  '</p>',
  '<script>',
  '<!--',
  '<![CDATA[',
  '&#x0;',
  '&#xD800;',
  '<w:p>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '\uFEFF',
  '\r\n',
  '一、',
  '（',
  '**',
].map((token) => new TextEncoder().encode(token));

const BOUNDARY = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];

export interface Mutant {
  bytes: Uint8Array;
  /** What was done, for the failure message. */
  moves: string[];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One to four moves on `original`, drawn from `random`; `donor` is spliced from. */
export function mutate(original: Uint8Array, donor: Uint8Array, random: () => number): Mutant {
  let bytes: Uint8Array = original.slice();
  const moves: string[] = [];
  const below = (n: number) => Math.floor(random() * Math.max(1, n));
  const count = 1 + below(4);
  for (let m = 0; m < count; m++) {
    const at = below(bytes.length);
    const length = 1 + below(Math.min(4096, bytes.length - at));
    switch (below(9)) {
      case 0: {
        const flips = 1 + below(32);
        for (let i = 0; i < flips; i++) bytes[below(bytes.length)] ^= 1 << below(8);
        moves.push(`flip ${flips} bits`);
        break;
      }
      case 1: {
        const value = BOUNDARY[below(BOUNDARY.length)];
        bytes.fill(value, at, at + length);
        moves.push(`fill ${length}@${at} with ${value}`);
        break;
      }
      case 2: {
        const token = TOKENS[below(TOKENS.length)];
        bytes = concat(bytes.subarray(0, at), token, bytes.subarray(at));
        moves.push(`insert token@${at}`);
        break;
      }
      case 3:
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + length));
        moves.push(`delete ${length}@${at}`);
        break;
      case 4: {
        const chunk = bytes.slice(at, at + length);
        const times = 1 + below(64);
        bytes = concat(
          bytes.subarray(0, at),
          ...Array<Uint8Array>(times).fill(chunk),
          bytes.subarray(at),
        );
        moves.push(`repeat ${length}@${at} ×${times}`);
        break;
      }
      case 5: {
        const from = below(donor.length);
        const piece = donor.subarray(from, from + length);
        bytes = concat(bytes.subarray(0, at), piece, bytes.subarray(at + below(length)));
        moves.push(`splice ${piece.length} donor bytes@${at}`);
        break;
      }
      case 6:
        bytes = bytes.slice(0, at);
        moves.push(`truncate at ${at}`);
        break;
      case 7: {
        // Cut the middle out, keep the start and the end (trailer, directory).
        const keepEnd = Math.min(bytes.length - at, 1 + below(2048));
        bytes = concat(bytes.subarray(0, at), bytes.subarray(bytes.length - keepEnd));
        moves.push(`cut ${at}..end-${keepEnd}`);
        break;
      }
      default: {
        const random8 = Uint8Array.from({ length }, () => below(256));
        bytes.set(random8.subarray(0, bytes.length - at), at);
        moves.push(`random ${length}@${at}`);
      }
    }
    if (bytes.length === 0) break;
  }
  return { bytes, moves };
}
