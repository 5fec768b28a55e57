/**
 * Dates as reports print them: `2018年2月7日`, `2018 年 2 月 7 日`,
 * full-width digits, or in Chinese numerals (`二〇一八年二月七日`, `二O一八年…`).
 */

// A year in Chinese numerals is often typed with a letter O or a digit 0 for 〇 (`二O一九`).
const YEAR = '[0-9０-９]{4}|[〇零○OＯ0０一二三四五六七八九]{4}';
const SMALL = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
const DATE_SOURCE = `(${YEAR})\\s*年\\s*(${SMALL})\\s*月\\s*(${SMALL})\\s*日`;
const DATE = new RegExp(DATE_SOURCE, 'u');
// A line that is only a date, maybe in brackets: `（2019年1月8日）`, or only a
// year and month, as a draft's cover prints it (`二〇一九年一月`).
const DATE_LINE = new RegExp(
  `^[（(]?\\s*(?:${DATE_SOURCE}|(?:${YEAR})\\s*年\\s*(?:${SMALL})\\s*月)\\s*[）)]?$`,
  'u',
);

const HAN_DIGITS = '〇一二三四五六七八九';

function digitValue(char: string): number {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 48;
  if (char >= '０' && char <= '９') return char.charCodeAt(0) - 0xff10;
  if (char === '零' || char === '○' || char === 'O' || char === 'Ｏ') return 0;
  return HAN_DIGITS.indexOf(char);
}

/** `2018`, `二〇一八` → 2018. */
function yearValue(text: string): number {
  return [...text].reduce((value, char) => value * 10 + digitValue(char), 0);
}

/** `7`, `０７`, `七`, `十`, `十二`, `二十`, `二十七` → the number. */
function smallValue(text: string): number {
  if (!text.includes('十'))
    return [...text].reduce((value, char) => value * 10 + digitValue(char), 0);
  const [tens, ones] = text.split('十');
  return (tens === '' ? 1 : digitValue(tens)) * 10 + (ones === '' ? 0 : digitValue(ones));
}

/** The first real calendar date in `text` as `YYYY-MM-DD`, or undefined. */
export function findDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [yearValue(match[1]), smallValue(match[2]), smallValue(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a line that is only a date. */
export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}
