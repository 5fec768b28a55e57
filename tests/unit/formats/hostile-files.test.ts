/**
 * Files an adversary crafts, opened as the app opens them. A saved page full
 * of active content: nothing runs, nothing is fetched (a server on loopback
 * counts every request the page's URLs could make), and no script text
 * reaches the report. A .docx as a zip bomb of every kind, with external
 * targets and XML entities: bounded, one sentence. And the shapes made
 * against the parser's speed (tests/support/adversarial-files.ts): each ends
 * in a report or a refusal, and the ones the parser reads (text, and each
 * .docx through its reader) grow its work linearly (counted, not timed:
 * work-counter.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToHtml } from '../../../src/core/formats/docx-html';
import { boundedDocxParts } from '../../../src/core/formats/docx-zip';
import { ERROR_MESSAGES, ReportFormatError } from '../../../src/core/formats/errors';
import { htmlToText } from '../../../src/core/formats/html-text';
import { LIMITS } from '../../../src/core/formats/limits';
import { parseReport } from '../../../src/core/report/parse-report';
import { renderReportHtml } from '../../../src/core/report/report-html';
import { parseReportFile } from '../../../src/services/report-file/parse-file';
import { docxOf, HOSTILE_SHAPES, pdfOfPages } from '../../support/adversarial-files';
import { useTempFolder } from '../../support/temp-folder';
import { countWork } from '../report/work-counter';

const tempFolder = useTempFolder('reader-hostile-');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Opens the file; answers the report's whole text, or the refusal's code. */
async function open(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ text?: string; code?: string }> {
  try {
    const { document } = await parseReportFile(bytes, { fileName });
    return { text: [document.title, ...document.blocks.map((block) => block.text)].join('\n') };
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFormatError);
    const { code, message } = error as ReportFormatError;
    expect(code).not.toBe('unreadable');
    expect(message).toBe(ERROR_MESSAGES[code]);
    return { code };
  }
}

const ARTICLE = Array.from(
  { length: 6 },
  (_, i) => `<p>第${i + 1}段：全区经济社会发展取得新成效，人民生活持续改善。</p>`,
).join('\n');

