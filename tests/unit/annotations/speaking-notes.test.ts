/**
 * The Markdown 发言提纲 from the handlers on the real report: sections in
 * document order, the citation a delegate would say, the exact quote, note and
 * tags, orphans under 未能定位, and no markup from a note.
 */
import { bundledHandlers } from '../../support/report-handlers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceHandlers, Result } from '../../../src/shared/api';
import { makeTempDir, removeTempDir } from '../storage/helpers';
import { DOC, REPORT, rangeOf } from './helpers';

let dir: string;
let markdown: string;
let fileName: string;

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

const textOf = (id: string) => REPORT.blocks[DOC.indexOf.get(id)!].text;
const QUOTES = {
  b31: textOf('b31').slice(9, 20),
  b8: textOf('b8').slice(8, 20),
  b5: textOf('b5').slice(0, 10),
  b53: textOf('b53').slice(3, 15),
};

beforeAll(async () => {
  dir = await makeTempDir('speaking-notes');
  const handlers: ServiceHandlers = await bundledHandlers(dir, REPORT);
  // Made out of document order on purpose.
  ok(
    await handlers.createAnnotation({
      ...rangeOf(QUOTES.b31),
      color: 'c3',
      note: '<script>alert(1)</script> 要<b>追问</b>进度',
      tags: ['城乡', '规划'],
    }),
  );
  ok(await handlers.createAnnotation({ ...rangeOf(QUOTES.b53), color: 'c4' }));
  ok(await handlers.createAnnotation({ ...rangeOf(QUOTES.b8), color: 'c1', note: '第一条' }));
  ok(await handlers.createAnnotation({ ...rangeOf(QUOTES.b5), color: 'c2' }));
  ok(
    await handlers.importAnnotations({
      content: JSON.stringify({
        type: 'Annotation',
        id: 'gone',
        text: '原文已删',
        tags: ['旧版'],
        target: {
          selector: { type: 'TextQuoteSelector', exact: '这一句在报告里根本不存在的文字' },
        },
      }),
    }),
  );
  const file = ok(await handlers.exportAnnotations({ format: 'md' }));
  markdown = file.content;
  fileName = file.fileName;
});

afterAll(async () => {
  await removeTempDir(dir);
});

describe('the speaking notes', () => {
  it('are named 发言提纲 with the title and the day', () => {
    expect(fileName).toBe('2018年海曙区政府工作报告-发言提纲.md');
    expect(
      markdown.startsWith('# 发言提纲：2018年海曙区政府工作报告\n\n> 2018年2月7日在海曙区'),
    ).toBe(true);
    expect(markdown).toContain('> 共 5 条批注，导出于 ');
  });

  it('have the section headings in document order, orphans last', () => {
    const headings = markdown.split('\n').filter((line) => /^#{2,3} /u.test(line));
    expect(headings).toEqual([
      '## 一、2017年工作回顾',
      '### （一）融合发展平稳推进',
      '## 二、2018年主要目标任务',
      '### （三）突出全域联动，着力提升城乡统筹水平',
      '## 附件：名词解释',
      '## 未能定位',
    ]);
  });

  it('cite each passage, then quote it exactly, then the note and the tags', () => {
    const entries = markdown.split('\n').filter((line) => line.startsWith('**'));
    expect(entries).toEqual([
      '**开篇第2段** · 疑问',
      '**一（一）第1段** · 重点',
      '**二（三）第2段** · 建议',
      '**附件第2段** · 数据',
      '**未能定位** · 重点',
    ]);
    expect(markdown).toContain(`**一（一）第1段** · 重点\n\n> ${QUOTES.b8}\n\n第一条\n`);
    expect(markdown).toContain(`**开篇第2段** · 疑问\n\n> ${QUOTES.b5}\n\n## 一、`);
    expect(markdown).toContain(
      `**二（三）第2段** · 建议\n\n> ${QUOTES.b31}\n\n` +
        '&lt;script>alert(1)&lt;/script> 要&lt;b>追问&lt;/b>进度\n\n标签：城乡、规划\n',
    );
    // Each entry follows its own section's heading.
    const at = (text: string) => markdown.indexOf(text);
    expect(at('### （三）突出全域联动')).toBeLessThan(at('**二（三）第2段**'));
    expect(at('## 附件：名词解释')).toBeLessThan(at('**附件第2段**'));
  });

  it('list orphans under 未能定位 with their quote, note and tags', () => {
    const orphans = markdown.slice(markdown.indexOf('## 未能定位'));
    expect(orphans).toBe(
      '## 未能定位\n\n原文已修改，以下批注找不到对应的文字，原样保留：\n\n' +
        '**未能定位** · 重点\n\n> 这一句在报告里根本不存在的文字\n\n原文已删\n\n标签：旧版\n',
    );
  });

  it('contain no markup from a note', () => {
    expect(markdown).not.toMatch(/<script|<b>|<\/b>/iu);
  });
});

describe('user text in the speaking notes is never live Markdown', () => {
  const NOTE = [
    '要点：[link](javascript:alert(1)) 与 ![图](http://example.com/t.png)',
    '<javascript:alert(2)> 和 \\[已转义\\](javascript:alert(3))',
    '[ref]: javascript:alert(4)',
    '第一，预算；第二，进度（见 C:\\报告）。',
  ].join('\n');
  let notes = '';

  beforeAll(async () => {
    const folder = await makeTempDir('speaking-notes-escape');
    try {
      const handlers: ServiceHandlers = await bundledHandlers(folder, REPORT);
      const colorNames = ok(await handlers.getSettings(undefined)).colorNames;
      ok(
        await handlers.updateSettings({
          colorNames: { ...colorNames, c3: '<img src=x data-pwn>' },
        }),
      );
      ok(
        await handlers.createAnnotation({
          ...rangeOf(QUOTES.b31),
          color: 'c3',
          note: NOTE,
          tags: ['[t](javascript:x)'],
        }),
      );
      notes = ok(await handlers.exportAnnotations({ format: 'md' })).content;
    } finally {
      await removeTempDir(folder);
    }
  });

  it('shows a colour name as text, not as an <img>', () => {
    expect(notes).toContain('**二（三）第2段** · &lt;img src=x data-pwn>\n');
    expect(notes).not.toMatch(/<img/iu);
  });

  it('leaves no link, image or autolink from a note or tag', () => {
    expect(notes).toContain(
      '要点：\\[link\\](javascript:alert(1)) 与 !\\[图\\](http://example.com/t.png)',
    );
    expect(notes).toContain(
      '&lt;javascript:alert(2)> 和 \\\\\\[已转义\\\\\\](javascript:alert(3))',
    );
    expect(notes).toContain('\\[ref\\]: javascript:alert(4)');
    expect(notes).toContain('标签：\\[t\\](javascript:x)');
    // Every bracket in the file is escaped: an odd run of backslashes before it.
    for (const [, slashes] of notes.matchAll(/(\\*)[[\]]/gu)) {
      expect(slashes.length % 2).toBe(1);
    }
  });

  it('keeps the note readable: plain text is unchanged', () => {
    expect(notes).toContain('\n第一，预算；第二，进度（见 C:\\报告）。\n');
  });
});
