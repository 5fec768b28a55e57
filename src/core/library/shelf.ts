/**
 * What the shelf says about a report, read from its text: where it was given
 * and the name it is listed under. Pure, tested under Node.
 *
 * Most reports are titled just 政府工作报告: a shelf of them would read the
 * same five times. Until the reader renames it, a report is listed as its
 * year, place and title (`2018年海曙区政府工作报告`), each left out when the
 * title already says it or the text does not.
 */
import type { ReportDocument } from '../../shared/document';
import type { LibraryReport, LibraryView } from '../../shared/library';
import { MAX_TITLE_LENGTH } from '../../shared/library';

/** An administrative place name, ending as such names do. */
const PLACE = '([\\u4e00-\\u9fff]{1,12}?(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟|州))';

const PLACE_PATTERNS = [
  // 在海曙区第十一届人民代表大会…, 在某区第三届人民代表大会…
  new RegExp(`在${PLACE}第[一二三四五六七八九十百零\\d]+届`, 'u'),
  // 武昌区人民政府区长, 某区人民法院院长
  new RegExp(`^${PLACE}(?:人民政府|人民法院|人民检察院|人大常委会|政协|发展和改革)`, 'u'),
  // 关于某区2018年国民经济…
  new RegExp(`^关于${PLACE}`, 'u'),
];

/** Where the report was given (`海曙区`), from its occasion, speaker or title. */
export function reportPlace(
  document: Pick<ReportDocument, 'occasion' | 'speaker' | 'title'>,
): string | undefined {
  for (const text of [document.occasion, document.speaker, document.title]) {
    if (text === undefined) continue;
    for (const pattern of PLACE_PATTERNS) {
      const place = pattern.exec(text)?.[1];
      if (place !== undefined) return place;
    }
  }
  return undefined;
}

/** The name a report is listed under until the reader renames it. */
export function shelfTitle(
  document: Pick<ReportDocument, 'occasion' | 'speaker' | 'title' | 'date'>,
): string {
  const title = document.title.trim() || '未命名报告';
  return withPlaceAndYear(title, reportPlace(document), document.date?.slice(0, 4)).slice(
    0,
    MAX_TITLE_LENGTH,
  );
}

/** `2018年海曙区政府工作报告` from `政府工作报告`: the place and year put first, each unless the name says it. */
export function withPlaceAndYear(name: string, place?: string, year?: string): string {
  let named = name;
  if (place !== undefined && place !== '' && !named.includes(place)) named = `${place}${named}`;
  if (year !== undefined && !named.includes(year)) named = `${year}年${named}`;
  return named;
}

/** The shelf's order: the bundled report first, then the latest added first. */
export function shelfOrder(reports: readonly LibraryReport[]): LibraryReport[] {
  return [...reports].sort((a, b) => {
    if (a.bundled !== b.bundled) return a.bundled ? -1 : 1;
    return b.added.localeCompare(a.added) || a.id.localeCompare(b.id);
  });
}

/** The library as the interface shows it: on the shelf, removed, and the report to open first. */
export function libraryView(reports: readonly LibraryReport[], bundledId: string): LibraryView {
  const shelf = shelfOrder(reports.filter((report) => report.removed === undefined));
  const removed = reports
    .filter((report) => report.removed !== undefined)
    .sort((a, b) => (b.removed ?? '').localeCompare(a.removed ?? ''));
  const opened = shelf
    .filter((report) => report.opened !== undefined)
    .sort((a, b) => (b.opened ?? '').localeCompare(a.opened ?? ''));
  return { reports: shelf, removed, last: opened[0]?.id ?? bundledId };
}

/** The reports of 最近打开: the latest opened first, at most `limit`. */
export function recentReports(reports: readonly LibraryReport[], limit = 10): LibraryReport[] {
  return reports
    .filter((report) => report.removed === undefined && report.opened !== undefined)
    .sort((a, b) => (b.opened ?? '').localeCompare(a.opened ?? ''))
    .slice(0, limit);
}
