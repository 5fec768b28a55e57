/**
 * extractFigures: every figure of a parsed report, in reading order. Works on
 * the blocks' repaired text, so its offsets are the ones the reader shows and
 * jumps to. The appendix (名词解释) and the title lines hold no figures of the
 * report: definitions such as `产值在3亿元以下` are thresholds, not results.
 */
import type { Block, ReportDocument } from '../../shared/document';
import type { Figure, FigureChange, FigurePeriod } from './figure';
import { clauseAfter, listParts, nounAfter, phraseBefore, type Phrase } from './indicator';
import { reportYearOf, SectionPeriods, SentencePeriods } from './period';
import { QuantityReader, type Quantity } from './quantities';
import { unitScale } from './units';

export type FigureSource = Pick<ReportDocument, 'blocks' | 'outline' | 'date' | 'occasion'>;

/** The kinds of block that hold figures (a comparison each: a Set lookup per block cost more). */
const isScanned = (kind: Block['kind']) => kind === 'paragraph' || kind === 'heading';

/** How far back a figure with no indicator of its own looks for the one it shares. */
const SHARE_REACH = 40;

/**
 * Whether `quantity` goes on from `previous`'s clause group: same sentence,
 * close by, no `；` between (`财政总收入163.84亿元，同比增长6.5%`).
 */
function sharesGroup(text: string, previous: Quantity, quantity: Quantity): boolean {
  if (!quantity.continues || previous.sentence !== quantity.sentence) return false;
  if (quantity.clause - previous.tail > SHARE_REACH) return false;
  const semicolon = text.indexOf('；', previous.tail);
  return semicolon === -1 || semicolon >= quantity.clause;
}

/** What joins the figures of a list that share one verb: `达120亿元、60亿元、3.6亿美元`. */
const isJoiner = (code: number) =>
  code === 0x3001 /* 、 */ ||
  code === 0x548c /* 和 */ ||
  code === 0x53ca /* 及 */ ||
  code === 0x4e0e /* 与 */ ||
  code === 0x6216; /* 或 */
const isSpace = (code: number) => code === 0x20 || code === 0x3000;

/** Whether only `、`, `和`, `及`, `与` or `或` (and spaces) stands between two figures. */
function joinsList(text: string, previous: Quantity, quantity: Quantity): boolean {
  let joiners = 0;
  for (let i = previous.tail; i < quantity.lead; i++) {
    const code = text.charCodeAt(i);
    if (isJoiner(code)) joiners++;
    else if (!isSpace(code)) return false;
  }
  return joiners === 1;
}

/**
 * The figures of one block, in order, added to `all`. They go straight into
 * `all`, and a list is split as soon as it ends, so a block costs no arrays
 * of its own.
 */
function blockFigures(
  block: string,
  text: string,
  quantities: readonly Quantity[],
  count: number,
  periods: SentencePeriods,
  all: Figure[],
): void {
  // The list the figure before belongs to: its head's index in `all`, the
  // phrase before the head's number alone, and how many figures it has.
  let head = -1;
  let headOwn = '';
  let listLength = 0;
  const phrase: Phrase = { indicator: '', change: undefined };
  for (let index = 0; index < count; index++) {
    const quantity = quantities[index];
    const previous = index > 0 ? quantities[index - 1] : undefined;
    const period = periods.at(quantity.sentence, quantity.lead);
    const member = previous !== undefined && joinsList(text, previous, quantity);
    let indicator: string;
    let change: FigureChange | undefined;
    let own = '';

    if (member) {
      const first = all[head];
      indicator = first.indicator ?? '';
      change = first.change;
    } else {
      // The clause may hold the figure before: `拆除农村旧房12万平方米、新建60万平方米`.
      const from =
        previous === undefined ? quantity.clause : Math.max(quantity.clause, previous.tail);
      phraseBefore(text, from, quantity.lead, phrase);
      // A count names what it counts after it (`34个市级重大项目`); money and rates before.
      const counted = quantity.kind === 'count' || quantity.kind === 'other';
      const noun = counted || phrase.indicator === '' ? nounAfter(text, quantity.tail) : '';
      indicator = counted ? noun || phrase.indicator : phrase.indicator || noun;
      change = phrase.change;
      if (indicator === '' && previous !== undefined && sharesGroup(text, previous, quantity)) {
        const before = all[all.length - 1];
        indicator = before.indicator ?? '';
        // `增长6.5%左右，力争7%`: a second value of the same change, in the same unit.
        if (change === undefined && unitScale(before.unit).base === unitScale(quantity.unit).base) {
          change = before.change;
        }
      }
      if (indicator === '') indicator = clauseAfter(text, quantity.tail);
      own = phrase.indicator;
    }
    all.push(toFigure(block, text, quantity, indicator, change, period));
    if (member) {
      listLength++;
    } else {
      // The list before has ended. It is split only now, as the figure just
      // made may have taken its indicator from the list's last figure, unsplit.
      splitList(all, head, headOwn, listLength);
      head = all.length - 1;
      headOwn = own;
      listLength = 1;
    }
  }
  splitList(all, head, headOwn, listLength);
}

/** A list's head names all its indicators: `土地流转率、规模经营率分别达80%、50%`. */
function splitList(figures: Figure[], head: number, own: string, length: number): void {
  if (length < 2) return;
  const parts = listParts(own, length);
  if (parts !== undefined) parts.forEach((part, i) => (figures[head + i].indicator = part));
}

function toFigure(
  block: string,
  text: string,
  quantity: Quantity,
  indicator: string,
  change: FigureChange | undefined,
  period: FigurePeriod,
): Figure {
  const { start, end, value, to, unit, qualifier } = quantity;
  // One shape for every figure, keys in the order the CLI documents them: an
  // absent field is undefined, which JSON leaves out. Adding keys one by one
  // as they apply costs several times more at the bench's 100×.
  return {
    block,
    start,
    end,
    text: text.slice(start, end),
    value,
    to,
    unit,
    qualifier,
    indicator: indicator === '' ? undefined : indicator,
    change,
    period,
  };
}

/** Every figure of the document, block by block in reading order. */
export function extractFigures(document: FigureSource): Figure[] {
  const reportYear = reportYearOf(document);
  const sections = new SectionPeriods(document.outline, reportYear);
  const reader = new QuantityReader();
  const figures: Figure[] = [];
  const { blocks } = document;
  for (let index = 0; index < blocks.length; index++) {
    // Each field is read once: blocks come in several shapes (their optional
    // fields), too many for V8 to keep a fast path for reading them, so each
    // read is a lookup; a figure reads its block's id from a plain string.
    const { id, kind, text } = blocks[index];
    const period = sections.of(id);
    if (!isScanned(kind)) continue;
    reader.read(text);
    if (reader.count === 0) continue;
    const periods = new SentencePeriods(text, period, reportYear);
    blockFigures(id, text, reader.found, reader.count, periods, figures);
  }
  return figures;
}
