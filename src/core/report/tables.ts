/**
 * Tables as a text conversion leaves them in a 预算报告 or a 计划报告's
 * appendix: a row per line with its cells spaced apart
 * (`地区生产总值  亿元  1180.5  1263.1  7`), or, from a Word table or a PDF,
 * a cell per line under a caption (`表1 …收入预算表`, `单位：万元`). Joined as
 * prose, the cells ran together and two figures read as one
 * (`891,200` + `945,000` → `891,200945,000`), so each row is kept apart.
 */
import { startsNumberedBlock } from './headings';

/** `表1 2019年…预算表`, `表一：…`, `单位：万元`: a line that names a table or its unit. */
export const TABLE_CAPTION =
  /^(?:表\s*[\d一二三四五六七八九十]{1,3}(?:[\s：:．.、]|$)|单位\s*[：:])/u;

// A quick look for any gap wide enough, so prose lines skip the loop.
const WIDE_GAP = /[ \u3000\t]{2}|\t/u;
const CELL_MAX = 20;
// A cell never holds a clause or sentence mark; a label cell is short.
const PROSE_MARK = /[，。；！？：:、]/u;
// `891,200`, `6.0`, `-2.5`, `105.3%`, and `—` for an empty cell.
const NUMBER_CELL = /^(?:[-+－]?[\d０-９][\d０-９,，.．]*\s*[%％‰]?|[—–\-－]+)$/u;

/**
 * True for a line that is a table row: at least three cells, set apart by
 * two or more spaces or a tab. A loop, not a regex: `\S {2,}\S` backtracks
 * over every split of a long run of spaces.
 */
export function isTableRow(fragment: string): boolean {
  if (!WIDE_GAP.test(fragment)) return false;
  let gaps = 0;
  let run = 0;
  let tab = false;
  for (const char of fragment) {
    if (char === ' ' || char === '\u3000' || char === '\t') {
      run++;
      tab ||= char === '\t';
      continue;
    }
    if (run >= 2 || tab) gaps++;
    if (gaps >= 2) return true;
    run = 0;
    tab = false;
  }
  return false;
}

function isCell(fragment: string): boolean {
  return (
    fragment.length <= CELL_MAX &&
    !PROSE_MARK.test(fragment) &&
    !TABLE_CAPTION.test(fragment) &&
    !isTableRow(fragment) &&
    (NUMBER_CELL.test(fragment) || !startsNumberedBlock(fragment))
  );
}

/**
 * The cells that follow a caption, a cell per line, as rows (each row's cells
 * joined by two spaces), and the index after the last cell. The header names
 * the columns: the label cells before the first figure are the header's and
 * the first row's label, so there is one column fewer than them. A table
 * whose cells do not fill whole rows is kept as one row. No rows when the
 * lines are not a table (no figure among them).
 */
export function readCellTable(
  fragments: string[],
  from: number,
  to: number,
): {
  rows: string[];
  end: number;
} {
  let end = from;
  let firstNumber = -1;
  while (end < to && isCell(fragments[end])) {
    if (firstNumber < 0 && NUMBER_CELL.test(fragments[end])) firstNumber = end - from;
    end++;
  }
  const cells = fragments.slice(from, end);
  if (firstNumber < 2 || cells.length < 4) return { rows: [], end: from };
  const columns = firstNumber - 1;
  if (cells.length % columns !== 0) return { rows: [cells.join('  ')], end };
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns).join('  '));
  return { rows, end };
}
