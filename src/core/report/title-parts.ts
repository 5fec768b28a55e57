/**
 * Where a report's title may break across lines: between the places it
 * names, the body it is of and 工作报告, never inside a word. Left to
 * itself, a balanced title of fourteen characters breaks at the seventh,
 * and 宁波市海曙区人民法院工作报告 read 「宁波市海曙区人／民法院工作报告」.
 */

/** A title this short fits one line (the title shrinks to keep to one): no parts. */
const ONE_LINE = 8;
/** A place at the title's start: 宁波市, 海曙区, 浙江省, 鄞州区, 某某自治县. */
const PLACE = /^[\u4e00-\u9fff]{2,6}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|区|旗)/u;
const YEAR = /^\d{4}年(?:度)?/u;
/** What the title ends with: the kind of report. */
const KIND = /(?:工作报告|报告)(?:[（(][^）)]*[）)])?$/u;

/** The title's parts, each to be kept on one line; one part for a title that needs no breaks. */
export function titleParts(title: string): string[] {
  if ([...title].length <= ONE_LINE) return [title];
  const parts: string[] = [];
  let rest = title;
  const year = YEAR.exec(rest);
  if (year) {
    parts.push(year[0]);
    rest = rest.slice(year[0].length);
  }
  for (
    let place = PLACE.exec(rest);
    place && place[0].length < rest.length;
    place = PLACE.exec(rest)
  ) {
    parts.push(place[0]);
    rest = rest.slice(place[0].length);
  }
  const kind = KIND.exec(rest);
  if (kind && kind.index > 0) {
    parts.push(rest.slice(0, kind.index), kind[0]);
  } else if (rest !== '') {
    parts.push(rest);
  }
  return parts;
}
