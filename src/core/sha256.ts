/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex: the same digest as
 * Node's `createHash('sha256')`, from a pure implementation, so the domain code
 * that names a document's version or an imported annotation runs anywhere.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
