import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import type { ReportDocument } from '../../../src/shared/document';
import { ReportDocumentSchema } from '../../../src/shared/document-schema';
import {
  escapeHtml,
  PART_BLOCKS,
  partsOf,
  renderReportHtml,
} from '../../../src/core/report/report-html';
import { FIRST_PARAGRAPH_TIMING } from '../../../src/renderer/instrumentation';

const report = parseReportBytes(
  readFileSync(
    new URL('../../../resources/haishu-2018-government-work-report.txt', import.meta.url),
  ),
);

/** The text a browser would show: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderReportHtml', () => {
  const html = renderReportHtml(report);
  /** The HTML without the wrappers of half-width marks and of terms' lines (tested on their own below). */
  const plain = html
    .replace(/<span class="pq">(.)<\/span>/gu, '$1')
    .replace(/<span class="term-line">([^<]*)<\/span>/gu, '$1');

  it('renders every block once, in order, with its id and text', () => {
    const ids = [...html.matchAll(/ id="(b\d+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(report.blocks.map((block) => block.id));
    expect(visibleText(html).replace(/\s+/g, '')).toBe(
      report.blocks
        .map((block) => block.text)
        .join('')
        .replace(/\s+/g, ''),
    );
  });

  it('marks the title, run-in heads and emphasis', () => {
    expect(html).toContain(
      '<h1 id="b1" data-block="b1" tabindex="-1" class="report-title">政府工作报告</h1>',
    );
    expect(plain).toMatch(/<span class="run-in">（一）融合发展平稳推进。<\/span>行政区划调整/);
    expect(plain).toMatch(/<span class="run-in">强化平台建设。<\/span>/);
    expect(plain).toMatch(/<strong class="emphasis">高举习近平[^<]*贡献。<\/strong>/);
    expect(html).toMatch(
      /<h2 id="b\d+" data-block="b\d+" tabindex="-1" class="section-heading">附件：名词解释<\/h2>/,
    );
  });

  it('marks each glossary occurrence as a focusable button named by the term, in place', () => {
    const terms = [
      ...plain.matchAll(
        /<span class="term" role="button" tabindex="0" aria-haspopup="dialog" data-glossary="(g\d+)" data-occurrence="(\d+)">(.*?)<\/span>/g,
      ),
    ].map((match) => [match[1], Number(match[2]), visibleText(match[3])]);
    expect(terms).toEqual([
      ['g1', 0, '“365”产业投资导向'],
      ['g2', 0, '三品'],
      ['g3', 0, '“凤凰行动”计划'],
      ['g4', 0, '隐形冠军'],
      ['g4', 1, '单打冠军'],
      ['g5', 0, '创新券'],
      ['g6', 0, '城市双修'],
      ['g7', 0, '三区块六项目'],
      ['g8', 0, '生活垃圾分类“五大专项行动”'],
      ['g9', 0, '“六医”统筹'],
      ['g10', 0, '两强三提高'],
    ]);
    // The appendix defines the terms; it does not link to itself.
    const appendix = html.slice(html.indexOf('附件：名词解释'));
    expect(appendix).not.toContain('class="term"');
    // No number is cut up: 13656人 stays one piece of text.
    expect(html).toContain('13656人');
  });

  it('draws a term’s dotted line from after the opening quote it starts with', () => {
    expect(html).toMatch(
      /data-glossary="g1" data-occurrence="0">“<span class="term-line">365<span class="pq">”<\/span>产业投资导向<\/span><\/span>/u,
    );
    // Terms that start with a character need no inner line.
    expect(html).toMatch(/data-glossary="g2" data-occurrence="0">三品<\/span>/u);
  });

  it('draws half-width the brackets and quotes beside a character, and no other mark', () => {
    const squeezed = [...html.matchAll(/<span class="pq">(.)<\/span>/gu)].map((match) => match[1]);
    expect(squeezed.length).toBeGreaterThan(150);
    expect(new Set(squeezed)).toEqual(new Set(['“', '”', '（', '）']));
    expect(html).toContain('实施<span class="pq">“</span>十三五<span class="pq">”</span>规划');
    // Next to another mark, text-spacing-trim does it: ，“ is not wrapped.
    expect(html).not.toMatch(/，<span class="pq">/u);
    expect(visibleText(html)).toBe(visibleText(plain));
  });

  it('a term that crosses a run-in head is one button around both parts', () => {
    const doc: ReportDocument = {
      ...report,
      blocks: [{ id: 'b1', kind: 'paragraph', text: '做强三品。三品工程', lead: 5 }],
      glossary: [
        {
          id: 'g1',
          terms: ['三品。三品'],
          definition: '…',
          block: 'b9',
          occurrences: [{ block: 'b1', start: 2, end: 7, term: '三品。三品' }],
        },
      ],
    };
    expect(renderReportHtml(doc)).toContain(
      '<span class="run-in">做强</span><span class="term" role="button" tabindex="0" aria-haspopup="dialog" data-glossary="g1" data-occurrence="0"><span class="run-in">三品。</span>三品</span>工程',
    );
  });

  it('times only the first body paragraph, by the name it is given', () => {
    const named = renderReportHtml(report, { firstParagraphTiming: FIRST_PARAGRAPH_TIMING });
    const timed = [...named.matchAll(/<p id="(b\d+)"[^>]*elementtiming="([^"]*)"/g)];
    expect(timed.map((match) => [match[1], match[2]])).toEqual([
      [report.blocks.find((block) => block.kind === 'paragraph')!.id, FIRST_PARAGRAPH_TIMING],
    ]);
    expect(html).not.toContain('elementtiming');
  });

  it('escapes text, so a report can never inject markup', () => {
    const hostile: ReportDocument = {
      ...report,
      title: '"><script>x</script>',
      blocks: [
        { id: 'b1', kind: 'meta', role: 'title', text: '<img src=x onerror=alert(1)>' },
        { id: 'b2', kind: 'paragraph', text: 'a & b <b>c</b> "d" \'e\'', lead: 3 },
      ],
    };
    const out = renderReportHtml(hostile);
    expect(out).not.toMatch(/<script|<img|<b>/);
    expect(out).toContain('aria-label="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(visibleText(out)).toContain('a & b <b>c</b> "d" \'e\'');
  });

  it('a document read back from the data folder can put no markup in an attribute', () => {
    // document.json of a report in the library: a hand-edited or damaged file.
    const entry = '"><img src=x>';
    const tampered: ReportDocument = {
      ...report,
      blocks: [{ id: 'b1', kind: 'paragraph', text: '月湖公园' }],
      glossary: [
        {
          id: entry,
          terms: ['月湖'],
          definition: '一个湖',
          block: 'b1',
          occurrences: [{ block: 'b1', start: 0, end: 2, term: '月湖' }],
        },
      ],
    };
    expect(ReportDocumentSchema.safeParse(tampered).success).toBe(false);
    const out = renderReportHtml(tampered);
    expect(out).not.toMatch(/<img/);
    expect(out).toContain('data-glossary="&quot;&gt;&lt;img src=x&gt;"');
  });

  it('escapeHtml handles all five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('partsOf', () => {
  const kinds = (pattern: string) =>
    [...pattern].map(
      (c) => ({ kind: c === 'h' ? 'heading' : c === 'g' ? 'glossary' : 'paragraph' }) as const,
    );

  it('cuts the body into parts of PART_BLOCKS, every block in one part, in order', () => {
    const blocks = kinds('p'.repeat(PART_BLOCKS * 2 + 5));
    const parts = partsOf(blocks);
    expect(parts.map((part) => part.length)).toEqual([PART_BLOCKS, PART_BLOCKS, 5]);
    expect(parts.flat()).toEqual(blocks);
  });

  it('starts a part only at a block with no top margin: a heading stays with the part before it', () => {
    const blocks = kinds(`${'p'.repeat(PART_BLOCKS)}hhpg`);
    const parts = partsOf(blocks);
    expect(parts.map((part) => part.length)).toEqual([PART_BLOCKS + 2, 2]);
    expect(parts[1][0].kind).toBe('paragraph');
    expect(partsOf(kinds(`${'g'.repeat(PART_BLOCKS)}g`)).map((part) => part.length)).toEqual([
      PART_BLOCKS,
      1,
    ]);
  });

  it('wraps the rendered body in its parts, the title block outside them', () => {
    const blocks = Array.from({ length: 3 }, () => report.blocks)
      .flat()
      .map((block, i) => ({ ...block, id: `b${i}` }));
    const html = renderReportHtml({ ...report, blocks });
    const header = html.slice(0, html.indexOf('</header>'));
    const body = blocks.filter((block) => !header.includes(` id="${block.id}"`));
    const firsts = [...html.matchAll(/<div class="report-part">\n<\w+ id="(b\d+)"/g)];
    expect(firsts.map((match) => match[1])).toEqual(partsOf(body).map((part) => part[0].id));
    expect(firsts.length).toBeGreaterThan(1);
    expect(html.match(/<\/div>/g)).toHaveLength(firsts.length);
  });
});
