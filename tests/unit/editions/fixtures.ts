/**
 * A revised edition made from the bundled report's raw text, the way a
 * final text differs from a consultation draft: six edits, each somewhere
 * else, each with what a correct comparison must report. Also a copy that
 * differs only in layout, and notes (annotations, bookmarks) on the old text.
 */
import { targetFor } from '../../../src/core/annotations/selectors';
import { parseReport } from '../../../src/core/report/parse-report';
import { documentText } from '../../../src/core/report/doc-text';
import type { ReportDocument } from '../../../src/shared/document';
import type { Annotation, Bookmark } from '../../../src/shared/user-data';
import { bodyLineRange, isHeadingLine, reportText, rewrap } from '../report/helpers';

export const RAW = reportText();
export const OLD = parseReport(RAW);
export const OLD_TEXT = documentText(OLD.blocks);

/** Replaces exactly one occurrence of `from`; throws if the fixture text moved. */
function once(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`fixture: "${from}" is not unique`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export const FIGURE = { from: '1164.48亿元', to: '1164.50亿元' };
export const INSERT_AFTER =
  '是改革开放 40 周年，也是决胜高水平全面建成小康社会、实施“十三五”规划承上启下的关键之年，做好今年工作意义重大。';
export const INSERTED =
  '今年也是行政区划调整后全面融合的关键之年，各项工作要在融合中提升、在提升中发展。';
export const DELETED_SENTENCE =
  '加强海绵城市建设，姚江、奉化江堤防工程竣工，开工建设鄞江堤防整治等工程，加大积水点改造力度，深化调蓄池、风棚碶河和沿山干河整治工程前期。';
/** The whole line: a paragraph of its own (the thanks after the 2017 review). */
export const DELETED_PARAGRAPH = RAW.split('\n').find((line) =>
  line.startsWith('各位代表，过去的一年'),
)!;
/** `14个地块完成挂牌` / page break / `出让，…`: the phrase reworded keeps straddling the break. */
export const REWORD = { from: '完成挂牌\n\n出让', to: '完成招标\n\n拍卖' };
export const MOVED_PARAGRAPH =
  '新时代、新思想、新使命、新征程，对政府工作和自身建设提出了新的更高要求。';
const MOVED_LINE = RAW.split('\n').find((line) => line.startsWith(MOVED_PARAGRAPH))!;
/** The moved paragraph goes to the end of its section, after this paragraph. */
const MOVE_AFTER = RAW.split('\n').find((line) => line.startsWith('狠抓廉政风险防控'))!;

/** The six edits applied to a raw report text (the bundled one, or a re-wrapped copy of it). */
export function revise(raw: string): string {
  let text = once(raw, FIGURE.from, FIGURE.to);
  text = once(text, INSERT_AFTER, `${INSERT_AFTER}\n\n${INSERTED}`);
  text = once(text, DELETED_SENTENCE, '');
  text = once(text, `${DELETED_PARAGRAPH}\n`, '');
  text = once(text, REWORD.from, REWORD.to);
  text = once(text, `${MOVED_LINE}\n`, '');
  text = once(text, `${MOVE_AFTER}\n`, `${MOVE_AFTER}\n\n${MOVED_LINE}\n`);
  return text;
}

export const NEW = parseReport(revise(RAW));
export const NEW_TEXT = documentText(NEW.blocks);

/**
 * The same words in another layout: every paragraph cut at new places with a
 * page number between the pieces (the parser tests' re-wrap), the existing
 * page-break cuts joined, a space put between Chinese and every run of
 * digits, and trailing spaces on lines.
 */
export function relayout(raw: string): string {
  return rewrap(raw)
    .text.replace(/(\p{Script=Han})(\d+)/gu, '$1 $2')
    .replace(/(\d)(\p{Script=Han})/gu, '$1 $2')
    .replace(/\n/g, ' \n');
}

/**
 * The same words hard-wrapped: every body line cut every `width` characters
 * with a plain line break, wherever that falls (after a full stop too, so the
 * parser makes two blocks of one paragraph there).
 */
export function hardWrap(raw: string, width: number): string {
  const lines = raw.split('\n');
  const [start, end] = bodyLineRange(lines);
  return lines
    .map((line, index) => {
      if (index < start || index >= end || line.length <= width || isHeadingLine(line)) return line;
      const cut: string[] = [];
      for (let at = 0; at < line.length; at += width) cut.push(line.slice(at, at + width));
      return cut.join('\n');
    })
    .join('\n');
}

/** The block that holds `text` in a parsed document. */
export function blockWith(document: typeof OLD, text: string): string {
  const block = document.blocks.find((candidate) => candidate.text.includes(text));
  if (block === undefined) throw new Error(`fixture: no block holds "${text}"`);
  return block.id;
}

function rangeIn(quote: string): { start: number; end: number } {
  const start = OLD_TEXT.text.indexOf(quote);
  if (start < 0 || OLD_TEXT.text.indexOf(quote, start + 1) >= 0) {
    throw new Error(`fixture: quote "${quote}" is not unique in the report`);
  }
  return { start, end: start + quote.length };
}

const stamp = '2026-01-01T00:00:00.000Z';

export function annotationOn(id: string, quote: string, note = ''): Annotation {
  const { start, end } = rangeIn(quote);
  return {
    id,
    created: stamp,
    modified: stamp,
    color: 'c2',
    note,
    tags: [],
    target: targetFor(OLD_TEXT.text, start, end, OLD.version),
  };
}

export function bookmarkOn(id: string, block: string, name: string): Bookmark {
  const start = OLD_TEXT.starts[OLD_TEXT.indexOf.get(block)!];
  return {
    id,
    created: stamp,
    modified: stamp,
    name,
    target: targetFor(OLD_TEXT.text, start, start + 32, OLD.version),
  };
}

/** Notes on each changed passage, one across the insertion point, and two that no change touches. */
export const NOTES = {
  figure: annotationOn('a-figure', '地区生产总值1164.48亿元', '核对统计公报'),
  sentence: annotationOn('a-sentence', '姚江、奉化江堤防工程竣工，开工建设鄞江堤防整治等工程'),
  paragraph: annotationOn('a-paragraph', '表示衷心的感谢'),
  reworded: annotationOn('a-reworded', '14个地块完成挂牌出让'),
  moved: annotationOn('a-moved', '新时代、新思想、新使命'),
  // Runs from one paragraph into the next; the new paragraph goes in between.
  across: annotationOn('a-across', '做好今年工作意义重大。\n今年政府工作的总体要求是'),
  // Right after the corrected figure, sharing none of its characters.
  beside: annotationOn('a-beside', '同比增长6.3%；财政总收入'),
  kept: annotationOn('a-kept', '月湖、江夏、鼓楼街道通过污水零直排区创建验收'),
};

export const BOOKMARKS = {
  paragraph: bookmarkOn('b-paragraph', blockWith(OLD, '表示衷心的感谢'), '致谢'),
  kept: bookmarkOn('b-kept', blockWith(OLD, '今年政府工作的总体要求是'), '总体要求'),
};

/** What the comparison must tell of each edit: kind, blocks and words (in the new edition's order). */
export const EXPECTED = {
  figure: {
    kind: 'change',
    oldBlock: blockWith(OLD, '1164.48亿元'),
    newBlock: blockWith(NEW, '1164.50亿元'),
    removed: '1164.48',
    added: '1164.50',
  },
  reworded: {
    kind: 'change',
    oldBlock: blockWith(OLD, '完成挂牌出让'),
    newBlock: blockWith(NEW, '完成招标拍卖'),
    removed: '挂牌出让',
    added: '招标拍卖',
  },
  paragraph: {
    kind: 'delete',
    oldBlock: blockWith(OLD, '表示衷心的感谢'),
    removed: DELETED_PARAGRAPH,
    added: '',
  },
  inserted: { kind: 'insert', newBlock: blockWith(NEW, INSERTED), removed: '', added: INSERTED },
  sentence: {
    kind: 'change',
    oldBlock: blockWith(OLD, DELETED_SENTENCE),
    newBlock: blockWith(NEW, '新增停车位5000个。'),
    removed: DELETED_SENTENCE,
    added: '',
  },
  moved: {
    kind: 'move',
    oldBlock: blockWith(OLD, MOVED_PARAGRAPH),
    newBlock: blockWith(NEW, MOVED_PARAGRAPH),
    removed: '',
    added: '',
  },
} as const;

export const EXPECTED_IN_ORDER = [
  EXPECTED.figure,
  EXPECTED.reworded,
  EXPECTED.paragraph,
  EXPECTED.inserted,
  EXPECTED.sentence,
  EXPECTED.moved,
];

/** A document of these blocks under the bundled report's title. */
export function documentOf(blocks: ReportDocument['blocks'], version: string): ReportDocument {
  return { title: OLD.title, version, blocks, outline: [], glossary: [] };
}

/**
 * `times` copies of a document's blocks, ids renumbered (the 100× editions of
 * the bench and the worker test); `edit` may change copy k's texts.
 */
export function repeated(
  document: ReportDocument,
  times: number,
  edit: (text: string, copy: number) => string = (text) => text,
): ReportDocument {
  const blocks = Array.from({ length: times }, (_, copy) =>
    document.blocks.map((block) => ({ ...block, text: edit(block.text, copy) })),
  )
    .flat()
    .map((block, index) => ({ ...block, id: `b${index + 1}` }));
  return documentOf(blocks, `${document.version}x${times}`);
}
