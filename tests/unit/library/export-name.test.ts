/**
 * The names of exported files: the report as the 书架 lists it and what the
 * file holds, so a meeting folder of several reports' exports tells them
 * apart; safe on Windows, macOS and Linux whatever the title holds.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editionPairName,
  exportFileName,
  pdfFileStem,
  reportFileStem,
  sessionOf,
} from '../../../src/core/library/export-name';
import { pathInside } from '../../../src/services/file-name';
import type { Edition } from '../../../src/shared/library';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { namesIn } from '../annotations/helpers';

const HAISHU = {
  title: '2018年海曙区政府工作报告',
  place: '海曙区',
  date: '2018-02-07',
  occasion: '2018年2月7日在海曙区第十一届人民代表大会第二次会议上',
};
/** What every name must avoid on one platform or another. */
// eslint-disable-next-line no-control-regex -- control characters are among what a name must not hold
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/u;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/iu;

function expectSafe(name: string): void {
  expect(name).not.toMatch(FORBIDDEN);
  expect(name).not.toMatch(WINDOWS_RESERVED);
  expect(name).not.toMatch(/^[.\s]|[.\s]$/u);
  expect(name.length).toBeLessThanOrEqual(120);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(240);
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('export-name');
});
afterAll(async () => {
  await removeTempDir(dir);
});

describe('exportFileName', () => {
  it('names the file for the report on the 书架, then what it holds', () => {
    expect(exportFileName(HAISHU, '批注', 'json')).toBe('2018年海曙区政府工作报告-批注.json');
    expect(exportFileName(HAISHU, '发言提纲', 'md')).toBe('2018年海曙区政府工作报告-发言提纲.md');
    expect(exportFileName(HAISHU, '', 'pdf')).toBe('2018年海曙区政府工作报告.pdf');
  });

  it('two reports sharing the bare title 政府工作报告 get different names', () => {
    const jiangbei = { title: '政府工作报告', place: '江北区', date: '2019-01-20' };
    const haishu2019 = { title: '政府工作报告', place: '海曙区', date: '2019-01-15' };
    const names = [HAISHU, jiangbei, haishu2019].map((report) =>
      exportFileName(report, '批注', 'json'),
    );
    expect(names).toEqual([
      '2018年海曙区政府工作报告-批注.json',
      '2019年江北区政府工作报告-批注.json',
      '2019年海曙区政府工作报告-批注.json',
    ]);
  });

  it('keeps a renamed report’s name, adding the place and year it leaves out', () => {
    expect(exportFileName({ ...HAISHU, title: '区长报告（会前稿）' }, '批注', 'json')).toBe(
      '2018年海曙区区长报告（会前稿）-批注.json',
    );
    // A name that says them already is left alone.
    expect(exportFileName({ ...HAISHU, title: '海曙区 2018 年报告' }, '批注', 'json')).toBe(
      '海曙区 2018 年报告-批注.json',
    );
  });

  it('a report of no known date says its meeting, where the occasion names one', () => {
    const undated = { title: '政府工作报告', occasion: '在海曙区第十一届人民代表大会第二次会议上' };
    expect(exportFileName(undated, '批注', 'json')).toBe(
      '政府工作报告（十一届人大二次会议）-批注.json',
    );
    expect(sessionOf('在某县政治协商会议第九届委员会第三次会议上')).toBe('九届政协三次会议');
    expect(sessionOf('第3届第1次会议')).toBe('3届1次会议');
    expect(sessionOf('全区干部大会')).toBeUndefined();
    expect(sessionOf(undefined)).toBeUndefined();
  });

  it('an empty or blank title still names the file', () => {
    expect(exportFileName({ title: '' }, '批注', 'json')).toBe('未命名报告-批注.json');
    expect(exportFileName({ title: '   ' }, '发言提纲', 'md')).toBe('未命名报告-发言提纲.md');
    expect(exportFileName({ title: '', date: '2020-01-01' }, '批注', 'json')).toBe(
      '2020年未命名报告-批注.json',
    );
    expect(reportFileStem({ title: '' })).toBe('未命名报告');
  });

  it.each([
    [
      '关于“十四五”规划: 纲要/草案 <征求意见稿>?',
      '关于“十四五”规划_ 纲要_草案 _征求意见稿__-批注.json',
    ],
    ['a\\b|c*d"e', 'a_b_c_d_e-批注.json'],
    ['报告\u0000\u0007\t\n第二稿', '报告____第二稿-批注.json'],
    ['...隐藏', '隐藏-批注.json'],
    ['报告。。。...', '报告。。。-批注.json'],
    ['报告   ', '报告-批注.json'],
    ['../../etc/passwd', '_.._etc_passwd-批注.json'],
  ])('forbidden characters: %j → %j', (title, name) => {
    const made = exportFileName({ title }, '批注', 'json');
    expect(made).toBe(name);
    expectSafe(made);
  });

  it('a Windows device name is never the whole name', () => {
    for (const title of ['CON', 'con', 'Nul', 'LPT1', 'com9', 'AUX']) {
      const pdf = exportFileName({ title }, '', 'pdf');
      expect(pdf).toBe(`_${title}.pdf`);
      expectSafe(pdf);
      // With a kind after it the name is no device name.
      expect(exportFileName({ title }, '批注', 'json')).toBe(`${title}-批注.json`);
    }
  });

  it('a very long title is cut, never the kind or the extension, and the file system takes it', async () => {
    const long = { ...HAISHU, title: '关于'.repeat(200) + '的报告' };
    const name = exportFileName(long, '修订对照', 'md', '征求意见稿→终稿');
    expect(name.startsWith('2018年海曙区关于关于')).toBe(true);
    expect(name.endsWith('-修订对照-征求意见稿→终稿.md')).toBe(true);
    expectSafe(name);
    await writeFile(pathInside(dir, name), 'x');
    expect(await namesIn(dir)).toContain(name);
  });

  it('a cut never halves a surrogate pair, nor leaves a dot or space before the kind', () => {
    const astral = exportFileName({ title: '𠀀'.repeat(200) }, '批注', 'json');
    expect(astral.endsWith('𠀀-批注.json')).toBe(true);
    expect(Buffer.from(astral, 'utf8').toString('utf8')).toBe(astral);
    expectSafe(astral);
    const dotted = exportFileName(
      { title: '报'.repeat(73) + '. . . . ' + '告'.repeat(40) },
      '批注',
      'json',
    );
    expect(dotted).toMatch(/^报+-批注\.json$/u);
  });
});