describe('a saved page with active content', () => {
  let server: Server;
  let requests: string[];
  let origin = '';

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('body{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Every way a page can run code or load something, each marked 脚本N so its text can be looked for. */
  const hostilePage = () => `<!doctype html><html><head><meta charset="utf-8">
<base href="${origin}/base/">
<title>政府工作报告</title>
<meta http-equiv="refresh" content="0;url=${origin}/refresh">
<link rel="stylesheet" href="${origin}/link.css"><link rel="preload" href="${origin}/preload.js" as="script">
<style>@import url("${origin}/import.css"); body { background: url(${origin}/bg.png) } p::before { content: "脚本1" }</style>
<script>globalThis.__ran = "脚本2"; fetch("${origin}/fetch");</script>
<script src="${origin}/src.js"></script>
<script type="module">import "${origin}/module.js"; globalThis.__ran = "脚本3";</script>
</head><body onload="globalThis.__ran = '脚本4'">
<div id="zoom" class="article-content">
<h1 onclick="globalThis.__ran = '脚本5'">政府工作报告</h1>
${ARTICLE}
<p>正文里的<a href="javascript:globalThis.__ran='脚本6'">链接文字</a>和<img src="${origin}/img.png" onerror="globalThis.__ran='脚本7'" alt="脚本8">图片。</p>
<iframe src="${origin}/frame.html" srcdoc="<script>globalThis.__ran='脚本9'</script>">脚本10</iframe>
<svg><script>globalThis.__ran = '脚本11'</script><text>脚本12</text><image href="${origin}/svg.png"/></svg>
<object data="${origin}/object.swf">脚本13</object><embed src="${origin}/embed.swf">
<math><mtext>脚本14</mtext></math>
<template><p>脚本15</p></template>
<noscript><p>脚本16</p></noscript>
<form action="${origin}/form"><input value="脚本17"><button formaction="javascript:void 0">脚本18</button></form>
<p>字面上的 &lt;script&gt;alert("字面")&lt;/script&gt; 只是文字。</p>
<!-- <script>globalThis.__ran = '脚本19'</script> -->
<video src="${origin}/v.mp4" poster="${origin}/poster.png">脚本20</video>
<p style="background:url(${origin}/inline.png)">样式属性里的地址不会被请求。</p>
</div>
<script>document.write("<p>脚本21</p>")</script>
</body></html>`;

  it('runs nothing, fetches nothing, and keeps no script text', async () => {
    delete (globalThis as { __ran?: unknown }).__ran;
    const { text, code } = await open(utf8(hostilePage()), 'report.html');
    expect(code).toBeUndefined();
    for (let i = 1; i <= 6; i++) expect(text).toContain(`第${i}段`);
    expect(text).toContain('正文里的链接文字和图片。');
    expect(text).not.toMatch(/脚本\d/u);
    expect(text).not.toMatch(/globalThis|fetch\(|import\.css|javascript:/u);
    expect((globalThis as { __ran?: unknown }).__ran).toBeUndefined();
    // Give anything that might have been started a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
  });

  it('shows script written as text as text: escaped when the report is drawn', () => {
    const text = htmlToText(hostilePage());
    expect(text).toContain('<script>alert("字面")</script>');
    const html = renderReportHtml(parseReport(text));
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<(?:script|iframe|object|embed|base|link|meta|style)\b/iu);
    expect(html).not.toMatch(/\son\w+=|javascript:/iu);
  });

  it('refuses a page nested deeper than the limit, whatever the tags, and reads one just under it', async () => {
    const nested = (depth: number, open: string, close: string) =>
      utf8(
        `<!doctype html><html><body>${open.repeat(depth)}全区经济社会发展取得新成效。${close.repeat(depth)}</body></html>`,
      );
    // html and body are two of the open elements.
    const under = LIMITS.htmlDepth - 2;
    expect((await open(nested(under, '<div>', '</div>'), 'a.html')).text).toContain('新成效');
    for (const [tag, close] of [
      ['<div>', '</div>'],
      ['<b>', ''],
      ['<span><p>', ''],
      ['<table><tr><td>', ''],
    ]) {
      expect((await open(nested(LIMITS.htmlDepth, tag, close), 'a.html')).code).toBe(
        'html-too-deep',
      );
    }
  });

  it('reads 100k bold runs in one paragraph as one bold run', () => {
    const text = htmlToText(`<p>${'<b>字</b>'.repeat(100_000)}</p>`, { article: false });
    expect(text).toBe(`**${'字'.repeat(100_000)}**`);
  });
});

/** A zip of these parts, deflated unless stored. */
function zipOf(parts: Record<string, string | Uint8Array>, level: 0 | 9 = 9): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    entries[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  }
  return zipSync(entries);
}

const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const REPORT_BODY = [
  '政府工作报告',
  '各位代表：',
  '现在，我代表区人民政府向大会报告工作，请予审议。',
]
  .map(para)
  .join('');

