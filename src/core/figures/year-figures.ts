/**
 * The figures of a report that answer for one year: what its review reports
 * of the year before (results), and what it sets for its own year (targets).
 * 目标兑现 compares last year's report's targets with this year's report's
 * results, and a figure of several years answers no one year's target:
 * `过去五年，地区生产总值年均增长7.5%`, `累计新增就业12万人`, `到2020年，…达到95%`
 * are left out, as is every figure under a heading of several years
 * (`一、过去五年工作回顾`, `二、今后五年的奋斗目标`).
 *
 * A target set with `力争` or `争取` in its clause is a stretch goal
 * (`增长7%左右，力争8%`): it is kept, marked, and judged as such (fulfilment.ts).
 */
import type { ReportDocument } from '../../shared/document';
import type { Figure, TargetFigure, YearFigures } from '../../shared/figures';
import { sectionPath } from '../report/location';
import { extractFigures } from './extract';
import { reportYearOf } from './period';

/** Words that make a clause speak of several years, whatever year it names. */
const SEVERAL_YEARS =
  /年均|累计|以来|历年|过去(?:的)?[二三四五六七八九十两几]年|[二三四五六七八九十两几]年(?:来|间|中|内|里)|近[二三四五两几]年|今后[二三四五两几]年|未来[二三四五两几]年|十[一二三四五]五(?:期间|时期|以来)/u;
/** `2016—2018年`, `2018至2020年`: a span of years. */
const YEAR_SPAN = /\d{4}\s*[-—–～~至到]\s*\d{4}\s*年/u;
/** `到2020年`, `至2020年底`, `截至2018年末`: the year a figure is reached by. */
const BY_YEAR = /(?:到|至|截至|截止)(\d{4})\s*年/gu;
/** A heading of several years: `过去五年`, `今后五年`, `“十三五”时期`, `2018—2022年`. */
const SEVERAL_YEARS_HEADING = /[二三四五两几]年|十[一二三四五]五|\d{4}\s*[-—–～~至到]\s*\d{4}/u;
const STRETCH = /力争|争取/u;

const SENTENCE_END = /[。！？!?\n]/u;
const CLAUSE_END = /[，；：,;:。！？!?\n]/u;

/** Where the sentence and the clause holding offset `at` start. */
function clauseStarts(text: string, at: number): { sentence: number; clause: number } {
  let sentence = at;
  while (sentence > 0 && !SENTENCE_END.test(text[sentence - 1])) sentence--;
  let clause = at;
  while (clause > sentence && !CLAUSE_END.test(text[clause - 1])) clause--;
  return { sentence, clause };
}

/** The words that say when a figure is: its sentence's opening clause and its own clause up to it. */
function wordsBefore(text: string, figure: Figure): { opening: string; own: string } {
  const { sentence, clause } = clauseStarts(text, figure.start);
  let openingEnd = sentence;
  while (openingEnd < clause && !CLAUSE_END.test(text[openingEnd])) openingEnd++;
  return { opening: text.slice(sentence, openingEnd), own: text.slice(clause, figure.start) };
}

/** Whether `words` speak of several years, or of a year other than `year`. */
export function speaksOfSeveralYears(words: string, year: number | undefined): boolean {
  if (SEVERAL_YEARS.test(words) || YEAR_SPAN.test(words)) return true;
  if (year === undefined) return false;
  for (const match of words.matchAll(BY_YEAR)) if (Number(match[1]) !== year) return true;
  return false;
}

/** Results of the year before the report's and targets of its own year; `figures` as extractFigures gives them. */
export function yearFigures(
  document: Pick<ReportDocument, 'blocks' | 'outline' | 'date' | 'occasion'>,
  figures: readonly Figure[],
): YearFigures {
  const year = reportYearOf(document);
  const texts = new Map(document.blocks.map((block) => [block.id, block.text]));
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const underSeveralYears = new Map<string, boolean>();
  const headingSaysSeveral = (block: string) => {
    let several = underSeveralYears.get(block);
    if (several === undefined) {
      several = sectionPath(document.outline, order, block)
        .filter((entry) => entry.level <= 2)
        .some((entry) => SEVERAL_YEARS_HEADING.test(entry.title));
      underSeveralYears.set(block, several);
    }
    return several;
  };

  const results: Figure[] = [];
  const targets: TargetFigure[] = [];
  for (const figure of figures) {
    if (figure.period === 'other' || figure.indicator === undefined) continue;
    if (headingSaysSeveral(figure.block)) continue;
    const { opening, own } = wordsBefore(texts.get(figure.block) ?? '', figure);
    const when = figure.period === 'result' && year !== undefined ? year - 1 : year;
    if (speaksOfSeveralYears(`${opening}\n${own}`, when)) continue;
    if (figure.period === 'result') results.push(figure);
    else targets.push(STRETCH.test(own) ? { ...figure, stretch: true } : figure);
  }
  return { results, targets };
}

/**
 * A document's year figures, worked out once per document: main answers
 * `getYearFigures` from it each time a 数说报告 panel opens beside a
 * neighbouring year's report.
 */
const kept = new WeakMap<ReportDocument, YearFigures>();
export function reportYearFigures(document: ReportDocument): YearFigures {
  let figures = kept.get(document);
  if (figures === undefined) {
    figures = yearFigures(document, extractFigures(document));
    kept.set(document, figures);
  }
  return figures;
}
