/**
 * Files of hostile shapes, of about `bytes` each, as an adversary would craft
 * them against a parser's speed: one endless line, millions of tiny lines,
 * brackets nested a million deep, a page of 100k nested divs, a .docx of
 * 100k runs (or paragraphs, cells, links, fields, tracked changes), a PDF of
 * thousands of one-character pages. Shared by the
 * adversarial tests (which check the outcome and that the work is bounded)
 * and bench/adversarial.ts (which times each in s/MB against issue 14's goal
 * of ≤ 1 s/MB).
 */
import { strToU8, zipSync } from 'fflate';
import { pdfFromObjects } from '../../src/services/report-file/warm-up';

export interface HostileFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** What the parser reads, when not the file's bytes: a .docx's XML, inflated. */
  contentBytes?: number;
}

const HEAD = '政府工作报告\n\n各位代表：\n\n';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** `unit` repeated to about `bytes` of UTF-8. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.round(bytes / Buffer.byteLength(unit))));
}

/** A file of this name and extension, its text made by `body` for about `bytes`. */
const shapeOf =
  (fileName: string, prefix: string) => (name: string, body: (bytes: number) => string) => ({
    name,
    make: (bytes: number): HostileFile => ({ name, fileName, bytes: utf8(prefix + body(bytes)) }),
  });
const text = shapeOf('report.txt', HEAD);
const page = shapeOf('report.html', '');

