/**
 * Draws the application icon (build/icon.png, 512×512) with no image library
 * and no download: a red square with rounded corners and a white page of text
 * lines. electron-builder turns it into .ico and .icns. Run with
 * `npx tsx scripts/make-icon.ts` after changing the drawing.
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
type Rgba = [number, number, number, number];
const RED: Rgba = [192, 40, 40, 255];
const PAGE: Rgba = [255, 252, 245, 255];
const LINE: Rgba = [150, 150, 150, 255];
const TITLE: Rgba = [192, 40, 40, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function insideRounded(x: number, y: number, left: number, top: number, size: number, r: number) {
  const right = left + size;
  const bottom = top + size;
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixel(x: number, y: number): Rgba {
  if (!insideRounded(x, y, 16, 16, 480, 96)) return CLEAR;
  const onPage = x >= 136 && x < 376 && y >= 96 && y < 416;
  if (!onPage) return RED;
  if (y >= 136 && y < 164 && x >= 176 && x < 336) return TITLE;
  for (let line = 0; line < 6; line++) {
    const top = 200 + line * 34;
    const end = line === 5 ? 276 : 336;
    if (y >= top && y < top + 12 && x >= 176 && x < end) return LINE;
  }
  return PAGE;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function drawIcon(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    rows[row] = 0; // no filter
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL('../build/icon.png', import.meta.url), drawIcon());
