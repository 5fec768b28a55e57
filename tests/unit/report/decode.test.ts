import { describe, it, expect } from 'vitest';
import { decodeReport, ReportFormatError } from '../../../src/core/report/decode';
import { parseReportBytes } from '../../../src/core/report/parse-report';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodeError(bytes: Uint8Array): ReportFormatError {
  try {
    decodeReport(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFormatError);
    return error as ReportFormatError;
  }
  throw new Error('decodeReport did not throw');
}

describe('decodeReport refuses unusable files', () => {
  const cases: [string, Uint8Array][] = [
    ['empty bytes', new Uint8Array(0)],
    ['a NUL byte', utf8('政府工作报告\u0000各位代表')],
    ['bytes that are neither UTF-8 nor GB18030', new Uint8Array([0x80, 0x41, 0xff, 0x42])],
    ['random bytes with NULs', new Uint8Array([0x00, 0x9c, 0xff, 0x00, 0x13, 0x00, 0xfe])],
    ['a truncated UTF-8 sequence', utf8('政府').slice(0, 5)],
    ['whitespace only', utf8(' \n\t\r\n\u3000\n')],
    ['a BOM and line ends only', new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, 0x0d, 0x0a])],
  ];

  it.each(cases)('%s → ReportFormatError with a one-line message', (_label, bytes) => {
    const error = decodeError(bytes);
    expect(error.name).toBe('ReportFormatError');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('\r');
  });

  it('gives each kind of failure its own message', () => {
    const messages = new Set(
      [
        new Uint8Array(0),
        utf8('a\u0000b'),
        new Uint8Array([0x80, 0x41, 0xff, 0x42]),
        utf8('   \n\n'),
      ].map((bytes) => decodeError(bytes).message),
    );
    expect(messages.size).toBe(4);
  });

  it('is also what parseReportBytes throws', () => {
    expect(() => parseReportBytes(new Uint8Array([0x80, 0x41, 0xff, 0x42]))).toThrow(
      ReportFormatError,
    );
    expect(() => parseReportBytes(new Uint8Array(0))).toThrow(ReportFormatError);
  });
});

describe('decodeReport accepts text files', () => {
  const plain =
    '政 府 工 作 报 告\n\n区长 褚孟彤\n\n各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n';

  it('returns plain UTF-8 with LF unchanged', () => {
    expect(decodeReport(utf8(plain))).toBe(plain);
  });

  it('decodes BOM + CRLF to the same text as plain LF', () => {
    const windows = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(plain.replace(/\n/g, '\r\n'))]);
    expect(decodeReport(windows)).toBe(plain);
  });

  it('decodes old Mac CR line ends to LF', () => {
    expect(decodeReport(utf8(plain.replace(/\n/g, '\r')))).toBe(plain);
  });

  it('decodes GBK/GB18030 bytes of Chinese text', () => {
    expect(decodeReport(new Uint8Array([0xd5, 0xfe, 0xb8, 0xae]))).toBe('政府');
  });

  it('reads a long file with a damaged byte or two, the damage as �, in the encoding it is in', () => {
    const line = '现在，我代表区人民政府向大会报告工作，请予审议。\n';
    const text = line.repeat(200);
    const damaged = utf8(text);
    damaged[damaged.length / 2] = 0xff;
    const decoded = decodeReport(damaged);
    expect(decoded.match(/\uFFFD+/gu)).toHaveLength(1);
    expect(decoded.replace(/[^\n]*\uFFFD[^\n]*\n/u, '')).toBe(line.repeat(199));
    // GB18030 with one byte cut out of a character: read as GB18030, not as UTF-8's garbage.
    const gb = new Uint8Array([...Array(3000).fill([0xd5, 0xfe, 0xb8, 0xae]).flat(), 0xd5]);
    expect(decodeReport(gb).startsWith('政府政府')).toBe(true);
    // Damage everywhere is another encoding, or no text: still refused.
    const noise = utf8(text);
    for (let at = 0; at < noise.length; at += 500) noise[at] = 0xff;
    expect(() => decodeReport(noise)).toThrow(ReportFormatError);
  });

  it('decodes UTF-16 text without a BOM by where its NUL bytes fall', () => {
    expect(decodeReport(new Uint8Array(Buffer.from('report\n', 'utf16le')))).toBe('report\n');
  });

  it('removes only a leading BOM', () => {
    expect(decodeReport(utf8('\uFEFF甲\uFEFF乙'))).toBe('甲\uFEFF乙');
  });
});