describe('a hostile .docx', () => {
  it('inflates no more than its limit, however the bomb is built', async () => {
    const spaces = (mb: number) => new Uint8Array(mb * 1024 * 1024).fill(0x20);
    const bombs: [string, Uint8Array][] = [
      [
        'many XML parts, each under the limit',
        zipOf(
          Object.fromEntries(
            Array.from({ length: 9 }, (_, i) => [`word/part${i}.xml`, spaces(8)]).concat([
              [
                'word/document.xml',
                strToU8(`<w:document><w:body>${REPORT_BODY}</w:body></w:document>`),
              ],
            ]),
          ),
        ),
      ],
      [
        'a document.xml over the limit',
        zipOf({ 'word/document.xml': spaces(LIMITS.docxXmlBytes / 1024 / 1024 + 1) }),
      ],
      [
        'a stored (uncompressed) part over the limit',
        zipOf({ 'word/document.xml': spaces(LIMITS.docxXmlBytes / 1024 / 1024 + 1) }, 0),
      ],
      [
        'more entries than a .docx has',
        zipOf(
          Object.fromEntries(
            Array.from({ length: LIMITS.docxEntries + 1 }, (_, i) => [
              i === 0 ? 'word/document.xml' : `x/${i}.bin`,
              '',
            ]),
          ),
        ),
      ],
    ];
    for (const [label, bytes] of bombs) {
      expect((await open(bytes, 'bomb.docx')).code, label).toBe('docx-too-large');
    }
  }, 180_000);

  it('never opens a zip inside it: a nested bomb among the pictures is left unread', async () => {
    const inner = zipOf({ 'huge.xml': new Uint8Array(LIMITS.docxXmlBytes + 1).fill(0x20) });
    const bytes = docxOf(REPORT_BODY);
    const withInner = zipOf({ ...unzipSync(bytes), 'word/embeddings/bomb.zip': inner });
    expect((await open(withInner, 'report.docx')).text).toContain('报告工作');
  }, 120_000);

  it('reads no file and fetches nothing for external targets and XML entities', async () => {
    const secret = join(tempFolder(), 'secret.txt');
    await writeFile(secret, '机密文件的内容');
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://${secret}" TargetMode="External"/>` +
      '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>' +
      `<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument" Target="file://${secret}" TargetMode="External"/>` +
      '</Relationships>';
    const picture =
      '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
      '<pic:blipFill><a:blip r:link="rId5"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>' +
      '<w:hyperlink r:id="rId6"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:subDoc r:id="rId7"/></w:p>';
    const external = docxOf(REPORT_BODY + picture, { 'word/_rels/document.xml.rels': rels });
    const { text } = await open(external, 'report.docx');
    expect(text).toContain('报告工作');
    expect(text).not.toContain('机密');

    // XXE and a billion laughs in the DOCTYPE: never expanded, never read.
    const laughs = [
      '<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
    ].join('');
    const doctype = `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://${secret}">${laughs}]>`;
    const entities = docxOf(REPORT_BODY + para('&xxe;&lol9;'));
    const unzipped = unzipSync(entities);
    const xml = new TextDecoder()
      .decode(unzipped['word/document.xml'])
      .replace('<w:document', `${doctype}<w:document`);
    const outcome = await open(zipOf({ ...unzipped, 'word/document.xml': xml }), 'report.docx');
    expect(outcome.text ?? '').not.toContain('机密');
    expect(outcome.text ?? '').not.toContain('哈哈哈哈哈哈哈哈哈哈哈');
  });
});

describe('files shaped against the parser', () => {
  it.each(HOSTILE_SHAPES.map((shape) => [shape.name, shape] as const))(
    '%s ends in a report or one sentence',
    async (_name, shape) => {
      const file = shape.make(96 * 1024);
      await open(file.bytes, file.fileName);
    },
    60_000,
  );

  const TEXT_SHAPES = HOSTILE_SHAPES.filter((shape) => shape.make(1000).fileName === 'report.txt');

  it.each(TEXT_SHAPES.map((shape) => [shape.name, shape] as const))(
    '%s: the parse’s work grows linearly',
    (_name, shape) => {
      const text = (bytes: number) => new TextDecoder().decode(shape.make(bytes).bytes);
      const small = text(64 * 1024);
      const large = text(256 * 1024);
      const smallWork = countWork(() => parseReport(small));
      const largeWork = countWork(() => parseReport(large));
      expect(largeWork / smallWork).toBeLessThan((5 * large.length) / small.length / 4);
      expect(largeWork / large.length).toBeLessThan(200);
    },
    60_000,
  );

  const DOCX_SHAPES = HOSTILE_SHAPES.filter((shape) => shape.make(1000).fileName === 'report.docx');

  it.each(DOCX_SHAPES.map((shape) => [shape.name, shape] as const))(
    '%s: reading it, its text and its structure grow the work linearly',
    (_name, shape) => {
      const measure = (bytes: number) => {
        const file = shape.make(bytes);
        const xmlBytes = boundedDocxParts(file.bytes).get('word/document.xml')!.length;
        const work = countWork(() => {
          try {
            parseReport(htmlToText(docxToHtml(file.bytes), { article: false }));
          } catch (error) {
            // Refused (nested too deep): the work up to the refusal is what counts.
            if (!(error instanceof ReportFormatError)) throw error;
          }
        });
        return { xmlBytes, work };
      };
      const small = measure(64 * 1024);
      const large = measure(256 * 1024);
      expect(large.work / small.work).toBeLessThan((5 * large.xmlBytes) / small.xmlBytes / 4);
      expect(large.work / large.xmlBytes).toBeLessThan(200);
    },
    60_000,
  );

  it(`refuses a PDF of more than ${LIMITS.pdfPages} pages before reading them`, async () => {
    const pages = Array.from(
      { length: LIMITS.pdfPages + 1 },
      () => 'BT /F1 12 Tf 72 720 Td (A) Tj ET',
    );
    expect((await open(pdfOfPages(pages), 'report.pdf')).code).toBe('pdf-too-many-pages');
  });
});
