/**
 * The bundled report in every format a delegate receives, made from its text
 * in the test setup (never by hand): GB18030 and UTF-16 bytes, a .docx written
 * with fflate's zip writer, a saved web page with navigation, footer and
 * scripts around the article, and a PDF printed by Chromium with a running
 * header and `— N —` page numbers. The PDF takes a couple of seconds, so it is
 * cached in .cache/ (gitignored), keyed by the text and this file's recipe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/browser-path';
import { reportText } from '../report/helpers';

const CACHE = new URL('../../../.cache/fixtures/', import.meta.url);

/** The report's non-blank lines, as the bundled file has them. */
export function reportLines(text = reportText()): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

let gbTable: Map<string, number[]> | undefined;

/** GB18030 encoding built by inverting the platform's decoder over all two-byte codes. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\uFFFD' && !gbTable.has(char)) {
          gbTable.set(char, [lead, trail]);
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbTable.get(char);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** UTF-16 with its byte-order mark, little- or big-endian. */
export function encodeUtf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === 'le' ? low : high;
    bytes[2 * i + 1] = order === 'le' ? high : low;
  }
  return bytes;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `a**b**c` → runs, the middle one bold. */
function runs(line: string): { text: string; bold: boolean }[] {
  return line
    .split('**')
    .map((text, i) => ({ text, bold: i % 2 === 1 }))
    .filter((run) => run.text !== '');
}

