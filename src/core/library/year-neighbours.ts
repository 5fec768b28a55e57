/**
 * Which reports on the shelf are the same place's report of the year before
 * and of the year after: what 目标兑现 compares. Read from the library's own
 * metadata, which it takes from each report's text (shelf.ts):
 *
 * - the year is the year of the report's date (a 2019 report, given in
 *   January or February 2019, reviews 2018 and plans 2019); without a date,
 *   the first `20xx年` of its name on the shelf;
 * - the place is the one the shelf read from the occasion, the speaker or the
 *   title. Two places are the same when they are equal, or when one is the
 *   other with its city before it (`宁波市海曙区` and `海曙区`); a report whose
 *   place is unknown is no one's neighbour;
 * - the kind of report, where both names say it, must agree: a 政府工作报告
 *   is not compared with a 预算报告 of the same place.
 *
 * Several candidates for one year (the same report added twice, in two
 * formats): the one added last is taken, as the shelf lists it first.
 */
import type { LibraryReport } from '../../shared/library';

export type Neighbour = Pick<LibraryReport, 'id' | 'title' | 'date' | 'place'>;

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/u;

/** The year a report is given in, or undefined when neither its date nor its name says. */
export function reportYear(report: Pick<LibraryReport, 'date' | 'title'>): number | undefined {
  const year = report.date?.slice(0, 4);
  if (year !== undefined && /^\d{4}$/u.test(year)) return Number(year);
  const titled = TITLE_YEAR.exec(report.title)?.[1];
  return titled === undefined ? undefined : Number(titled);
}

/** `海曙区` and `宁波市海曙区` are one place; `海曙区` and `江北区` are not. */
export function samePlace(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  // The shorter must be a whole name (`曙区` is no place), and the longer the same place in its city.
  return (
    shorter === longer ||
    (shorter.length >= 3 &&
      /(?:省|市|州|盟|自治区)$/u.test(longer.slice(0, -shorter.length)) &&
      longer.endsWith(shorter))
  );
}

/** Kinds of report, by the words their names use; the first that matches wins. */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['government', /政府工作报告/u],
  ['court', /法院工作报告/u],
  ['procuratorate', /检察院工作报告/u],
  ['congress', /人大常委会工作报告|人民代表大会常务委员会工作报告/u],
  ['consultative', /政协.{0,8}工作报告/u],
  ['budget', /预算/u],
  ['plan', /计划/u],
];

export function reportKind(title: string): string | undefined {
  return KINDS.find(([, words]) => words.test(title))?.[0];
}

function sameKind(a: string, b: string): boolean {
  const [kindA, kindB] = [reportKind(a), reportKind(b)];
  return kindA === undefined || kindB === undefined || kindA === kindB;
}

export interface YearNeighbours<R extends Neighbour = Neighbour> {
  /** Last year's report: its targets are answered by this one's results. */
  previous?: R;
  /** Next year's report: its results answer this one's targets. */
  next?: R;
}

/** The same place's reports of the year before and after `report`'s, among `shelf` (in shelf order). */
export function yearNeighbours<R extends Neighbour>(
  report: Neighbour,
  shelf: readonly R[],
): YearNeighbours<R> {
  const year = reportYear(report);
  if (year === undefined || report.place === undefined) return {};
  const ofYear = (wanted: number) =>
    shelf.find(
      (other) =>
        other.id !== report.id &&
        reportYear(other) === wanted &&
        samePlace(report.place, other.place) &&
        sameKind(report.title, other.title),
    );
  const previous = ofYear(year - 1);
  const next = ofYear(year + 1);
  return { ...(previous && { previous }), ...(next && { next }) };
}
