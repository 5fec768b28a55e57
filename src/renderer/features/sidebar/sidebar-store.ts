/**
 * The sidebar: whether it is open, whether it sits beside the text (wide) or
 * over it (narrow), which panel shows, and where focus goes when it opens or
 * closes.
 */
import type { Slots } from '../../app/slots';
import { readViewCache, writeViewCache } from '../../app/view-cache';
import { Store } from '../../store';
import { findBlock } from '../reading/scroll';

export type PanelId = 'toc' | 'glossary' | 'annotations' | 'bookmarks' | 'figures' | 'editions';

/** Below this width the sidebar covers the text instead of sitting beside it. */
const WIDE_LAYOUT = '(min-width: 960px)';

/** Beside the text (wide) it opens as the reader last left it; over the text (narrow), closed. */
const openFor = (wide: boolean) => wide && (readViewCache().tocOpen ?? true);

/**
 * The panel the reader last chose, kept by the app across switches of
 * report: 数说报告 open on one report is open on the next. 修订 is not
 * carried: it shows a comparison, which the next report has not got.
 */
export class ChosenPanel {
  panel: PanelId = 'toc';
}

interface SidebarState {
  wide: boolean;
  open: boolean;
  panel: PanelId;
  /** True when the sidebar was just opened by a command: its panel takes focus. */
  focusInto: boolean;
}

export class SidebarStore extends Store<SidebarState> {
  constructor(
    private readonly slots: Slots,
    chosen: ChosenPanel = new ChosenPanel(),
  ) {
    const wide = window.matchMedia(WIDE_LAYOUT).matches;
    const panel = chosen.panel === 'editions' ? 'toc' : chosen.panel;
    super({ wide, open: openFor(wide), panel, focusInto: false });
    this.subscribe(() => {
      chosen.panel = this.getSnapshot().panel;
    });
  }

  /** Follows the window's width and shows the state on #reader-app; answers the stop. */
  attach(): () => void {
    const query = window.matchMedia(WIDE_LAYOUT);
    const onChange = () => this.set({ wide: query.matches, open: openFor(query.matches) });
    const show = () => {
      const { open } = this.getSnapshot();
      this.slots.reader.classList.toggle('toc-open', open);
      this.slots.reader.classList.toggle('toc-closed', !open);
    };
    show();
    const stop = this.subscribe(show);
    query.addEventListener('change', onChange);
    return () => {
      stop();
      query.removeEventListener('change', onChange);
    };
  }

  /** True while the sidebar is open over the text (narrow windows). */
  get coversText(): boolean {
    const { open, wide } = this.getSnapshot();
    return open && !wide;
  }

  readonly toggle = (): void => {
    const { open, wide } = this.getSnapshot();
    // Only a choice made while the sidebar sits beside the text is remembered.
    if (wide) writeViewCache({ tocOpen: !open });
    // Focus inside the sidebar would be lost with it: hand it to the toggle.
    if (open && this.slots.sidebar.contains(document.activeElement)) {
      this.slots.toolbar.querySelector<HTMLElement>('[data-command="toc.toggle"]')?.focus();
    }
    this.set({ open: !open, focusInto: !open });
  };

  /** Opens the sidebar on a panel, or closes it when that panel is already showing. */
  readonly show = (panel: PanelId): void => {
    const { open } = this.getSnapshot();
    if (open && this.getSnapshot().panel === panel) return this.toggle();
    // Focus in the panel going away (a 批注's 编辑, then b) would fall to the page's start
    // with it: the panel coming takes it, as one the command opened does.
    if (open && this.slots.sidebar.contains(document.activeElement)) {
      this.set({ panel, focusInto: true });
    } else this.set({ panel });
    if (!open) this.toggle();
  };

  readonly choose = (panel: PanelId): void => this.set({ panel });

  /** The query of the search run last, to tell a new search from the next keystroke of one. */
  private searched = '';

  /**
   * A search was typed: its results are on the 目录 tab, so an open sidebar
   * showing another panel turns to it. A closed one stays closed: the box
   * says 共 N 处 and Enter steps through them, as a find bar does; but not
   * for a search of every report (`everyReport`), whose hits in other
   * reports nothing but the list shows: a new search opens the sidebar on
   * its results (over the text in a narrow window), focus left in the box.
   * Closed again, it stays closed while the reader types on.
   */
  readonly showSearch = (query: string, everyReport = false): void => {
    const starting = this.searched.trim() === '';
    this.searched = query;
    if (query.trim() === '') return;
    if (everyReport && starting) this.showResults();
    else if (this.getSnapshot().open) this.showResults();
  };

  /** Opens the sidebar (or turns it) on the 目录 tab, where a search's results are, leaving focus where it is. */
  readonly showResults = (): void => {
    const { open, panel } = this.getSnapshot();
    if (!open || panel !== 'toc') this.set({ open: true, panel: 'toc', focusInto: false });
  };

  readonly focusDone = (): void => this.set({ focusInto: false });

  /** After a jump from the sidebar: over the text, it would hide what it jumped to. */
  readonly closeIfCovering = (): void => {
    if (!this.getSnapshot().wide) this.set({ open: false });
  };

  /**
   * After a jump that marked a place in the text (a figure, a change): the
   * sidebar over the text closes, and the paragraph gets the focus the
   * sidebar took away with it, so the reader lands there.
   */
  readonly landOn = (block: string): void => {
    this.closeIfCovering();
    findBlock(this.slots.pane, block)?.focus({ preventScroll: true });
  };
}
