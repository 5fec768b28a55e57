import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import type { ReportDocument } from '../../../src/shared/document';
import { escapeHtml, renderReportHtml } from '../../../src/shared/report-html';

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
    expect(html).toMatch(/<span class="run-in">（一）融合发展平稳推进。<\/span>行政区划调整/);
    expect(html).toMatch(/<span class="run-in">强化平台建设。<\/span>/);
    expect(html).toMatch(/<strong class="emphasis">高举习近平[^<]*贡献。<\/strong>/);
    expect(html).toMatch(
      /<h2 id="b\d+" data-block="b\d+" tabindex="-1" class="section-heading">附件：名词解释<\/h2>/,
    );
  });

  it('times only the first body paragraph', () => {
    const timed = [...html.matchAll(/<p id="(b\d+)"[^>]*elementtiming="first-paragraph"/g)];
    expect(timed.map((match) => match[1])).toEqual([
      report.blocks.find((block) => block.kind === 'paragraph')!.id,
    ]);
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

  it('escapeHtml handles all five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
