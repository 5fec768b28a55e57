/**
 * Anchoring's work is bounded whatever a target holds: imported targets are
 * untrusted. Work is counted, never timed: the characters compared while
 * scoring context (the meter anchorTarget fills) and the characters handed
 * to approx-string-match (counted by wrapping the library).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { anchorTarget, type AnchorWork } from '../../../src/core/annotations/anchor';
import { targetFor } from '../../../src/core/annotations/selectors';
import type { TextTarget } from '../../../src/shared/user-data';
import { craftedTarget, noise } from '../../support/crafted-target';
import { DOC, REPORT } from './helpers';

const library = vi.hoisted(() => ({ calls: 0, cells: 0, longestPattern: 0 }));

vi.mock('approx-string-match', async (importOriginal) => {
  const real = (await importOriginal<typeof import('approx-string-match')>()).default;
  return {
    default: (text: string, pattern: string, maxErrors: number) => {
      library.calls++;
      library.cells += text.length * pattern.length;
      library.longestPattern = Math.max(library.longestPattern, pattern.length);
      return real(text, pattern, maxErrors);
    },
  };
});

const text = DOC.text;
const newMeter = (): AnchorWork => ({ scored: 0, compared: 0, searched: 0 });
const edit = (source: string, at: number, remove: number, insert: string) =>
  source.slice(0, at) + insert + source.slice(at + remove);

beforeEach(() => {
  library.calls = 0;
  library.cells = 0;
  library.longestPattern = 0;
});

describe('the work of anchoring one target', () => {
  const occurrences = text.split('，').length - 1;

  it('stays small for the crafted import: `，` everywhere, 200-character contexts', () => {
    expect(occurrences).toBeGreaterThan(500);
    // 32 first: what our own selectors store, and quick to refuse if unbounded.
    for (const [n, contextLength] of [32, ...Array<number>(10).fill(200)].entries()) {
      const meter = newMeter();
      const anchor = anchorTarget(text, craftedTarget(n, contextLength), meter);
      expect(anchor.status).toBe('exact');
      // A cheap look at each occurrence's neighbours, and 8 × 2 × 32 × 36 cells at most.
      expect(meter.compared + library.cells).toBeLessThanOrEqual(100 * occurrences + 20_000);
      // The edit-distance score goes to a shortlist, not to 557 candidates.
      expect(meter.scored).toBeGreaterThan(0);
      expect(meter.scored).toBeLessThanOrEqual(8);
      library.cells = 0;
    }
  });

  it('does not grow with context beyond what our selectors store', () => {
    const target = craftedTarget(1, 200);
    const { prefix, suffix } = target.quote;
    // CONTEXT_LENGTH (32) characters each side, as targetFor and Hypothesis store.
    const trimmed = {
      quote: { ...target.quote, prefix: prefix.slice(-32), suffix: suffix.slice(0, 32) },
    };
    const work = (what: TextTarget) => {
      const meter = newMeter();
      library.cells = 0;
      anchorTarget(text, what, meter);
      return meter.compared + library.cells;
    };
    const stored = work(trimmed);
    expect(stored).toBeGreaterThan(0);
    expect(work(target)).toBe(stored);
  });

  it('still picks the right one of hundreds by its context, after an edit beside it', () => {
    const at = text.indexOf('，', 6000);
    const target = targetFor(text, at, at + 1, REPORT.version);
    // Everything shifts, and a character right next to the quote changes.
    let revised = edit(text, at + 1, 1, '改');
    revised = edit(revised, 50, 0, '（修订版新增的一句话。）');
    const meter = newMeter();
    expect(anchorTarget(revised, target, meter)).toEqual({
      status: 'exact',
      start: at + 12,
      end: at + 13,
    });
    expect(meter.scored).toBeLessThanOrEqual(8);
  });
});

describe('a quote longer than a paragraph', () => {
  const from = 1000;
  const to = 9000;
  const target = targetFor(text, from, to, REPORT.version);

  it('is searched for in pieces, never as one 8 000-character pattern', () => {
    const revised = edit(edit(text, 5000, 1, '改'), 3000, 0, '（新增）');
    const anchor = anchorTarget(revised, { quote: target.quote });
    expect(anchor).toEqual({ status: 'fuzzy', start: from, end: to + 4 });
    expect(library.longestPattern).toBeLessThanOrEqual(1000);
    // Linear in the quote: the text once for the first piece, then short windows.
    expect(library.cells).toBeLessThanOrEqual(text.length * 1000 + (to - from) * 3000);
  });

  it('survives a deleted sentence near its start', () => {
    const revised = edit(text, from + 150, 400, '');
    const anchor = anchorTarget(revised, { quote: target.quote });
    expect(anchor.status).toBe('fuzzy');
    if (anchor.status === 'orphan') return;
    expect(anchor.start).toBeGreaterThanOrEqual(from);
    expect(anchor.start).toBeLessThan(from + 600);
    expect(anchor.end).toBe(to - 400);
  });

  it('is an orphan when its middle was rewritten, though its ends survive', () => {
    const revised = edit(text, 3000, 4000, noise(4000, 7));
    expect(anchorTarget(revised, { quote: target.quote })).toEqual({ status: 'orphan' });
  });
});
