/** A saved page's article as report text. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/core/formats/html-text';
import { sniffFormat } from '../../../src/core/formats/sniff';

const paragraphs = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>第${i + 1}段：全区经济社会发展取得新成效，人民生活持续改善。</p>`,
  ).join('');

describe('htmlToText', () => {
  it('picks the element holding the prose, even without telling class names', () => {
    const html = `<body><div><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">政务公开</a></div>
      <div><div>${paragraphs(5)}</div></div>
      <div><p>Copyright 某区人民政府</p></div></body>`;
    const text = htmlToText(html);
    expect(text.split('\n\n')).toHaveLength(5);
    expect(text).not.toContain('首页');
    expect(text).not.toContain('Copyright');
  });

  it('drops scripts, styles, hidden and aria-hidden elements inside the article', () => {
    const html = `<article>${paragraphs(3)}<script>var a = "脚本";</script><style>p{}</style>
      <p hidden>隐藏的段落</p><p style="display: none">不显示的段落</p><div aria-hidden="true">读屏不读</div></article>`;
    const text = htmlToText(html);
    for (const hidden of ['脚本', '隐藏', '不显示', '读屏']) expect(text).not.toContain(hidden);
  });

  it('marks bold as ** and merges adjacent bold runs into one', () => {
    const text = htmlToText('<p>总体要求是：<b>高举</b><strong>旗帜</strong>，<b>奋斗</b>。</p>', {
      article: false,
    });
    expect(text).toBe('总体要求是：**高举旗帜**，**奋斗**。');
  });

  it('breaks lines at <br> and blocks, collapses whitespace, decodes entities', () => {
    const text = htmlToText(
      '<div>各位代表：<br>现在，  我代表\n区政府&nbsp;报告&amp;工作。</div>',
      {
        article: false,
      },
    );
    expect(text).toBe('各位代表：\n\n现在， 我代表 区政府\u00a0报告&工作。');
  });

  it('reads table rows as lines with their cells separated', () => {
    const text = htmlToText(
      '<table><tr><td>指标</td><td>增长</td></tr><tr><td>生产总值</td><td>7%</td></tr></table>',
      {
        article: false,
      },
    );
    expect(text).toBe('指标  增长\n\n生产总值  7%');
  });
});

describe('htmlToText on a page laid out in tables', () => {
  const page = `<html><head><title>政府工作报告_某区人民政府</title></head><body>
    <div class="position"><a href="/">首页</a> &gt; <a href="/c">政府工作报告</a></div>
    <table><tr><td><table>
      <tr><td class="title"><b>政 府 工 作 报 告</b></td></tr>
      <tr><td>发布日期：2019-01-20 浏览次数：88</td></tr>
      <tr><td><div id="zoom">${paragraphs(4)}</div></td></tr>
      <tr><td>（责任编辑：某某）</td></tr>
    </table></td></tr></table></body></html>`;

  it('takes the cell holding the paragraphs, not the layout table around the whole page', () => {
    const lines = htmlToText(page).split('\n\n');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1)).toEqual(paragraphs(4).match(/第[^<]+/g));
  });

  it('puts the title the page declares first, from its cell above the text, never from a link', () => {
    expect(htmlToText(page).split('\n\n')[0]).toBe('**政 府 工 作 报 告**');
  });
});

describe('sniffFormat', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('goes by content before the extension', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n…'), 'report.txt')).toBe('pdf');
    expect(sniffFormat(bytes('<!DOCTYPE html><html><body>报告</body></html>'), 'report.txt')).toBe(
      'html',
    );
    expect(sniffFormat(bytes('政府工作报告\n各位代表：'), 'report.html')).toBe('text');
    expect(sniffFormat(bytes('<p>政府工作报告</p>'), 'report.htm')).toBe('html');
    expect(sniffFormat(bytes('政府工作报告'), 'noext')).toBe('text');
  });

  it('refuses what a report never comes as', () => {
    expect(() => sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'scan.jpg')).toThrow(
      '不支持',
    );
    expect(() => sniffFormat(bytes('not a pdf'), 'report.pdf')).toThrow('PDF');
  });
});
