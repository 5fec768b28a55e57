/**
 * The question a file that is another edition of a report puts to the
 * reader: 作为新版本加入, 作为单独的报告, or 取消. One at a time: the add that
 * asks waits for the answer (and files after it wait with it).
 */
import type { EditionChoice, EditionOffer, LibraryReport } from '../../../shared/library';
import { Store } from '../../store';

/** A file read as another edition of a report on the shelf, waiting for the reader's answer. */
export interface PendingOffer {
  offer: EditionOffer;
  /** The report it is offered as an edition of. */
  report: LibraryReport;
}

export type OfferAnswer = EditionChoice | 'cancel';

export class EditionQuestion extends Store<{ pending: PendingOffer | null }> {
  private settle: ((answer: OfferAnswer) => void) | null = null;

  constructor() {
    super({ pending: null });
  }

  /** Shows the question; resolves with the reader's answer. */
  ask(pending: PendingOffer): Promise<OfferAnswer> {
    // A question still open (never, as adds wait for each other) is taken as cancelled.
    this.settle?.('cancel');
    return new Promise((resolve) => {
      this.settle = resolve;
      this.set({ pending });
    });
  }

  readonly answer = (answer: OfferAnswer): void => {
    const settle = this.settle;
    this.settle = null;
    this.set({ pending: null });
    settle?.(answer);
  };
}