/** A .docx whose document.xml is this body (inside `<w:body>`). */
export function docxOf(body: string, extraParts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<w:body>${body}</w:body></w:document>`,
    ...extraParts,
  };
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, [strToU8(xml), {}]])),
  );
}

const docxPara = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const docxHead = ['政府工作报告', '各位代表：'].map(docxPara).join('');

/**
 * A .docx whose document.xml is `unit` repeated to about `bytes` of XML,
 * between `open` and `close`, after the report's first two lines.
 */
const docxShape = (name: string, unit: string, open = '', close = '') => ({
  name,
  make: (bytes: number): HostileFile => {
    const body = fill(unit, bytes);
    return {
      name,
      fileName: 'report.docx',
      bytes: docxOf(docxHead + open + body + close),
      contentBytes: Buffer.byteLength(body),
    };
  },
});

/**
 * A PDF of these pages' content streams, A4, one font: Helvetica whose
 * ToUnicode map reads each printable ASCII byte as a Han character (`!` is
 * 一, `"` 丁…), so a few bytes a character make Chinese text for the layout.
 */
export function pdfOfPages(contents: string[]): Uint8Array {
  const pages = contents.length;
  // 1 catalog, 2 pages, 3 font, 4 its ToUnicode map, then a page and its content per page.
  const kids = contents.map((_, i) => `${5 + 2 * i} 0 R`).join(' ');
  const toUnicode =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Han def /CMapType 2 def\n' +
    '1 begincodespacerange <00> <FF> endcodespacerange\n' +
    '1 beginbfrange <21> <7E> <4E00> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>',
    `<< /Length ${toUnicode.length} >>\nstream\n${toUnicode}\nendstream`,
  ];
  contents.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${6 + 2 * i} 0 R` +
        ' /Resources << /Font << /F1 3 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  });
  return pdfFromObjects(objects);
}

/** Shows `ascii` (read as Han characters through the font's ToUnicode) at x, y. */
const showAt = (x: number, y: number, ascii: string) =>
  `BT /F1 12 Tf ${x} ${y} Td (${ascii}) Tj ET`;

export const HOSTILE_SHAPES: { name: string; make: (bytes: number) => HostileFile }[] = [
  text('one line, no break', (bytes) => fill('这是没有换行的一段文字，', bytes)),
  text('one line of one character', (bytes) => fill('字', bytes)),
  text('millions of one-character lines', (bytes) => fill('字\n', bytes)),
  text('millions of empty lines', (bytes) => fill('\n', bytes - 40) + '结束。'),
  text('brackets nested deep', (bytes) => fill('（', bytes / 2) + fill('）', bytes / 2)),
  text('quotes nested deep', (bytes) => fill('“「『', bytes / 2) + fill('』」”', bytes / 2)),
  text(
    'brackets nested deep, one a line',
    (bytes) => fill('（\n', bytes / 2) + fill('）\n', bytes / 2),
  ),
  text('一、 headings', (bytes) => fill('一、\n', bytes)),
  text('一、 headings with words', (bytes) => fill('一、加快发展\n', bytes)),
  text('（一） and 1. leads', (bytes) => fill('（一）推进改革。\n1.深化改革开放。\n', bytes)),
  text('only punctuation', (bytes) => fill('，。、；：？！…—', bytes)),
  text('only punctuation, one a line', (bytes) => fill('。\n', bytes)),
  text('alternating scripts', (bytes) => fill('中a', bytes)),
  text('alternating scripts with spaces', (bytes) => fill('中 a ', bytes)),
  text('spaced title line', (bytes) => fill('政 ', bytes)),
  text('bold markers', (bytes) => fill('**重点**', bytes)),
  text('unpaired bold markers', (bytes) => fill('*', bytes)),
  text('dates on every line', (bytes) => fill('2018年2月7日\n', bytes)),
  text('appendix entries', (bytes) => '附件：\n名词解释\n' + fill('1. 名词：是指。\n', bytes)),
  text('page-number lines', (bytes) => fill('— 3 —\n', bytes)),
  text('long radicals run', (bytes) => fill('⼯', bytes)),
  page('web page of nested divs', (bytes) => {
    const depth = Math.round(bytes / 22);
    return (
      '<!doctype html><html><head><meta charset="utf-8"><title>政府工作报告</title></head><body>' +
      '<div>字'.repeat(depth) +
      '</div>'.repeat(depth) +
      '</body></html>'
    );
  }),
  page('web page of nested bold', (bytes) => {
    const depth = Math.round(bytes / 10);
    return '<!doctype html><html><body><p>' + '<b>字'.repeat(depth) + '</b>'.repeat(depth) + '</p>';
  }),
  page(
    'web page of bold runs',
    (bytes) => '<!doctype html><html><body><p>' + fill('<b>字</b><b></b>', bytes) + '</p>',
  ),
  page(
    'web page of unclosed tags',
    (bytes) => '<!doctype html><html><body>' + fill('<p>政府工作<span>报告', bytes),
  ),
  page(
    'web page of stray closing tags, 1000 deep',
    (bytes) =>
      '<!doctype html><html><body>' + '<span>'.repeat(1000) + fill('政府</i>', bytes - 6000),
  ),
  page(
    'web page, one text node',
    (bytes) => '<!doctype html><html><body><p>' + fill('政府 工作\t报告 ', bytes),
  ),
  {
    name: '.docx of 100k runs',
    make: (bytes) => {
      const runs = Math.round(bytes / 40);
      const run = '<w:r><w:t>字</w:t></w:r>';
      return {
        name: '.docx of 100k runs',
        fileName: 'report.docx',
        bytes: docxOf(docxHead + `<w:p>${run.repeat(runs)}</w:p>`),
        contentBytes: runs * run.length,
      };
    },
  },
  {
    name: '.docx of nested tables',
    make: (bytes) => {
      const depth = Math.min(20_000, Math.round(bytes / 60));
      return {
        name: '.docx of nested tables',
        fileName: 'report.docx',
        bytes: docxOf(
          docxHead +
            '<w:tbl><w:tr><w:tc>'.repeat(depth) +
            docxPara('字') +
            '</w:tc></w:tr></w:tbl>'.repeat(depth) +
            docxPara('结束。'),
        ),
        contentBytes: depth * 41,
      };
    },
  },
  docxShape(
    '.docx of bold and plain runs alternating',
    '<w:r><w:rPr><w:b/></w:rPr><w:t>字</w:t></w:r><w:r><w:t>字</w:t></w:r>',
    '<w:p>',
    '</w:p>',
  ),
  docxShape('.docx of one-character paragraphs', docxPara('字')),
  docxShape('.docx of empty paragraphs', '<w:p/>', '', docxPara('结束。')),
  docxShape(
    '.docx of one wide table row',
    `<w:tc>${docxPara('字')}</w:tc>`,
    '<w:tbl><w:tr>',
    '</w:tr></w:tbl>',
  ),
  docxShape(
    '.docx of merged table cells',
    `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${docxPara('字')}</w:tc></w:tr>`,
    `<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${docxPara('字')}</w:tc></w:tr>`,
    '</w:tbl>',
  ),
  docxShape(
    '.docx of links and fields',
    '<w:hyperlink w:anchor="a"><w:r><w:t>字</w:t></w:r></w:hyperlink>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>字</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    '<w:p>',
    '</w:p>',
  ),
  docxShape(
    '.docx of fields never closed',
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>字</w:t></w:r>',
    '<w:p>',
    '</w:p>',
  ),
  docxShape(
    '.docx of tracked changes',
    '<w:ins w:id="1"><w:r><w:t>字</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删</w:delText></w:r></w:del>',
    '<w:p>',
    '</w:p>',
  ),
  docxShape(
    '.docx of deleted paragraph marks',
    '<w:p><w:pPr><w:rPr><w:del w:id="1"/></w:rPr></w:pPr><w:r><w:t>字</w:t></w:r></w:p>',
    '',
    docxPara('结束。'),
  ),
  docxShape(
    '.docx of text boxes',
    '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>' +
      docxPara('字') +
      '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>',
    '<w:p><w:r><w:t>正文</w:t></w:r>',
    '</w:p>',
  ),
  {
    name: 'PDF of one-character pages',
    make: (bytes) => {
      const pages = Math.max(10, Math.round(bytes / 200));
      return {
        name: 'PDF of one-character pages',
        fileName: 'report.pdf',
        bytes: pdfOfPages(Array.from({ length: pages }, () => showAt(72, 720, 'A'))),
      };
    },
  },
  {
    name: 'PDF of 2,000 one-character pages (the limit)',
    make: () => ({
      name: 'PDF of 2,000 one-character pages (the limit)',
      fileName: 'report.pdf',
      bytes: pdfOfPages(Array.from({ length: 2_000 }, () => showAt(72, 720, 'ABCDEF'))),
    }),
  },
  {
    name: 'PDF with one huge text item',
    make: (bytes) => ({
      name: 'PDF with one huge text item',
      fileName: 'report.pdf',
      bytes: pdfOfPages([showAt(72, 720, fill('ABCDEF', bytes))]),
    }),
  },
  {
    name: 'PDF of many items on one line',
    make: (bytes) => {
      const items = Math.round(bytes / 40);
      const content = Array.from({ length: items }, (_, i) =>
        showAt(72 + (i % 40) * 12, 720, 'A'),
      ).join('\n');
      return {
        name: 'PDF of many items on one line',
        fileName: 'report.pdf',
        bytes: pdfOfPages([content]),
      };
    },
  },
  {
    name: 'PDF of spread characters',
    make: (bytes) => {
      const lines = Math.round(bytes / 900);
      const content = Array.from({ length: lines }, (_, line) =>
        Array.from({ length: 20 }, (_, i) => showAt(72 + i * 24, 800 - (line % 60) * 13, 'B')).join(
          '\n',
        ),
      ).join('\n');
      return {
        name: 'PDF of spread characters',
        fileName: 'report.pdf',
        bytes: pdfOfPages([content]),
      };
    },
  },
];
