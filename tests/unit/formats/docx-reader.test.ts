/**
 * The .docx reader (src/core/formats/docx-html.ts) against mammoth, the
 * library it replaced, kept here as the oracle: for every construct Word
 * writes (bold and its off switches, the Strong style, breaks, symbols,
 * links, fields, content controls, tracked changes, text boxes, merged table
 * cells, notes…), and for a few hundred random documents made of them, both
 * give the same text — the same lines, the same `**` bold marks — once
 * html-text.ts has read their HTML, as the app reads it. Then what only this
 * reader promises: a file of one run per character reads as the same report
 * as one run per paragraph.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../../src/core/formats/docx-html';
import { boundedDocxParts } from '../../../src/core/formats/docx-zip';
import { ReportFormatError } from '../../../src/core/formats/errors';
import { htmlToText } from '../../../src/core/formats/html-text';
import { parseReport } from '../../../src/core/report/parse-report';
import { docxOf } from '../../support/adversarial-files';
import { makeDocx, reportLines } from './fixtures';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The text the app reads from this reader's HTML. */
function ourText(docx: Uint8Array): string {
  return htmlToText(docxToHtml(docx), { article: false });
}

/** The text the app read from mammoth's HTML, mammoth called as the app called it. */
async function mammothText(docx: Uint8Array): Promise<string> {
  const parts = boundedDocxParts(docx);
  const zip = zipSync(Object.fromEntries([...parts].map(([name, bytes]) => [name, [bytes, {}]])));
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(zip) },
    {
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  return htmlToText(result.value, { article: false });
}

