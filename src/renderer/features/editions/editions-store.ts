/**
 * The 修订对照 view's state: the comparison on show (changes touching my
 * notes first), the change marked in the text, and whether the redline marks
 * every change in the reading view. Outside React, tested under Node; the
 * text is reached through an EditionNavigation.
 *
 * Jumps and the redline need the new edition's text on screen: a comparison
 * whose new edition is not the one shown is listed, never marked in the
 * wrong text.
 */
import type { Result } from '../../../shared/api';
import type { ComparedChange, EditionChange, EditionComparison } from '../../../shared/editions';
import { Store } from '../../store';

/** Where comparisons come from: main, comparing an earlier edition with the one on screen. */
export interface ComparisonSource {
  compare(against: string): Promise<Result<EditionComparison>>;
  /** Says a comparison that failed. */
  failed(message: string): void;
}

export interface EditionNavigation {
  /** Marks the change in the text and scrolls to it; answers its paragraph, or null when it is not there. */
  mark(change: EditionChange): string | null;
  unmark(): void;
  /** Marks every change given in the reading view, or none (null). */
  redline(changes: readonly EditionChange[] | null): void;
  /** True while the sidebar covers the text (narrow windows): it closes after a jump. */
  coversText(): boolean;
  /** Closes the sidebar over the text and gives the paragraph focus. */
  landOn(block: string): void;
}

interface EditionsState {
  comparison: EditionComparison | null;
  /** The comparison's new edition is the one on screen. */
  onScreen: boolean;
  /** The id of the change marked in the text. */
  current: string | null;
  redline: boolean;
  /** A comparison is being made (main's worker is at it). */
  comparing: boolean;
  /** The dialog choosing the two editions to compare is open. */
  choosing: boolean;
}

export class EditionsStore extends Store<EditionsState> {
  constructor(
    /** The version of the edition on screen (ReportDocument.version). */
    private readonly version: string,
    private readonly navigation: EditionNavigation,
    private readonly source?: ComparisonSource,
  ) {
    super({
      comparison: null,
      onScreen: false,
      current: null,
      redline: false,
      comparing: false,
      choosing: false,
    });
  }

  /** Counts clears: a comparison that arrives after one (the reader went to another text) is dropped. */
  private cleared = 0;

  get comparison(): EditionComparison | null {
    return this.getSnapshot().comparison;
  }

  /** Whether there are changes to step through and mark. */
  get navigable(): boolean {
    const { comparison, onScreen } = this.getSnapshot();
    return onScreen && comparison !== null && comparison.changes.length > 0;
  }

  /** Shows a comparison: nothing marked yet; the redline, if on, redrawn for it. */
  readonly show = (comparison: EditionComparison): void => {
    this.navigation.unmark();
    const onScreen = comparison.newVersion === this.version;
    this.set({ comparison, onScreen, current: null });
    this.drawRedline();
  };

  readonly clear = (): void => {
    this.cleared++;
    this.navigation.unmark();
    this.navigation.redline(null);
    this.set({
      comparison: null,
      onScreen: false,
      current: null,
      redline: false,
      comparing: false,
    });
  };

  /** Compares the edition `against` with the one on screen and shows it; false when it failed. */
  readonly compareWith = async (against: string): Promise<boolean> => {
    if (!this.source) return false;
    const ticket = this.cleared;
    this.set({ comparing: true, choosing: false });
    const answer = await this.source.compare(against);
    if (ticket !== this.cleared) return false;
    this.set({ comparing: false });
    if (!answer.ok) {
      this.source.failed(`修订对照没能完成：${answer.error}`);
      return false;
    }
    this.show(answer.value);
    return true;
  };

  readonly openChooser = (): void => this.set({ choosing: true });
  readonly closeChooser = (): void => this.set({ choosing: false });

  /**
   * Jumps to a change in the text and marks it; its paragraph takes the focus
   * when the sidebar covers the text, or when asked to `land` there.
   */
  readonly choose = (id: string, { land = false }: { land?: boolean } = {}): void => {
    const change = this.find(id);
    if (change === undefined || !this.getSnapshot().onScreen) return;
    const covering = this.navigation.coversText();
    const block = this.navigation.mark(change);
    this.set({ current: block === null ? null : id });
    if (block !== null && (covering || land)) this.navigation.landOn(block);
  };

  /** Jumps to the list's first change, its paragraph in focus (当前版本改了什么: the reader asked to see what changed). */
  readonly showFirst = (): void => {
    const first = this.getSnapshot().comparison?.changes[0];
    if (first !== undefined) this.choose(first.id, { land: true });
  };

  /** The next (1) or previous (-1) change in the list's order, round the end. */
  readonly step = (by: 1 | -1): void => {
    const { comparison, current } = this.getSnapshot();
    if (!this.navigable || comparison === null) return;
    const { changes } = comparison;
    const at = changes.findIndex((change) => change.id === current);
    const next = at === -1 ? (by === 1 ? 0 : changes.length - 1) : at + by;
    this.choose(changes[(next + changes.length) % changes.length].id);
  };

  /** `k` of `n`: where the marked change is in the list (k is 0 before the first jump). */
  position(): { index: number; total: number } {
    const { comparison, current } = this.getSnapshot();
    const changes = comparison?.changes ?? [];
    return {
      index: changes.findIndex((change) => change.id === current) + 1,
      total: changes.length,
    };
  }

  readonly toggleRedline = (): void => {
    if (!this.navigable && !this.getSnapshot().redline) return;
    this.set({ redline: !this.getSnapshot().redline });
    this.drawRedline();
  };

  readonly clearMark = (): void => {
    this.navigation.unmark();
    this.set({ current: null });
  };

  private find(id: string): ComparedChange | undefined {
    return this.getSnapshot().comparison?.changes.find((change) => change.id === id);
  }

  private drawRedline(): void {
    const { comparison, redline, onScreen } = this.getSnapshot();
    this.navigation.redline(redline && onScreen && comparison ? comparison.changes : null);
  }
}
