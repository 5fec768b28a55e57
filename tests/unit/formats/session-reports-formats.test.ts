/**
 * Reports other than the 政府工作报告 read from a .docx give what their .txt
 * gives, and a 预算报告's Word table (a real `w:tbl`) reads as rows.
 */
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import { docxOf } from '../../support/adversarial-files';
import { BUDGET_REPORT, BUDGET_TABLE_ROWS, DRAFT_REPORT } from '../../support/session-report-texts';
import { makeDocx } from './fixtures';

const asText = (lines: string[]) => new TextEncoder().encode(lines.join('\n\n'));

describe('other reports from a .docx', () => {
  it.each([
    ['预算报告', BUDGET_REPORT],
    ['征求意见稿', DRAFT_REPORT],
  ])('a %s gives the document its .txt gives', async (_label, lines) => {
    const fromText = await parseReportFile(asText(lines), { fileName: 'report.txt' });
    const fromDocx = await parseReportFile(makeDocx(lines), { fileName: 'report.docx' });
    expect(fromDocx.source.format).toBe('docx');
    expect(fromDocx.document).toEqual(fromText.document);
  });

  it("reads a 预算报告's Word table row by row, its figures apart", async () => {
    const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const [caption, unit, ...rows] = BUDGET_TABLE_ROWS.slice(0, -1);
    const table = rows
      .map(
        (row) =>
          `<w:tr>${row
            .split('  ')
            .map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`)
            .join('')}</w:tr>`,
      )
      .join('');
    const body = [
      ...['关于2018年预算执行情况和2019年预算草案的报告', '各位代表：', '二、2019年预算草案'],
      ...[caption, unit],
    ]
      .map(paragraph)
      .join('');
    const after = paragraph(BUDGET_TABLE_ROWS.at(-1)!);
    const parsed = await parseReportFile(docxOf(`${body}<w:tbl>${table}</w:tbl>${after}`), {
      fileName: 'report.docx',
    });
    const texts = parsed.document.blocks.map((block) => block.text);
    expect(texts.slice(texts.indexOf(caption))).toEqual(BUDGET_TABLE_ROWS);
  });
});
