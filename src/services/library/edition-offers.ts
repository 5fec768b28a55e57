/**
 * Files read and offered as another edition of a report, held in main's
 * memory until the reader answers (answerEditionOffer): the file need not be
 * sent or read again, and a renderer never names a path. A few are held at
 * once, each for a while; an offer not answered by then is let go, and the
 * reader opens the file again.
 */
import { randomUUID } from 'node:crypto';
import type { EditionOffer } from '../../shared/library';
import type { ReadReportFile } from './add-report';
import type { ReportMatch } from './edition-match';

/** Offers held at once: the oldest is let go for a new one. */
const HELD = 3;
const HELD_MS = 15 * 60_000;

export interface HeldFile {
  file: ReadReportFile;
  /** The report it was offered as an edition of. */
  report: string;
}

export class EditionOffers {
  private readonly held = new Map<string, HeldFile & { timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly heldMs = HELD_MS) {}

  hold(file: ReadReportFile, match: ReportMatch): EditionOffer {
    const token = randomUUID();
    const timer = setTimeout(() => this.drop(token), this.heldMs);
    // Holding a file never keeps the process alive.
    timer.unref?.();
    this.held.set(token, { file, report: match.report.id, timer });
    for (const old of this.held.keys()) {
      if (this.held.size <= HELD) break;
      this.drop(old);
    }
    return {
      token,
      fileName: file.fileName,
      evidence: match.evidence,
      shared: Math.round(match.shared * 1000) / 1000,
    };
  }

  /** The file held under `token`, no longer held; undefined when it was let go. */
  take(token: string): HeldFile | undefined {
    const entry = this.held.get(token);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.held.delete(token);
    return { file: entry.file, report: entry.report };
  }

  /** Lets a file go unanswered: its worker, still building the index, is stopped. */
  private drop(token: string): void {
    this.take(token)?.file.stop.abort();
  }

  get size(): number {
    return this.held.size;
  }
}
