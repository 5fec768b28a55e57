/**
 * Bad files for the refusal tests, each made in the test: a PDF that needs a
 * password, a scanned PDF (pages that are pictures), zip bombs, and others.
 */
import { createHash } from 'node:crypto';
import { chromium } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/browser-path';
import { pdfFromObjects } from '../../../src/services/report-file/warm-up';

/** A PDF of these objects, with byte offsets computed (the app's own writer). */
const writePdf = pdfFromObjects;

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];

/**
 * Encrypted with the standard handler and a user password: its /U entry does
 * not match the empty password, so no reader opens it without one.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = 'A1'.repeat(32);
  return writePdf(
    [
      ...PAGE_OBJECTS,
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'5C'.repeat(32)}> /P -4 >>`,
    ],
    `/Encrypt 4 0 R /ID [<${'0F'.repeat(16)}> <${'0F'.repeat(16)}>] `,
  );
}

/** RC4, which PDF's standard security handler (revision 2) encrypts with. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const state = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + state[i] + key[i % key.length]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + state[i]) & 255;
    [state[i], state[j]] = [state[j], state[i]];
    out[k] = data[k] ^ state[(state[i] + state[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * One page of text (`Report reader`), encrypted with an owner password only,
 * as offices protect a report against copying and editing: the empty user
 * password opens it, so every PDF reader shows it without asking. Made by the
 * standard handler, revision 2 (PDF 1.7, 7.6.3, algorithms 2 and 3).
 */
export function ownerPasswordPdf(): Uint8Array {
  const PAD = Uint8Array.from(
    Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex'),
  );
  const ownerKey = md5(Uint8Array.from(Buffer.from('owner-secret'.padEnd(32, '\0')))).slice(0, 5);
  const owner = rc4(ownerKey, PAD);
  const permissions = new Uint8Array(new Int32Array([-44]).buffer);
  const id = new Uint8Array(16).fill(0x0f);
  const key = md5(PAD, owner, permissions, id).slice(0, 5);
  const user = rc4(key, PAD);
  const objectKey = (number: number) =>
    md5(key, Uint8Array.of(number, 0, 0, 0, 0)).slice(0, key.length + 5);
  const content = new TextEncoder().encode('BT /F1 12 Tf 72 720 Td (Report reader) Tj ET');
  return writePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R' +
        ' /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${latin1(rc4(objectKey(4), content))}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(owner)}> /U <${hex(user)}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(id)}> <${hex(id)}>] `,
  );
}

/** A well-formed PDF with a page and no text at all. */
export function blankPdf(): Uint8Array {
  return writePdf(PAGE_OBJECTS);
}

/** Three pages that are pictures of text: canvases printed by Chromium. */
export async function scannedPdf(): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<body style="margin:0">' +
        [1, 2, 3]
          .map(() => '<canvas width="700" height="900" style="break-after:page"></canvas>')
          .join('') +
        '</body>',
    );
    await page.evaluate(() => {
      for (const canvas of document.querySelectorAll('canvas')) {
        const context = canvas.getContext('2d')!;
        context.font = '28px serif';
        for (let line = 0; line < 20; line++)
          context.fillText('政府工作报告扫描页的文字', 40, 60 + line * 40);
      }
    });
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

/** A .docx whose document.xml inflates to `megabytes` MB of spaces. */
export function docxBomb(megabytes: number): Uint8Array {
  const xml = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': [xml, { level: 9 }],
  });
}

/**
 * The same bomb, its directory lying that document.xml is 100 bytes: a reader
 * that trusts declared sizes is fooled, one that counts what it inflates is not.
 */
export function lyingDocxBomb(megabytes: number): Uint8Array {
  const bytes = docxBomb(megabytes);
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50 || view.getUint32(at, true) === 0x04034b50) {
      const sizeAt = view.getUint32(at, true) === 0x02014b50 ? at + 24 : at + 22;
      view.setUint32(sizeAt, 100, true);
    }
  }
  return bytes;
}

/** Bytes of the compound-file format of .doc, .xls and .ppt. */
export function legacyDoc(): Uint8Array {
  return new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
}

/** Deterministic noise (a fixed linear congruential sequence). */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A deflate stream that is not one: a zip entry that cannot inflate. */
export function corruptDocx(): Uint8Array {
  const good = zipSync({
    'word/document.xml': [strToU8('<w:document/>'.repeat(200)), { level: 9 }],
  });
  const bytes = good.slice();
  // Overwrite the middle of the compressed data.
  bytes.fill(0xff, 60, 90);
  return bytes;
}
