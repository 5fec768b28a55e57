/** Laying out a PDF's text items: lines, paragraphs, page breaks, running heads. */
import { describe, expect, it } from 'vitest';
import {
  layoutPdfText,
  type PdfPageText,
  type PdfTextItem,
} from '../../../src/core/formats/pdf-layout';

const SIZE = 16;
const LEFT = 72;
const CHARS_PER_LINE = 28;
const TOP = 760;
const PITCH = 26;

/** Items for one line of text at `row`, starting `indent` characters in, split in runs of 5. */
function line(text: string, row: number, indent = 0, size = SIZE): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  const y = TOP - row * PITCH;
  for (let i = 0; i < text.length; i += 5) {
    const str = text.slice(i, i + 5);
    items.push({ str, x: LEFT + (indent + i) * size, y, width: str.length * size, size });
  }
  return items;
}

/** Wraps a paragraph to full lines of the column, first line indented by two. */
function paragraph(text: string, firstRow: number): { items: PdfTextItem[]; rows: number } {
  const items: PdfTextItem[] = [];
  let rest = text;
  let row = firstRow;
  let indent = 2;
  while (rest !== '') {
    const take = CHARS_PER_LINE - indent;
    items.push(...line(rest.slice(0, take), row, indent));
    rest = rest.slice(take);
    row++;
    indent = 0;
  }
  return { items, rows: row - firstRow };
}

const page = (items: PdfTextItem[]): PdfPageText => ({ width: 595, height: 842, items });

/** A running header, a centred page number, shuffled into content order as printers do. */
function withRunningLines(items: PdfTextItem[], number: number): PdfTextItem[] {
  return [
    ...items,
    { str: '某区政府工作报告', x: 250, y: 810, width: 80, size: 9 },
    { str: `— ${number} —`, x: 280, y: 30, width: 30, size: 10 },
  ];
}

const LONG_A = '甲'.repeat(40) + '，' + '乙'.repeat(30) + '。';
const LONG_B = '丙'.repeat(20) + '，' + '丁'.repeat(50) + '。';

describe('layoutPdfText', () => {
  it('joins the lines of each paragraph and separates paragraphs by indent', () => {
    const a = paragraph(LONG_A, 0);
    const b = paragraph(LONG_B, a.rows);
    expect(layoutPdfText([page([...a.items, ...b.items])])).toBe(`${LONG_A}\n\n${LONG_B}`);
  });

  it('drops running headers and page numbers, and joins a paragraph cut by a page break', () => {
    const text = '戊'.repeat(26 + 28 * 3) + '己'.repeat(28 * 2) + '庚。';
    const whole = paragraph(text, 0);
    // The first four lines on page 1, the rest on page 2.
    const firstPage = whole.items.filter((item) => item.y > TOP - 4 * PITCH);
    const secondPage = whole.items
      .filter((item) => item.y <= TOP - 4 * PITCH)
      .map((item) => ({ ...item, y: item.y + 4 * PITCH }));
    const pages = [
      page(withRunningLines(firstPage, 1)),
      page(withRunningLines(secondPage, 2)),
      page(withRunningLines(paragraph(LONG_B, 0).items, 3)),
    ];
    expect(layoutPdfText(pages)).toBe(`${text}\n\n${LONG_B}`);
  });

  it('ends a paragraph at a short last line even when the next is not indented', () => {
    const items = [
      ...line('辛'.repeat(28), 0),
      ...line('壬壬。', 1),
      ...line('癸'.repeat(10) + '。', 2),
    ];
    expect(layoutPdfText([page(items)])).toBe(`${'辛'.repeat(28)}壬壬。\n\n${'癸'.repeat(10)}。`);
  });

  it('keeps a centred heading and a larger title on lines of their own', () => {
    const title = [{ str: '政府工作报告', x: 250, y: TOP + 60, width: 6 * 22, size: 22 }];
    const heading = [
      { str: '一、工作回顾', x: LEFT + 11 * SIZE, y: TOP, width: 6 * SIZE, size: SIZE },
    ];
    const body = paragraph(LONG_A, 1).items;
    expect(layoutPdfText([page([...title, ...heading, ...body])])).toBe(
      `政府工作报告\n\n一、工作回顾\n\n${LONG_A}`,
    );
  });

  it('starts a new paragraph at a numbered line after a full line that ends a sentence', () => {
    const full = '子'.repeat(27) + '。';
    const items = [...line(full, 0), ...line('2. 丑：是指寅。', 1)];
    expect(layoutPdfText([page(items)])).toBe(`${full}\n\n2. 丑：是指寅。`);
  });

  it('puts a space between Latin words split over two lines, and where items have a gap', () => {
    const items = [
      ...line('建设' + 'x'.repeat(25) + 'Smart', 0),
      ...line('City项目。', 1),
      { str: '区长', x: LEFT + 12 * SIZE, y: TOP - 3 * PITCH, width: 2 * SIZE, size: SIZE },
      { str: '褚孟彤', x: LEFT + 15 * SIZE, y: TOP - 3 * PITCH, width: 3 * SIZE, size: SIZE },
    ];
    const text = layoutPdfText([page(items)]);
    expect(text).toContain('Smart City项目。');
    expect(text).toContain('区长 褚孟彤');
  });

  it('closes the gaps a justified line leaves between Chinese characters, as LibreOffice prints them', () => {
    // pdf.js's text items of two lines of a LibreOffice PDF: a short line
    // stretched to the margin, and a full one with a gap after the semicolon.
    const at = (str: string, x: number, row: number): PdfTextItem => ({
      str,
      x: LEFT + x * SIZE,
      y: TOP - row * PITCH,
      width: str.length * SIZE,
      size: SIZE,
    });
    const items = [
      at('出 让 ， 2', 2, 0),
      at(' 幢 总 部 大 楼 竣 工 投 用', 8, 0),
      at('16座山塘水库通过验收；', 0, 1),
      at(' ', 12, 1),
      at('110KV岐阳变顺利投产。', 13, 1),
      at('1. “365”产业：是指三大产业集群。', 2, 3),
    ];
    expect(layoutPdfText([page(items)]).split('\n\n')).toEqual([
      '出让，2 幢总部大楼竣工投用16座山塘水库通过验收；110KV岐阳变顺利投产。',
      '1. “365”产业：是指三大产业集群。',
    ]);
  });
});
