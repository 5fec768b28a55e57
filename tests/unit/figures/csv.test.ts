/**
 * The CSV export: what Excel and WPS need to open it as Chinese (a BOM),
 * RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
 */
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, figuresCsv, neutralise } from '../../../src/core/figures/csv';
import type { Figure } from '../../../src/core/figures/figure';
import { FIGURES, REPORT } from './helpers';

/** A small RFC 4180 reader, written here so the test does not trust the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('figuresCsv on the bundled report', () => {
  const csv = figuresCsv(FIGURES, REPORT);

  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    expect(csv.startsWith('\uFEFF指标,数值,单位,变化,限定,时期,章节\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the header and one row per figure, with the section path', () => {
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(FIGURES.length + 1);
    const gdp = rows.find(
      (row) => row[0] === '地区生产总值' && row[3] === '增长' && row[5] === '目标',
    );
    expect(gdp).toEqual([
      '地区生产总值',
      '7',
      '%',
      '增长',
      '左右',
      '目标',
      '二、2018年主要目标任务',
    ]);
    expect(rows[4]).toEqual([
      '地区生产总值',
      '1164.48',
      '亿元',
      '',
      '',
      '实绩',
      '一、2017年工作回顾 › （一）融合发展平稳推进',
    ]);
    // `新开工省、市、区重点项目` holds no comma, `镇（乡）街道项目` no quote: none is quoted.
    expect(csv).not.toContain('"');
  });
});

describe('cells', () => {
  it('quotes cells with commas, quotes or line ends, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell('中文，全角逗号')).toBe('中文，全角逗号');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', ' =HYPERLINK("http://x")', '\t=1', '＝1＋1', '－3'])(
    'neutralises %j so it is shown, never run',
    (cell) => {
      expect(neutralise(cell)).toBe(`'${cell}`);
      expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('leaves ordinary cells alone', () => {
    for (const cell of ['1164.48', '地区生产总值', '6.5–7', ''])
      expect(neutralise(cell)).toBe(cell);
  });

  it('an indicator from an untrusted report arrives as text', () => {
    const hostile: Figure = {
      block: 'b8',
      start: 0,
      end: 3,
      text: '34个',
      value: 34,
      unit: '个',
      indicator: '=HYPERLINK("http://evil","点击")',
      period: 'result',
    };
    const [, row] = readCsv(figuresCsv([hostile], REPORT).slice(1));
    expect(row[0]).toBe(`'=HYPERLINK("http://evil","点击")`);
  });
});
