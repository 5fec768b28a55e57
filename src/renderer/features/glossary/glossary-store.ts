/**
 * The glossary as the interface uses it: every term's entry (the report's,
 * and the reader's own), the marked occurrences in the text, which one's
 * popover is open, where each row of the 名词解释 panel is, and the draft of
 * a term of the reader's own. The popovers and the panel share this one
 * state, so only one popover is ever open.
 */
import type { ReportDocument } from '../../../shared/document';
import type { UserTerm } from '../../../shared/user-data';
import { Store } from '../../store';
import type { UserDataStore } from '../../user-data/user-data-store';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { occurrenceKey, type OccurrenceRef, type TermEntry } from './glossary-popover';
import { clearUserTerms, markUserTerms } from './term-marks';
import { userTermEntries, type TermDraft } from './user-terms';

export interface TermAnchor extends OccurrenceRef {
  key: string;
  element: HTMLElement;
}

/** What showing a term does to the rest of the reader. */
export interface GlossaryNavigation {
  /** The sidebar covers the text when open (narrow windows): a jump from it takes focus along. */
  sidebarCoversText(): boolean;
  /** After a jump from the panel: e.g. close a sidebar that covers the text. */
  afterJump(): void;
  /** An entry the body never uses: its appendix entry is shown instead. */
  showBlock(block: string): void;
}

interface GlossaryState {
  entries: TermEntry[];
  anchors: TermAnchor[];
  /** The occurrence whose popover is open. */
  openKey: string | null;
  /** Which occurrence each entry's row in the panel is at. */
  panelAt: ReadonlyMap<string, number>;
  /** The form for a term of the reader's own, while it is open. */
  draft: TermDraft | null;
}

const NO_MARKS = '[]';

/** The marked terms in the pane: pre-rendered by report-html.ts, or marked by term-marks.ts. */
function findAnchors(pane: HTMLElement): TermAnchor[] {
  return [...pane.querySelectorAll<HTMLElement>('[data-glossary]')].map((element) => {
    const ref = {
      entry: element.dataset.glossary ?? '',
      index: Number(element.dataset.occurrence ?? 0),
    };
    return { ...ref, key: occurrenceKey(ref), element };
  });
}

export function reportEntries(document: ReportDocument): TermEntry[] {
  return document.glossary.map((entry) => ({ ...entry, source: 'report' }));
}

export class GlossaryStore extends Store<GlossaryState> {
  private readonly report: TermEntry[];
  /** The reader's terms last marked, and where: marks change only when the places do. */
  private terms: readonly UserTerm[] | null = null;
  // The pre-rendered page has none of the reader's marks: nothing to redo at start.
  private marked: string | null = NO_MARKS;

  constructor(
    private readonly pane: HTMLElement,
    private readonly document: ReportDocument,
    private readonly userData: UserDataStore,
    private readonly navigation: GlossaryNavigation,
    private readonly addNotice: (message: string) => void,
  ) {
    const report = reportEntries(document);
    super({
      entries: report,
      anchors: findAnchors(pane),
      openKey: null,
      panelAt: new Map(),
      draft: null,
    });
    this.report = report;
  }

  /** Marks the reader's terms in the text, now and whenever they change; answers the stop. */
  attach(): () => void {
    this.followTerms();
    const stop = this.userData.subscribe(() => this.followTerms());
    return () => {
      stop();
      clearUserTerms(this.pane);
      this.terms = null;
      this.marked = null;
    };
  }

  private followTerms(): void {
    const { terms } = this.userData.data;
    if (terms === this.terms) return;
    this.terms = terms;
    const mine = userTermEntries(
      terms,
      this.document.blocks,
      this.document.glossary.flatMap((entry) => entry.occurrences),
    );
    const entries = [...this.report, ...mine];
    // Only when the places change: a new definition must not replace the very
    // element whose popover is open.
    const places = JSON.stringify(mine.map((entry) => [entry.id, entry.occurrences]));
    if (places === this.marked) return this.set({ entries });
    this.marked = places;
    markUserTerms(this.pane, mine);
    // The marks are DOM just made: the list can only be read now.
    this.set({ entries, anchors: findAnchors(this.pane) });
  }

  readonly setOpenKey = (next: string | null | ((current: string | null) => string | null)): void =>
    this.set({ openKey: typeof next === 'function' ? next(this.getSnapshot().openKey) : next });

  /**
   * Scrolls to an occurrence and opens its popover; focuses it unless told not
   * to (stepping from the panel keeps focus on the panel's buttons).
   */
  readonly show = (ref: OccurrenceRef, { focus = true }: { focus?: boolean } = {}): void => {
    const key = occurrenceKey(ref);
    const anchor = this.getSnapshot().anchors.find((candidate) => candidate.key === key);
    if (!anchor) return;
    const range = document.createRange();
    range.selectNodeContents(anchor.element);
    scrollRangeIntoView(this.pane, range);
    this.set({ openKey: key });
    if (focus) anchor.element.focus({ preventScroll: true });
  };

  /** From a panel row; `step` from its 上一处/下一处, which keep focus so they can be pressed again. */
  readonly showFromPanel = (id: string, index: number, step = false): void => {
    const entry = this.getSnapshot().entries.find((candidate) => candidate.id === id);
    if (!entry) return;
    this.set({ panelAt: new Map(this.getSnapshot().panelAt).set(id, index) });
    if (entry.occurrences.length === 0) {
      if (entry.block) this.navigation.showBlock(entry.block);
    } else {
      this.show({ entry: id, index }, { focus: !step || this.navigation.sidebarCoversText() });
    }
    this.navigation.afterJump();
  };

  /** Opens the form for a new term, with the selected phrase (if any) filled in. */
  readonly startAdd = (phrase: string): void => {
    const { terms, readOnly, readOnlyReason } = this.userData.data;
    if (readOnly) return this.addNotice(readOnlyReason ?? '数据文件只能查看，不能添加注释。');
    const existing = terms.find((term) => term.term === phrase);
    this.set({ draft: existing ? { ...existing } : { term: phrase, definition: '' } });
  };

  readonly startEdit = (id: string): void => {
    const { terms, readOnly } = this.userData.data;
    const term = terms.find((candidate) => candidate.id === id);
    if (term && !readOnly)
      this.set({ draft: { id: term.id, term: term.term, definition: term.definition } });
  };

  /** Saves the draft; answers an error message, or null when saved. */
  readonly saveDraft = async (next: TermDraft): Promise<string | null> => {
    const saved = await this.userData.saveTerm({
      ...(next.id !== undefined && { id: next.id }),
      term: next.term.trim(),
      definition: next.definition.trim(),
    });
    // On failure the user-data store has already said why, in a notice.
    return saved ? null : '未能保存，原因见页面上方的提示。';
    // On success the form closes itself (so the browser hands focus back), then calls closeDraft().
  };

  readonly closeDraft = (): void => this.set({ draft: null });

  readonly removeTerm = (id: string): void => void this.userData.deleteTerm(id);
}