describe('pdfFileStem', () => {
  const undated = { title: '政府工作报告', occasion: '在海曙区第十一届人民代表大会第二次会议上' };

  it('is the PDF’s name without .pdf, the .pdf counted in the bounds', () => {
    expect(pdfFileStem(HAISHU)).toBe('2018年海曙区政府工作报告');
    for (const title of ['关于'.repeat(200), '𠀀'.repeat(200), 'a'.repeat(300)]) {
      const stem = pdfFileStem({ ...HAISHU, title });
      expectSafe(`${stem}.pdf`);
      expect(stem.startsWith('2018年海曙区')).toBe(true);
      // As long as the bounds allow: one more character of the title would not fit.
      const grown = `${stem}${[...title][0]}.pdf`;
      expect(grown.length > 120 || Buffer.byteLength(grown, 'utf8') > 240).toBe(true);
    }
  });

  it('cuts only the title: the place, the year and the meeting stay', () => {
    const stem = pdfFileStem({ ...undated, title: '关于'.repeat(200) + '的报告' });
    expect(stem).toMatch(/^关于(关于)*关?（十一届人大二次会议）$/u);
    expectSafe(`${stem}.pdf`);
    const name = exportFileName({ ...undated, title: '报'.repeat(200) }, '批注', 'json');
    expect(name.endsWith('报（十一届人大二次会议）-批注.json')).toBe(true);
    expectSafe(name);
  });

  it('is safe whatever the title: devices, dots, separators', () => {
    expect(pdfFileStem({ title: 'CON' })).toBe('_CON');
    expect(pdfFileStem({ title: '...' })).toBe('报告');
    expect(pdfFileStem({ title: '../报告' })).toBe('_报告');
  });
});

describe('editionPairName', () => {
  const edition = (id: string, fileName: string, bundled = false): Edition => ({
    id,
    fileName,
    format: 'text',
    added: '2026-01-05T00:00:00.000Z',
    ...(bundled && { bundled: true as const }),
  });

  it('names the two editions by their files, without the extension', () => {
    const report = { editions: [edition('a', '征求意见稿.docx'), edition('b', '终稿.pdf')] };
    expect(editionPairName(report, 'a', 'b')).toBe('征求意见稿→终稿');
    expect(exportFileName(HAISHU, '修订对照', 'md', editionPairName(report, 'a', 'b'))).toBe(
      '2018年海曙区政府工作报告-修订对照-征求意见稿→终稿.md',
    );
  });

  it('editions sent under one file name are told apart by their place: each pair its own file', () => {
    const report = {
      editions: [
        edition('a', 'x.txt', true),
        edition('b', '报告.pdf'),
        edition('c', '报告.pdf'),
        edition('d', '报告.docx'),
      ],
    };
    const pairs = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['a', 'd'],
      ['b', 'd'],
    ].map(([from, to]) => editionPairName(report, from, to));
    expect(pairs).toEqual([
      '随应用提供的文本→第2版',
      '第2版→第3版',
      '第3版→第4版',
      '随应用提供的文本→第4版',
      '第2版→第4版',
    ]);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('a long edition file name is kept short, and an unknown edition says its id', () => {
    const report = {
      editions: [edition('a', '很'.repeat(60) + '.docx'), edition('b', '终稿.txt')],
    };
    expect(editionPairName(report, 'a', 'b')).toBe(`${'很'.repeat(24)}→终稿`);
    expect(editionPairName(report, '0123456789abcdef', 'b')).toBe('01234567→终稿');
  });
});
