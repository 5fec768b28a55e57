/**
 * The 数说报告 panel's state: the table (extracted from the open report the
 * first time it is asked for, then kept), the filter, the order, and the
 * figure marked in the text. Outside React, so the panel opened again costs
 * only its render, and tested under Node. The extraction code is a chunk of
 * its own (figure-table.ts and core/figures), fetched by `load()` when the
 * panel or an export first needs it: the store itself is made at start.
 */
import { figureId, type Figure } from '../../../core/figures/figure';
import type { FigureSelection } from '../../../core/figures/select';
import type { ReportDocument } from '../../../shared/document';
import { Store } from '../../store';
import type { BlockSpan } from '../reading/block-ranges';
import type { SidebarStore } from '../sidebar/sidebar-store';
import { nextSort, READING_ORDER, type FigureSort, type SortColumn } from './figure-sort';
import type { FigureRow, FigureTable } from './figure-table';

type Extraction = typeof import('./figure-table');
/** The extraction code once it is in: the same module for every report's store. */
let extraction: Extraction | null = null;

/**
 * Fetches the extraction code, not before it is needed (the figures' code is
 * a third of the app's own): with the panel's chunk (app/parts.tsx), so a
 * panel drawn after the idle prefetch extracts at once, in its first frame.
 */
export function loadExtraction(): Promise<Extraction> {
  return import('./figure-table').then((module) => (extraction = module));
}

interface FiguresState {
  selection: FigureSelection;
  sort: FigureSort;
  /** The id of the figure marked in the text, if any. */
  current: string | null;
}

/** What a jump from the panel needs of the text and the sidebar. */
export interface FigureNavigation {
  /** Marks the figure and scrolls to it; false when it is not in the text. */
  mark(span: BlockSpan): boolean;
  unmark(): void;
  /** True while the sidebar covers the text (narrow windows): it closes after a jump. */
  coversText(): boolean;
  /** Closes the sidebar over the text and gives the block focus, so the reader lands there. */
  landOn(block: string): void;
}

/** What an arrival needs of the sidebar: whether it sits beside the text, and the panel. */
export type ArrivalSidebar = Pick<SidebarStore, 'getSnapshot' | 'choose'>;

export class FiguresStore extends Store<FiguresState> {
  private loading: Promise<FigureTable> | null = null;
  private built: FigureTable | null = null;
  private shown: { state: FiguresState; rows: FigureRow[] } | null = null;

  constructor(
    private readonly document: ReportDocument,
    private readonly navigation: FigureNavigation,
  ) {
    super({ selection: {}, sort: READING_ORDER, current: null });
  }

  /**
   * The table once the extraction code is in, extracted then: the same
   * promise every time (React's `use` suspends the panel on it). A chunk
   * that failed to load is asked for again on the next call.
   */
  load(): Promise<FigureTable> {
    this.loading ??= loadExtraction().then(
      () => this.table(),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  /** The report's figures as rows: extracted on the first call once the code is in, then kept. */
  table(): FigureTable {
    if (!extraction) throw new Error('数说报告尚未载入');
    this.built ??= extraction.figureTableOf(this.document);
    return this.built;
  }

  /** The table now if its code is in (extracted on the spot the first time), else null: then `load()`. */
  tableIfLoaded(): FigureTable | null {
    return extraction ? this.table() : null;
  }

  /** Whether the figures have been extracted yet. */
  get extracted(): boolean {
    return this.built !== null;
  }

  /** The rows the filter keeps, in the chosen order: the same array until either changes. After `load()`. */
  readonly visibleRows = (): FigureRow[] => {
    const state = this.getSnapshot();
    const { shown } = this;
    if (shown && shown.state.selection === state.selection && shown.state.sort === state.sort) {
      return shown.rows;
    }
    const all = this.table().rows;
    const rows = extraction!.visibleRows(all, state.selection, state.sort);
    this.shown = { state, rows };
    return rows;
  };

  /** Changes part of the filter; `undefined` for a field lets every figure through on it. */
  readonly select = (patch: FigureSelection): void => {
    const selection = { ...this.getSnapshot().selection, ...patch };
    for (const key of Object.keys(selection) as (keyof FigureSelection)[]) {
      if (selection[key] === undefined || selection[key] === '') delete selection[key];
    }
    this.set({ selection });
  };

  readonly sortBy = (column: SortColumn): void => {
    this.set({ sort: nextSort(this.getSnapshot().sort, column) });
  };

  /** Jumps to a figure in the text and marks it there. */
  readonly choose = (figure: Pick<Figure, 'block' | 'start' | 'end'>): void => {
    const covering = this.navigation.coversText();
    if (!this.navigation.mark({ block: figure.block, start: figure.start, end: figure.end })) {
      this.set({ current: null });
      return;
    }
    this.set({ current: figureId(figure) });
    if (covering) this.navigation.landOn(figure.block);
  };

  /**
   * The report was opened at one of its figures (from 目标兑现 in the other
   * year's report): where the sidebar is open beside the text, it shows this
   * panel (its 目标兑现 holds the row the reader came from); the figure is
   * marked and its paragraph takes focus, the button that opened it being gone.
   */
  arrive(figure: Pick<Figure, 'block' | 'start' | 'end'>, sidebar: ArrivalSidebar): void {
    const { wide, open } = sidebar.getSnapshot();
    if (wide && open) sidebar.choose('figures');
    this.choose(figure);
    if (this.getSnapshot().current !== null) this.navigation.landOn(figure.block);
  }

  readonly clearMark = (): void => {
    this.navigation.unmark();
    this.set({ current: null });
  };
}
