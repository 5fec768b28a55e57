/**
 * The names of the files the reader exports (发言提纲, 批注 JSON, 数说报告
 * and 目标兑现 CSV, 修订对照, the PDF): the report as the 书架 lists it, so
 * that files from several reports in one meeting folder tell themselves
 * apart (`2018年海曙区政府工作报告-批注.json`, never `批注-政府工作报告`).
 * Safe on Windows, macOS and Linux, and short enough for every file system.
 * Pure: the page, main and the CLI name their files with it.
 */
import type { Edition, LibraryReport } from '../../shared/library';
import { cleanNamePart, fitBeside, safeFileName } from '../file-name';
import { editionName } from './edition-name';
import { withPlaceAndYear } from './shelf';

/** What names a report's exports: its entry on the 书架 (a renamed report keeps its new name). */
export type NamedReport = Pick<LibraryReport, 'title'> &
  Partial<Pick<LibraryReport, 'place' | 'date' | 'occasion'>>;

/** The longest an edition's own name grows in a 修订对照 file name, either side of the arrow. */
const EDITION_TAG_LENGTH = 24;

const SESSION =
  /第([一二三四五六七八九十百零〇\d]+)届.*?第([一二三四五六七八九十百零〇\d]+)次(?:全体)?会议/u;

/**
 * `十一届人大二次会议` from `在海曙区第十一届人民代表大会第二次会议上`: the
 * meeting, in the short form delegates write it, or undefined.
 */
export function sessionOf(occasion: string | undefined): string | undefined {
  const found = occasion === undefined ? null : SESSION.exec(occasion);
  if (occasion === undefined || found === null) return undefined;
  const [, term, sitting] = found;
  const short = occasion.includes('人民代表大会')
    ? '人大'
    : occasion.includes('政治协商') || occasion.includes('政协')
      ? '政协'
      : '';
  return `${term}届${short}${sitting}次会议`;
}

/** A report's name in three parts: only `title` is ever cut to fit. */
interface StemParts {
  readonly before: string;
  readonly title: string;
  readonly after: string;
}

/**
 * The report's part of the name: its name on the 书架 with its place and
 * year where that name does not say them; a report of no known year says
 * its meeting instead, where its occasion names one.
 */
function stemParts(report: NamedReport): StemParts {
  const title = report.title.trim() || '未命名报告';
  const year = /^\d{4}/.exec(report.date ?? '')?.[0];
  const named = withPlaceAndYear(title, report.place, year);
  const before = named.slice(0, named.length - title.length);
  const session = sessionOf(report.occasion);
  const after =
    !/\d{4}/.test(named) && session !== undefined && !named.includes(session)
      ? `（${session}）`
      : '';
  return { before, title, after };
}

export function reportFileStem(report: NamedReport): string {
  const { before, title, after } = stemParts(report);
  return before + title + after;
}

/**
 * The report's part of a file name that ends in `tail` (`-批注.json`,
 * `.pdf`), cut to fit beside it: only the title is cut, never the place,
 * the year or the meeting, nor a dot or space left where the cut fell.
 */
function fittedStem(report: NamedReport, tail: string): string {
  const { before, title, after } = stemParts(report);
  const lead = cleanNamePart(before + title).replace(/^[.\s]+/, '');
  const cut = fitBeside(lead, cleanNamePart(after) + tail).replace(/[.\s]+$/, '');
  return cut === '' ? '报告' : cut + cleanNamePart(after);
}

/**
 * `2018年海曙区政府工作报告-批注.json`; `detail` follows the kind
 * (`…-修订对照-初稿→终稿.md`); no kind for the report itself (`….pdf`).
 * When it is too long, the report's title is cut, never the kind or the extension.
 */
export function exportFileName(
  report: NamedReport,
  kind: string,
  extension: string,
  detail?: string,
): string {
  const tail =
    cleanNamePart(
      [kind, detail]
        .filter(Boolean)
        .map((part) => `-${part}`)
        .join(''),
    ) + `.${extension}`;
  return safeFileName(fittedStem(report, tail) + tail, `报告${tail}`);
}

/**
 * The report's PDF without its `.pdf`: the print dialog's title (the browser
 * adds the extension) and main's save dialog both name the PDF with it, so
 * the `.pdf` counts in its bounds (120 characters, 240 bytes with it).
 */
export function pdfFileStem(report: NamedReport): string {
  return exportFileName(report, '', 'pdf').slice(0, -'.pdf'.length);
}

/** An edition's file name without its extension (`终稿` for `终稿.docx`). */
const stemOf = (edition: Pick<Edition, 'bundled' | 'fileName'>) =>
  editionName(edition)
    .replace(/\.[^.]{1,8}$/u, '')
    .trim();

/**
 * `初稿→终稿`: which two editions a 修订对照 compares, by their files'
 * names; an edition whose name another edition of the report shares (every
 * edition sent as `报告.pdf`) is called by its place among them, `第2版`,
 * so no two comparisons of one report get the same file name.
 */
export function editionPairName(
  report: Pick<LibraryReport, 'editions'>,
  oldVersion: string,
  newVersion: string,
): string {
  const stems = report.editions.map(stemOf);
  const tag = (version: string) => {
    const at = report.editions.findIndex((edition) => edition.id === version);
    if (at < 0) return version.slice(0, 8);
    const stem = stems[at];
    const shared = stems.filter((other) => other === stem).length > 1;
    return stem === '' || shared
      ? `第${at + 1}版`
      : [...stem].slice(0, EDITION_TAG_LENGTH).join('');
  };
  return `${tag(oldVersion)}→${tag(newVersion)}`;
}
