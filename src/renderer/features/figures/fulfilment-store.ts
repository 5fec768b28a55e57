/**
 * 目标兑现 for the report on screen: which reports on the shelf are the same
 * place's of the year before and after (core/library/year-neighbours.ts),
 * their year figures asked of main (`getYearFigures`, once per report), and
 * the view of each. Followed while the 数说报告 panel shows, so a report
 * added to the shelf meanwhile brings its section in. Outside React, tested
 * under Node.
 */
import type { Result } from '../../../shared/api';
import type { YearFigures } from '../../../shared/figures';
import type { LibraryReport } from '../../../shared/library';
import { yearNeighbours } from '../../../core/library/year-neighbours';
import { Store, type Subscribable } from '../../store';
import type { FulfilmentView, NeighbourRole } from './fulfilment-view';

export interface NeighbourSection {
  role: NeighbourRole;
  neighbour: LibraryReport;
  status: 'loading' | 'ready' | 'failed';
  /** Why the neighbour's figures could not be read. */
  error?: string;
  view?: FulfilmentView;
}

interface FulfilmentState {
  /** Last year's report's section first, then next year's. */
  sections: readonly NeighbourSection[];
}

export interface FulfilmentSources {
  /** The report on screen, as the shelf listed it when it opened. */
  own: LibraryReport;
  /** Its own year figures, from the figures the panel extracted (once their code is in). */
  ownFigures(): YearFigures | Promise<YearFigures>;
  /** The shelf as it is now. */
  shelf: Subscribable & { readonly reports: readonly LibraryReport[] };
  /** Another report's year figures, from main. */
  fetch(report: string): Promise<Result<YearFigures>>;
}

const ROLES: readonly NeighbourRole[] = ['previous', 'next'];

export class FulfilmentStore extends Store<FulfilmentState> {
  private readonly asked = new Map<string, Promise<Result<YearFigures>>>();
  private ownFigures: Promise<YearFigures> | null = null;

  constructor(private readonly sources: FulfilmentSources) {
    super({ sections: [] });
  }

  /** Finds the neighbours now and whenever the shelf changes; answers the stop. */
  attach(): () => void {
    this.update();
    return this.sources.shelf.subscribe(() => this.update());
  }

  /** Every section with rows, for the CSV and for paper. */
  get shown(): FulfilmentView[] {
    return this.getSnapshot()
      .sections.map((section) => section.view)
      .filter((view): view is FulfilmentView => view !== undefined && view.rows.length > 0);
  }

  private update(): void {
    const { shelf, own } = this.sources;
    // The shelf's entry is the newer one (a report renamed since it opened).
    const entry = shelf.reports.find((report) => report.id === own.id) ?? own;
    const found = yearNeighbours(entry, shelf.reports);
    const before = this.getSnapshot().sections;
    const sections = ROLES.flatMap((role): NeighbourSection[] => {
      const neighbour = found[role];
      if (neighbour === undefined) return [];
      const kept = before.find(
        (section) => section.role === role && section.neighbour.id === neighbour.id,
      );
      if (kept && kept.neighbour.title === neighbour.title) return [kept];
      void this.load(entry, neighbour, role);
      return [{ role, neighbour, status: 'loading' }];
    });
    const same =
      sections.length === before.length &&
      sections.every((section, index) => section === before[index]);
    if (!same) this.set({ sections });
  }

  private async load(own: LibraryReport, neighbour: LibraryReport, role: NeighbourRole) {
    let asked = this.asked.get(neighbour.id);
    if (asked === undefined) {
      asked = this.sources.fetch(neighbour.id);
      this.asked.set(neighbour.id, asked);
    }
    const answer = await asked;
    if (!answer.ok) this.asked.delete(neighbour.id);
    let made: NeighbourSection;
    if (!answer.ok) {
      made = { role, neighbour, status: 'failed', error: answer.error };
    } else {
      try {
        // The views' code comes with the panel's, not with the first bundle.
        const [{ fulfilmentView }, ownFigures] = await Promise.all([
          import('./fulfilment-view'),
          (this.ownFigures ??= Promise.resolve(this.sources.ownFigures())),
        ]);
        const view = fulfilmentView(own, ownFigures, neighbour, answer.value, role);
        made = { role, neighbour, status: 'ready', view };
      } catch (error) {
        this.ownFigures = null;
        made = { role, neighbour, status: 'failed', error: (error as Error).message };
      }
    }
    const sections = this.getSnapshot().sections.map((section) =>
      section.role === role && section.neighbour === neighbour ? made : section,
    );
    this.set({ sections });
  }
}
