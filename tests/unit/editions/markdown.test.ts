/**
 * The change list exported as Markdown, and the escaping that keeps a
 * reader's note or a hostile file's text from turning into markup or a link,
 * checked by rendering with a real (permissive) Markdown renderer.
 */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { changesMarkdown } from '../../../src/core/editions/changes-markdown';
import { diffEditions } from '../../../src/core/editions/diff-editions';
import { markdownQuote, markdownText } from '../../../src/core/editions/markdown-text';
import { reviewChanges } from '../../../src/core/editions/touched';
import { annotationOn, BOOKMARKS, DELETED_PARAGRAPH, INSERTED, NEW, NOTES, OLD } from './fixtures';

const render = (markdown: string) => marked.parse(markdown, { async: false });

/** The text a reader sees in the rendered HTML: tags dropped, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

const HOSTILE = [
  '[点我](javascript:alert(1))',
  '![图](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">链接</a>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[ref]: javascript:alert(1)',
  '[ref]',
  '**粗体** _斜体_ `代码` ~~删除~~',
  '# 标题',
  '- 列表',
  '1. 列表',
  '> 引用',
  '| 表 | 格 |',
  '---',
  '&lt;已转义&gt; &amp;',
  'JAVASCRIPT:alert(1)',
  '\\[反斜杠\\]',
];

describe('markdownText', () => {
  it.each(HOSTILE)('%s renders as the same plain text, with no markup', (text) => {
    const html = render(markdownText(text));
    expect(html).not.toMatch(/<(?!\/?p>)/);
    expect(visible(html)).toBe(text);
  });

  it('leaves ordinary report text readable', () => {
    expect(markdownText('地区生产总值1164.48亿元，同比增长6.3%')).toBe(
      '地区生产总值1164.48亿元，同比增长6.3%',
    );
  });

  it('quotes every line of a multi-line note', () => {
    const quote = markdownQuote('第一行\n[x](javascript:alert(1))\n\n# 第三行');
    const html = render(quote);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<h1');
    expect(html.startsWith('<blockquote>')).toBe(true);
  });
});

describe('changesMarkdown', () => {
  const diff = diffEditions(OLD, NEW);
  const hostile = {
    ...annotationOn('a-hostile', '表示衷心的感谢'),
    note: '见 [材料](javascript:alert(1))\n<script>alert(1)</script>',
    tags: ['<b>要点</b>'],
  };
  const review = reviewChanges(diff, OLD, NEW, {
    annotations: [NOTES.figure, NOTES.moved, hostile],
    bookmarks: [BOOKMARKS.paragraph],
  });
  const markdown = changesMarkdown(review, OLD, NEW, { now: new Date(Date.UTC(2026, 0, 2)) });
  const html = render(markdown);

  it('lists the changes touching notes first, with their quotes, notes and where they are now', () => {
    const touched = markdown.indexOf('## 涉及我的批注和书签');
    const others = markdown.indexOf('## 其他修改');
    expect(touched).toBeGreaterThan(0);
    expect(others).toBeGreaterThan(touched);
    const head = markdown.slice(touched, others);
    expect(head).toContain('### 1. 改动 · 一（一）第1段');
    expect(head).toContain('数字变化：地区生产总值 1164.48亿元 → 1164.50亿元');
    expect(head).toContain('> 地区生产总值1164.48亿元\n\n核对统计公报');
    expect(head).toContain('现在位于 一（一）第1段，近似定位');
    expect(head).toContain('### 2. 删除段落 · 原一（六）第2段');
    expect(head).toContain(`> ${DELETED_PARAGRAPH}`);
    expect(head).toContain('**书签** · 致谢 · 已无法定位');
    expect(head).toContain('段落移动 · 由原三第1段移至三（四）第3段');
    expect(head).toContain('原文仍在');
    const rest = markdown.slice(others);
    expect(rest).toContain(`新增：\n\n> ${INSERTED}`);
    expect(rest).toContain('原文：\n\n> 挂牌出让\n\n改为：\n\n> 招标拍卖');
    expect(markdown).toContain(
      '共 6 处修改（改动 3、新增段落 1、删除段落 1、段落移动 1），其中 3 处涉及',
    );
  });

  it('no note or tag becomes a link, a script or any other markup', () => {
    expect(html).not.toMatch(/<a\b|<script|<img|<b>/);
    expect(visible(html)).toContain('见 [材料](javascript:alert(1))');
    expect(visible(html)).toContain('<script>alert(1)</script>');
    expect(visible(html)).toContain('标签：<b>要点</b>');
  });

  it('two editions with the same words say so', () => {
    const same = changesMarkdown(
      reviewChanges(diffEditions(OLD, OLD), OLD, OLD, { annotations: [], bookmarks: [] }),
      OLD,
      OLD,
    );
    expect(same).toContain('两版文字相同（版式差异不计）');
    expect(same).not.toContain('###');
  });
});