/** A minimal, valid .docx: one Word paragraph per line of the report, bold runs kept. */
export function makeDocx(lines = reportLines()): Uint8Array {
  const paragraphs = lines.map((line, index) => {
    const centred = index < 4 ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : '';
    const body = runs(line)
      .map(
        (run) =>
          `<w:r>${run.bold ? '<w:rPr><w:b/></w:rPr>' : ''}` +
          `<w:t xml:space="preserve">${escapeXml(run.text)}</w:t></w:r>`,
      )
      .join('');
    return `<w:p>${centred}${body}</w:p>`;
  });
  const files = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${paragraphs.join('')}</w:body></w:document>`,
  };
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])),
  );
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const inlineHtml = (line: string): string =>
  escapeHtml(line).replace(/\*\*([\s\S]*?)\*\*/g, '<strong>$1</strong>');

/**
 * A page as a browser saves it from a government site: charset in a meta tag,
 * a header with the site's menu, breadcrumbs, the title in an `<h1>` above the
 * article, a sidebar of links, a footer, scripts and styles with Chinese text.
 */
export function makeSavedPage(lines = reportLines(), charset = 'utf-8'): string {
  const [title, ...rest] = lines;
  const link = (text: string) => `<li><a href="/x">${text}</a></li>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${charset}"><title>${escapeHtml(title)}_海曙区人民政府</title>
<style>.nav{color:red} body::before{content:"样式里的文字"}</style>
<script>var notice = "脚本里的文字，不是报告。"; document.write("<p>写出来的段落</p>");</script>
</head><body>
<div class="top-header"><div class="logo">宁波市海曙区人民政府</div>
<ul class="main-nav">${['首页', '政务公开', '政务服务', '互动交流', '走进海曙'].map(link).join('')}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 政府工作报告</div>
<div class="container">
<div class="title-bar"><h1>${escapeHtml(title)}</h1><span class="info">发布日期：2018-02-11 来源：区政府办</span></div>
<div id="zoom" class="article-content">
${rest.map((line) => `<p style="text-indent:2em">${inlineHtml(line)}</p>`).join('\n')}
</div>
<div class="sidebar"><h3>相关链接</h3><ul>${['2017年政府工作报告', '2016年政府工作报告', '区政府常务会议'].map(link).join('')}</ul></div>
</div>
<footer class="site-footer"><p>主办：宁波市海曙区人民政府办公室\u3000浙ICP备12345678号</p><p>网站标识码：3302030001</p></footer>
<script src="/js/stat.js"></script><noscript>请打开脚本</noscript>
</body></html>`;
}

/**
 * A page saved from a site laid out in tables, as many district sites still
 * are (gb2312, the CMS's `ArticleTitle` meta): the title in bold in a cell of
 * its own above the cell holding the text, a row of 发布日期 and 【字体】
 * links, and after the text 责任编辑, 【打印本页】【关闭窗口】, 分享到 and
 * 相关文章, all inside the one layout table that holds the page.
 */
export function makeTablePage(lines = reportLines(), charset = 'gb2312'): string {
  const [title, ...rest] = lines;
  const cell = (html: string, attributes = '') => `<tr><td${attributes}>${html}</td></tr>`;
  const links = (texts: string[]) => texts.map((text) => `<a href="#">${text}</a>`).join(' ');
  const body = rest
    .map((line, index) =>
      index < 3
        ? `<p align="center">${escapeHtml(line)}</p>`
        : `<p style="text-indent:2em;">${inlineHtml(line)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0055)http://www.nbhs.gov.cn/art/2018/2/11/art_1229_12345.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>海曙区人民政府 ${escapeHtml(title.replace(/\s+/g, ''))}</title>
<meta name="ArticleTitle" content="${escapeHtml(title.replace(/\s+/g, ''))}"><meta name="PubDate" content="2018-02-11 09:30">
<script>function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}</script>
</head><body>
<div id="top"><div class="wzdh">${links(['无障碍浏览', '长者模式'])}</div><div class="logo">宁波市海曙区人民政府</div></div>
<ul class="nav">${['首页', '政务公开', '政务服务'].map((text) => `<li><a href="#">${text}</a></li>`).join('')}</ul>
<div class="position">您当前的位置：${links(['首页', '政务公开', escapeHtml(title.replace(/\s+/g, ''))])}</div>
<table width="1000" align="center" class="main"><tr><td><table width="100%">
${cell(`<strong style="font-size:22px">${escapeHtml(title)}</strong>`, ' class="title" align="center"')}
${cell(`发布日期：2018-02-11&nbsp;&nbsp;信息来源：区政府办公室&nbsp;&nbsp;浏览次数：<span>2371</span>&nbsp;&nbsp;【字体：${links(['大', '中', '小'])}】`, ' align="center"')}
${cell(`<div id="zoom" class="bt_content">\n${body}\n</div>`)}
${cell('（责任编辑：王某某）', ' align="right"')}
${cell(links(['【打印本页】', '【关闭窗口】', '【返回顶部】']), ' align="right"')}
${cell(`分享到：${links(['微信', '微博'])}`)}
${cell(`<b>相关文章</b><ul><li><a href="#">2017年海曙区政府工作报告</a></li></ul>`, ' class="related"')}
</table></td></tr></table>
<div id="footer"><p>主办单位：宁波市海曙区人民政府办公室</p><p>网站标识码：3302030001 浙ICP备05003526号</p></div>
</body></html>`;
}

/** The page Chromium prints: centred title block, indented paragraphs, bold kept. */
function printableHtml(lines: string[]): string {
  const body = lines
    .map((line, index) =>
      index < 4 ? `<p class="centre">${escapeHtml(line)}</p>` : `<p>${inlineHtml(line)}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; margin: 0 }
p { margin: 0; text-indent: 2em } .centre { text-align: center; text-indent: 0 }
</style></head><body>${body}</body></html>`;
}

const RECIPE = 'pdf-v1';

/** The report printed to PDF by Chromium: A4, a running header, `— N —` page numbers. */
export async function makePrintedPdf(lines = reportLines()): Promise<Uint8Array> {
  const html = printableHtml(lines);
  const key = createHash('sha256').update(RECIPE).update(html).digest('hex').slice(0, 16);
  const cached = new URL(`report-${key}.pdf`, CACHE);
  if (existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({
      format: 'A4',
      displayHeaderFooter: true,
      headerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center">海曙区2018年政府工作报告</div>',
      footerTemplate:
        '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
    });
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cached, pdf);
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
