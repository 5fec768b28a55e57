/**
 * Result or target: first from the section a block is in (`一、2017年工作回顾`
 * reviews, `二、2018年主要目标任务` plans), then from the sentence itself:
 * `力争`, `确保`, `预期` set targets anywhere; a sentence that opens with `去年`
 * or `一年来` reports, one that opens with `今年` plans.
 */
import type { OutlineEntry, ReportDocument } from '../../shared/document';
import type { FigurePeriod } from './figure';
import { charTable } from './words';

const RESULT_HEADING = /回顾|过去|成绩|成就|总结|完成情况|执行情况|取得/u;
const TARGET_HEADING = /目标|任务|安排|计划|打算|部署|展望|思路|重点工作|今后|未来/u;
const YEAR = /(?<![\d])(\d{4})\s*年/u;

/** What a heading says its section is, or undefined when it does not say. */
export function headingPeriod(
  title: string,
  reportYear: number | undefined,
): FigurePeriod | undefined {
  if (RESULT_HEADING.test(title)) return 'result';
  if (TARGET_HEADING.test(title)) return 'target';
  const year = YEAR.exec(title);
  if (year !== null && reportYear !== undefined) {
    return Number(year[1]) < reportYear ? 'result' : 'target';
  }
  return undefined;
}

/** The report's own year: from its date, else from the occasion line. */
export function reportYearOf(
  document: Pick<ReportDocument, 'date' | 'occasion'>,
): number | undefined {
  const source = document.date ?? document.occasion;
  const year = source === undefined ? null : /(\d{4})/u.exec(source);
  return year === null ? undefined : Number(year[1]);
}

/**
 * The period of the section each block is in, read block by block in order.
 * A level-1 section that says nothing about itself continues a plan before it
 * (`三、切实加强政府自身建设` follows `二、2018年主要目标任务`), and is `other`
 * otherwise; a subsection that says nothing takes its parent's.
 */
export class SectionPeriods {
  /** The period each level set, index 0 unused; undefined where a level says nothing. */
  private readonly levels: (FigurePeriod | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  private lastTopLevel: FigurePeriod = 'other';
  /** The next outline entry: entries come in block order, so no lookup is needed. */
  private next = 0;

  constructor(
    private readonly outline: OutlineEntry[],
    private readonly reportYear: number | undefined,
  ) {}

  /** The period of block `id`, the next block in reading order. */
  of(id: string): FigurePeriod {
    const { levels } = this;
    const entry = this.outline[this.next] as OutlineEntry | undefined;
    if (entry !== undefined && entry.block === id) {
      this.next++;
      // Key tasks (level 3, `强化平台建设`) never say when; their section does.
      let own = entry.level === 3 ? undefined : headingPeriod(entry.title, this.reportYear);
      if (entry.level === 1) {
        own ??= this.lastTopLevel === 'target' ? 'target' : 'other';
        this.lastTopLevel = own;
      }
      levels[entry.level] = own;
      for (let level = entry.level + 1; level < levels.length; level++) levels[level] = undefined;
    }
    return levels[3] ?? levels[2] ?? levels[1] ?? 'other';
  }
}

/** Cues anywhere in a sentence before the figure that make it a target (regex alternatives). */
const TARGET_CUES = [
  '力争',
  '确保',
  '争取',
  '预期',
  '目标(?:是|为)',
  '计划(?:到|在)',
  '到\\d{4}年',
];
const TARGET_CUE = new RegExp(TARGET_CUES.join('|'), 'u');
/**
 * The characters cues start with: text with none of them holds no cue, and is
 * passed over without a slice or a regex (most of the text before a figure is
 * such, and the two were a twentieth of extraction).
 */
const CUE_FIRST = charTable([[TARGET_CUES.map((cue) => cue[0]).join(''), 1]]);
/** How a sentence opens when it reports: `去年，`, `一年来，`, `过去五年，`, `2017年，`. */
const RESULT_OPENING =
  /^(?:去年|上年|过去(?:的)?[一二三四五两几]?年|[一二三四五两几]年来|近[一二三四五两几]年来|(\d{4})年(?![\d月度]))/u;
const TARGET_OPENING = /^(?:今年|明年|今后|未来|(\d{4})年(?![\d月度]))/u;
/** Every character an opening cue starts with, digits included. */
const OPENING_FIRST = charTable([['去上过一二三四五两几近今明未0123456789', 1]]);
/** How much of a sentence its opening cue may take. */
const OPENING_REACH = 8;
/** How far before a figure a cue such as `力争` is looked for (besides the sentence's opening). */
const CUE_REACH = 32;

/**
 * The period of the figures of one sentence, read as they come: the opening
 * is read once, and a cue is looked for only in the text not yet read and
 * near a figure (`力争大市外内资、浙商回归资金、实际利用外资达120亿元` has it 23
 * characters before), so a long sentence costs little however many figures
 * it holds.
 */
export class SentencePeriods {
  private sentence = -1;
  private opening: FigurePeriod | undefined;
  private read = 0;
  private cue = false;

  constructor(
    private readonly text: string,
    private readonly section: FigurePeriod,
    private readonly reportYear: number | undefined,
  ) {}

  /** The period of a figure at `at`, in the sentence that starts at `sentence`. */
  at(sentence: number, at: number): FigurePeriod {
    if (sentence !== this.sentence) {
      this.sentence = sentence;
      const openingEnd = Math.min(this.text.length, sentence + OPENING_REACH);
      this.cue = this.cueIn(sentence, openingEnd);
      // Most sentences open with none of the cues: one look at the first character settles it.
      this.opening =
        OPENING_FIRST[this.text.charCodeAt(sentence)] === 1
          ? this.openingPeriod(this.text.slice(sentence, openingEnd))
          : undefined;
      this.read = sentence;
    }
    // In a plan a cue changes nothing: look for one only elsewhere.
    if (!this.cue && this.section !== 'target' && at > this.read) {
      // Back a little, so a cue cut by the last read is still seen whole.
      this.cue = this.cueIn(Math.max(this.sentence, this.read - 6, at - CUE_REACH), at);
      this.read = at;
    }
    if (this.cue) return 'target';
    return this.opening ?? this.section;
  }

  /** Whether a cue lies wholly in the text from `from` to `to`. */
  private cueIn(from: number, to: number): boolean {
    const { text } = this;
    for (let i = from; i < to; i++) {
      if (CUE_FIRST[text.charCodeAt(i)] === 1) return TARGET_CUE.test(text.slice(i, to));
    }
    return false;
  }

  private openingPeriod(opening: string): FigurePeriod | undefined {
    const result = RESULT_OPENING.exec(opening);
    if (result !== null) return this.byYear(result[1], 'result');
    const target = TARGET_OPENING.exec(opening);
    return target === null ? undefined : this.byYear(target[1], 'target');
  }

  /** `2017年，` in a 2018 report reports; `2018年，` plans; no year: `otherwise`. */
  private byYear(year: string | undefined, otherwise: FigurePeriod): FigurePeriod | undefined {
    if (year === undefined) return otherwise;
    if (this.reportYear === undefined) return undefined;
    return Number(year) < this.reportYear ? 'result' : 'target';
  }
}