const relsOf = (relationships: [id: string, type: string, target: string][]) =>
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  relationships
    .map(
      ([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`,
    )
    .join('') +
  '</Relationships>';

const STYLES =
  `<w:styles xmlns:w="${W}">` +
  '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>' +
  '<w:style w:type="character" w:styleId="S2"><w:name w:val="strong"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="PStrong"><w:name w:val="Strong"/></w:style>' +
  '<w:style w:type="character" w:styleId="Em"><w:name w:val="Emphasis"/></w:style>' +
  '<w:style w:type="character" w:styleId="Em"><w:name w:val="Strong"/></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>' +
  '</w:styles>';

const notesPart = (kind: 'footnote' | 'endnote', notes: [string, string][]) =>
  `<w:${kind}s xmlns:w="${W}">` +
  `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
  notes.map(([id, body]) => `<w:${kind} w:id="${id}">${body}</w:${kind}>`).join('') +
  `</w:${kind}s>`;

/** A .docx of this body with styles, notes and comments parts beside it. */
function fullDocx(body: string): Uint8Array {
  return docxOf(body, {
    'word/_rels/document.xml.rels': relsOf([
      ['rId1', 'styles', 'styles.xml'],
      ['rId2', 'footnotes', 'footnotes.xml'],
      ['rId3', 'endnotes', 'endnotes.xml'],
      ['rId4', 'hyperlink', 'http://example.com/'],
      ['rId5', 'comments', 'comments.xml'],
    ]),
    'word/styles.xml': STYLES,
    'word/footnotes.xml': notesPart('footnote', [
      ['1', '<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注一的内容。</w:t></w:r></w:p>'],
      [
        '2',
        '<w:p><w:r><w:t>脚注二，</w:t></w:r></w:p><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>两段。</w:t></w:r></w:p>',
      ],
      ['3', '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表中脚注</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'],
    ]),
    'word/endnotes.xml': notesPart('endnote', [['1', '<w:p><w:r><w:t>尾注。</w:t></w:r></w:p>']]),
    'word/comments.xml': `<w:comments xmlns:w="${W}"><w:comment w:id="0"><w:p><w:r><w:t>批注不是正文</w:t></w:r></w:p></w:comment></w:comments>`,
  });
}

const p = (...content: string[]) => `<w:p>${content.join('')}</w:p>`;
const r = (text: string, properties = '') =>
  `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (text: string, properties = '') =>
  `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const V = 'urn:schemas-microsoft-com:vml';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

/** Each construct in a paragraph or two of its own, with the text both readers give. */
const CONSTRUCTS: [name: string, body: string, text: string][] = [
  ['plain runs', p(r('政府'), r('工作'), r('报告')), '政府工作报告'],
  ['bold', p(r('加快'), r('发展', '<w:b/>'), r('经济')), '加快**发展**经济'],
  [
    'bold switched off and on',
    p(
      r('零', '<w:b w:val="0"/>'),
      r('假', '<w:b w:val="false"/>'),
      r('真', '<w:b w:val="true"/>'),
      r('一', '<w:b w:val="1"/>'),
      r('关', '<w:b w:val="off"/>'),
      r('复', '<w:bCs/>'),
    ),
    '零假**真一关**复',
  ],
  ['the first w:b counts', p(r('甲', '<w:b w:val="0"/><w:b/>')), '甲'],
  [
    'the Strong character style, any case, first definition',
    p(
      r('强', '<w:rStyle w:val="Strong"/>'),
      r('中', '<w:rStyle w:val="PStrong"/>'),
      r('小', '<w:rStyle w:val="S2"/>'),
      r('斜', '<w:rStyle w:val="Em"/>'),
      r('无', '<w:rStyle w:val="Missing"/>'),
    ),
    '**强**中**小**斜无',
  ],
  [
    'breaks',
    p(
      r('一'),
      '<w:r><w:br/></w:r>',
      r('二'),
      '<w:r><w:br w:type="page"/></w:r>',
      r('三'),
      '<w:r><w:br w:type="textWrapping"/><w:t>四</w:t><w:cr/><w:t>五</w:t><w:br w:type="column"/></w:r>',
    ),
    '一\n\n二三\n\n四五',
  ],
  [
    'a bold run with a line break in it',
    p(r('前'), '<w:r><w:rPr><w:b/></w:rPr><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r>', r('后')),
    '前**甲\n\n乙**后',
  ],
  [
    'tabs, hyphens and symbols',
    p(
      '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:noBreakHyphen/><w:softHyphen/>',
      '<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Symbol" w:char="F0B7"/>',
      '<w:sym w:font="NoSuchFont" w:char="F041"/><w:t>丙</w:t></w:r>',
    ),
    '甲 乙\u2011\u00AD✓•丙',
  ],
  [
    'links and fields',
    p(
      `<w:hyperlink r:id="rId4"><w:r><w:t>链接</w:t></w:r></w:hyperlink>`,
      '<w:hyperlink w:anchor="x"><w:r><w:t>锚点</w:t></w:r></w:hyperlink>',
      '<w:fldSimple w:instr="PAGE"><w:r><w:t>页码</w:t></w:r></w:fldSimple>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "http://x"</w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ),
    '链接锚点域结果',
  ],
  [
    'content controls, checkboxes included',
    `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${p(r('块级控件'))}</w:sdtContent></w:sdt>` +
      p(
        r('前'),
        `<w:sdt><w:sdtContent>${r('行内')}</w:sdtContent></w:sdt>`,
        `<w:sdt><w:sdtPr><w14:checkbox xmlns:w14="${W14}"><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>`,
        `<w:sdtContent>${r('☒')}${r('选项')}</w:sdtContent></w:sdt>`,
        `<w:sdt><w:sdtPr><w14:checkbox xmlns:w14="${W14}"/></w:sdtPr><w:sdtContent><w:r><w:tab/></w:r></w:sdtContent></w:sdt>`,
        r('后'),
      ),
    '块级控件\n\n前行内选项后',
  ],
  [
    'tracked changes',
    p(
      r('保留'),
      '<w:ins w:id="1"><w:r><w:t>插入</w:t></w:r></w:ins>',
      '<w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del>',
      '<w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom>',
      '<w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo>',
    ) +
      p('<w:pPr><w:rPr><w:del w:id="5"/></w:rPr></w:pPr>', r('段落标记已删，')) +
      p('<w:pPr><w:rPr><w:ins w:id="6"/></w:rPr></w:pPr>', r('与下段合并')),
    '保留插入移来\n\n段落标记已删，与下段合并',
  ],
  [
    'text boxes follow their paragraph; DrawingML is read from its fallback',
    p(
      r('正文前'),
      `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="wps"><w:r><w:t>新式</w:t></w:r></mc:Choice>`,
      `<mc:Fallback><w:r><w:pict><v:shape xmlns:v="${V}"><v:textbox><w:txbxContent>${p(r('文本框'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></mc:Fallback></mc:AlternateContent>`,
      r('正文后'),
    ) + p(r('下一段')),
    '正文前正文后\n\n文本框\n\n下一段',
  ],
  [
    'tables, merged cells dropped as mammoth drops them',
    '<w:tbl><w:tblPr/><w:tblGrid/>' +
      `<w:tr>${cell('甲一')}${cell('甲二', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('乙一', '<w:vMerge/>')}${cell('乙二')}${cell('乙三')}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1"/></w:trPr>${cell('删行')}</w:tr>` +
      `<w:tr>${cell('丙一', '<w:vMerge w:val="restart"/>')}${cell('丙二', '<w:vMerge w:val="continue"/>')}</w:tr>` +
      '</w:tbl>' +
      `<w:tbl><w:tr>${cell('丁一', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${cell('丁二', '<w:vMerge/>')}<w:bookmarkStart w:id="0" w:name="b"/></w:tr></w:tbl>`,
    '甲一\n\n甲二\n\n乙二\n\n乙三\n\n丙一\n\n丁一\n\n丁二',
  ],
  [
    'a table in a table',
    `<w:tbl><w:tr><w:tc><w:tbl><w:tr>${cell('内')}</w:tr></w:tbl>${p(r('外'))}</w:tc></w:tr></w:tbl>`,
    '内\n\n外',
  ],
  [
    'footnotes and endnotes, listed after the text in the order referred to',
    p(
      r('正文'),
      '<w:r><w:endnoteReference w:id="1"/></w:r>',
      r('再'),
      '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>',
    ) +
      p(
        r('二段'),
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="3"/></w:r>',
      ),
    '正文[1]再[2]\n\n二段[3][4]\n\n尾注。 ↑\n\n脚注二，\n\n**两段。** ↑\n\n脚注一的内容。 ↑\n\n表中脚注\n\n↑',
  ],
  [
    'comments, bookmarks, proofing marks and section properties are no text',
    p(
      '<w:commentRangeStart w:id="0"/><w:bookmarkStart w:id="0" w:name="_GoBack"/>',
      r('正文'),
      '<w:proofErr w:type="spellStart"/><w:commentRangeEnd w:id="0"/>',
      '<w:r><w:commentReference w:id="0"/></w:r><w:bookmarkEnd w:id="0"/>',
    ) + '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>',
    '正文',
  ],
  [
    'references, entities and what XML may hold around text',
    p(
      '<w:r><w:t>&amp;&lt;&gt;&quot;&apos;&#x4E00;&#20108;</w:t></w:r>',
      '<!-- 注释 --><?pi 处理指令?>',
      '<w:r><w:t xml:space="preserve">  空格  </w:t></w:r>',
    ),
    '&<>"\'一二 空格',
  ],
  [
    'what Word wraps text in: smart tags, custom XML, unknown elements (skipped)',
    p(
      '<w:smartTag w:element="place"><w:r><w:t>海曙</w:t></w:r></w:smartTag>',
      '<w:customXml w:element="x"><w:r><w:t>区</w:t></w:r></w:customXml>',
      '<w:unknown><w:r><w:t>不读</w:t></w:r></w:unknown>',
      '<w:dir w:val="rtl"><w:r><w:t>也不读</w:t></w:r></w:dir>',
    ),
    '海曙区',
  ],
  [
    'headings, lists and empty paragraphs are lines like any other',
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' +
      r('一、总体要求') +
      '</w:p><w:p/><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' +
      r('第一项') +
      '</w:p>' +
      p(r('  ')),
    '一、总体要求\n\n第一项',
  ],
];

describe('the .docx reader against mammoth', () => {
  it.each(CONSTRUCTS)('%s', async (_name, body, text) => {
    const docx = fullDocx(body);
    expect(ourText(docx)).toBe(text);
    expect(await mammothText(docx)).toBe(text);
  });

  it('reads past elements and attributes named like an object’s own properties, where mammoth threw', async () => {
    const docx = fullDocx(
      p(
        '<constructor/><w:constructor/><w:toString><w:t>不读</w:t></w:toString>',
        '<w:r __proto__="x" w:hasOwnProperty="y"><w:t>甲</w:t></w:r>',
      ),
    );
    expect(ourText(docx)).toBe('甲');
    await expect(mammothText(docx)).rejects.toThrow(TypeError);
  });

  it('finds the document where the package relationships say, in any namespace prefix', async () => {
    const body = `<x:body>${p(r('甲')).replace(/w:/gu, 'x:')}</x:body>`;
    const docx = zipSync({
      '_rels/.rels': strToU8(relsOf([['rId1', 'officeDocument', 'word/main.xml']])),
      'word/main.xml': strToU8(`<x:document xmlns:x="${W}">${body}</x:document>`),
      'word/document.xml': strToU8(
        `<w:document xmlns:w="${W}"><w:body>${p(r('乙'))}</w:body></w:document>`,
      ),
    });
    expect(ourText(docx)).toBe('甲');
    expect(await mammothText(docx)).toBe('甲');
  });

  it('reads Word’s strict namespace as its transitional one', async () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const docx = zipSync({
      'word/document.xml': strToU8(
        `<w:document xmlns:w="${strict}"><w:body>${p(r('严格', '<w:b/>'))}</w:body></w:document>`,
      ),
    });
    expect(ourText(docx)).toBe('**严格**');
    expect(await mammothText(docx)).toBe('**严格**');
  });

  it('gives the bundled report as mammoth did, line for line', async () => {
    const docx = makeDocx();
    expect(ourText(docx)).toBe(await mammothText(docx));
    expect(ourText(docx).split('\n\n')).toHaveLength(reportLines().length);
  });

  it('agrees with mammoth on 300 random documents of those constructs', async () => {
    let seed = 14;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const pieces = CONSTRUCTS.map(([, body]) => body);
    const runs = [
      r('字'),
      r('粗', '<w:b/>'),
      r('', '<w:b/>'),
      r(' '),
      '<w:r><w:br/></w:r>',
      '<w:r><w:tab/></w:r>',
      '<w:bookmarkStart w:id="9" w:name="m"/>',
      `<w:ins w:id="7">${r('增')}</w:ins>`,
    ];
    const paragraph = () =>
      p(...Array.from({ length: random(6) }, () => runs[random(runs.length)]));
    const cellOf = (depth: number) =>
      `<w:tc>${random(3) === 0 ? '<w:tcPr><w:vMerge/></w:tcPr>' : ''}${block(depth + 1)}</w:tc>`;
    const rowOf = (depth: number) =>
      `<w:tr>${Array.from({ length: 1 + random(3) }, () => cellOf(depth)).join('')}</w:tr>`;
    // Blocks in blocks: constructs, tables and deleted paragraph marks in cells too.
    const block = (depth = 0): string => {
      switch (depth > 2 ? 3 : random(4)) {
        case 0:
          return pieces[random(pieces.length)];
        case 1:
          return `<w:tbl>${Array.from({ length: 1 + random(3) }, () => rowOf(depth)).join('')}</w:tbl>`;
        case 2:
          return p('<w:pPr><w:rPr><w:del w:id="8"/></w:rPr></w:pPr>', r('删标'));
        default:
          return paragraph();
      }
    };
    for (let i = 0; i < 300; i++) {
      const docx = fullDocx(Array.from({ length: 1 + random(6) }, () => block()).join(''));
      expect(ourText(docx), `document ${i}`).toBe(await mammothText(docx));
    }
  }, 120_000);

  it('refuses XML that is not well-formed, and entities it does not know', () => {
    for (const body of [
      p(r('甲')).slice(0, -3),
      '<w:p><w:r></w:p></w:r>',
      p(r('&xxe;')),
      '<w:p a=b/>',
      '<w:p a/>',
      // An end tag that closes no open element (htmlparser2's Parser drops it).
      p(r('甲')) + '</w:tbl>',
    ]) {
      expect(() => docxToHtml(docxOf(body)), body).toThrow(ReportFormatError);
    }
  });

  it('refuses a DOCTYPE, as the packaging standard has a reader do, whatever its subset holds', () => {
    const rest = `<w:document xmlns:w="${W}"><w:body>${p(r('正文'))}</w:body></w:document>`;
    for (const doctype of [
      '<!DOCTYPE w:document>',
      // A `>` in a quoted value ends the DOCTYPE early for a tokenizer that
      // does not read DTDs: the markup after it must not become the document.
      `<!DOCTYPE w:document [<!ATTLIST w:p w:x "><w:body>${p(r('注入'))}</w:body>">]>`,
    ]) {
      const docx = docxOf('', { 'word/document.xml': doctype + rest });
      expect(() => docxToHtml(docx), doctype).toThrow(new ReportFormatError('docx-damaged'));
    }
  });

  it('refuses tables nested deeper than any report’s, without running out of stack', () => {
    const depth = 10_000;
    const body =
      '<w:tbl><w:tr><w:tc>'.repeat(depth) + p(r('字')) + '</w:tc></w:tr></w:tbl>'.repeat(depth);
    expect(() => docxToHtml(docxOf(body))).toThrow(new ReportFormatError('docx-damaged'));
  });
});

describe('one run per character reads as one run per paragraph', () => {
  const lines = reportLines();
  const document = (docx: Uint8Array) => parseReport(ourText(docx));

  it('gives the same paragraphs, bold and outline', () => {
    const merged = document(makeDocx(lines));
    // A run per character, bold where the line was bold.
    const perCharacter = zipOfDocument(
      lines
        .map((line) =>
          p(
            ...line
              .split('**')
              .flatMap((part, i) =>
                [...part].map((char) => r(escapeXml(char), i % 2 === 1 ? '<w:b/>' : '')),
              ),
          ),
        )
        .join(''),
    );
    const xml = new TextDecoder().decode(boundedDocxParts(perCharacter).get('word/document.xml'));
    expect(xml.split('<w:r>').length).toBeGreaterThan(lines.join('').length / 2);
    expect(document(perCharacter)).toEqual(merged);
    expect(merged.blocks.some((block) => block.emphasis?.length)).toBe(true);
  });

  it('gives the same text when every character is a plain run of its own', () => {
    const plainLines = lines.map((line) => line.replaceAll('**', ''));
    const perCharacter = zipOfDocument(
      plainLines.map((line) => p(...[...line].map((char) => r(escapeXml(char))))).join(''),
    );
    expect(ourText(perCharacter)).toBe(ourText(makeDocx(plainLines)));
  });
});

const escapeXml = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function zipOfDocument(body: string): Uint8Array {
  const files: Zippable = {
    'word/document.xml': strToU8(
      `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ),
  };
  return zipSync(files);
}
