/** The 名词解释 panel's rows, as plain data (tested under Node). */
import { positionLabel, type TermEntry, type TermSource } from './glossary-popover';

export interface PanelRow {
  id: string;
  source: TermSource;
  /** `隐形冠军、单打冠军` for an entry that defines two terms. */
  label: string;
  definition: string;
  count: number;
  /** The occurrence the row's button shows, 0-based; stepping moves it. */
  index: number;
  /** `第 k/N 处`, or null when the body never uses the term. */
  position: string | null;
  canStepBack: boolean;
  canStepOn: boolean;
}

export function panelRows(entries: TermEntry[], current: ReadonlyMap<string, number>): PanelRow[] {
  return entries.map((entry) => {
    const count = entry.occurrences.length;
    const index = Math.min(Math.max(current.get(entry.id) ?? 0, 0), Math.max(count - 1, 0));
    return {
      id: entry.id,
      source: entry.source,
      label: entry.terms.join('、'),
      definition: entry.definition,
      count,
      index,
      position: count === 0 ? null : positionLabel(index, count),
      canStepBack: index > 0,
      canStepOn: index < count - 1,
    };
  });
}
