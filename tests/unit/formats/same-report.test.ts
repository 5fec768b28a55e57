/**
 * The bundled report opened from every format gives the same report: the
 * same paragraphs, headings, title block, outline and glossary as the .txt.
 */
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import type { ReportDocument } from '../../../src/shared/document';
import { reportBytes, reportText } from '../report/helpers';
import {
  encodeGb18030,
  encodeUtf16,
  makeDocx,
  makePrintedPdf,
  makeSavedPage,
  makeTablePage,
  reportLines,
} from './fixtures';

const expected = parseReportBytes(reportBytes());

/** Everything but emphasis, which only formats with bold carry. */
const withoutEmphasis = (document: ReportDocument) => ({
  title: document.title,
  occasion: document.occasion,
  date: document.date,
  speaker: document.speaker,
  version: document.version,
  blocks: document.blocks.map(({ emphasis: _emphasis, ...block }) => block),
  outline: document.outline,
  glossary: document.glossary,
});

describe('the bundled report from every format', () => {
  const text = reportText();

  it.each([
    ['GB18030', () => encodeGb18030(text), 'gb18030'],
    ['UTF-16 LE with BOM', () => encodeUtf16(text, 'le'), 'utf-16le'],
    ['UTF-16 BE with BOM', () => encodeUtf16(text, 'be'), 'utf-16be'],
    ['UTF-16 LE without BOM', () => encodeUtf16(text, 'le', false), 'utf-16le'],
    [
      'UTF-8 with BOM and CRLF',
      () => new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, '\r\n')}`),
      'utf-8',
    ],
  ])('%s text gives the same document', async (_label, make, encoding) => {
    const parsed = await parseReportFile(make(), { fileName: 'report.txt' });
    expect(parsed.source).toMatchObject({ format: 'text', encoding });
    expect(parsed.document).toEqual(expected);
  });

  it('a GB18030 file really is not UTF-8', () => {
    const bytes = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('a generated .docx gives the same document, bold included', async () => {
    const parsed = await parseReportFile(makeDocx(), { fileName: 'report.docx' });
    expect(parsed.source.format).toBe('docx');
    expect(parsed.document).toEqual(expected);
  });

  it('a .docx whose title is set in bold (as WPS users set it) gives the same title block', async () => {
    const [title, ...rest] = reportLines();
    const parsed = await parseReportFile(makeDocx([`**${title}**`, ...rest]), {
      fileName: 'report.docx',
    });
    expect(parsed.document).toEqual(expected);
  });

  it('a saved web page gives the same document, without its menus, footer or scripts', async () => {
    const page = new TextEncoder().encode(makeSavedPage());
    const parsed = await parseReportFile(page, { fileName: 'report.html' });
    expect(parsed.source.format).toBe('html');
    expect(parsed.document).toEqual(expected);
    const all = parsed.document.blocks.map((block) => block.text).join('\n');
    for (const furniture of [
      '首页',
      '当前位置',
      '相关链接',
      '主办',
      '脚本里的文字',
      '样式里的文字',
      '写出来的段落',
      '发布日期',
      '请打开脚本',
    ]) {
      expect(all).not.toContain(furniture);
    }
  });

  it('a saved web page in gb2312 (as government sites serve them) gives the same document', async () => {
    const page = encodeGb18030(makeSavedPage(undefined, 'gb2312'));
    const parsed = await parseReportFile(page, { fileName: 'report.htm' });
    expect(parsed.source).toMatchObject({ format: 'html', encoding: 'gbk' });
    expect(parsed.document).toEqual(expected);
  });

  it('a page saved from a site laid out in tables gives the same document: bold title cell kept, 责任编辑 and 打印本页 dropped', async () => {
    const page = encodeGb18030(makeTablePage());
    const parsed = await parseReportFile(page, { fileName: '政府工作报告.htm' });
    expect(parsed.source).toMatchObject({ format: 'html', encoding: 'gbk' });
    expect(parsed.document).toEqual(expected);
  });

  it('a PDF printed by Chromium gives the same paragraphs, outline and glossary', async () => {
    const pdf = await makePrintedPdf();
    const progress: number[] = [];
    const parsed = await parseReportFile(pdf, {
      fileName: 'report.pdf',
      onProgress: ({ stage, done }) => stage === 'extract' && progress.push(done),
    });
    expect(parsed.source.format).toBe('pdf');
    expect(parsed.source.pages).toBeGreaterThan(10);
    expect(progress).toEqual(Array.from({ length: parsed.source.pages! }, (_, i) => i + 1));
    // A PDF's text layer does not say which text is bold.
    expect(withoutEmphasis(parsed.document)).toEqual(withoutEmphasis(expected));
  }, 60_000);
});
