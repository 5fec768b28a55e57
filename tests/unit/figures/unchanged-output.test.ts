/**
 * Extraction gives exactly the output it gave before it was tuned for speed:
 * every figure of the bundled report, field by field, and every figure of the
 * bench's 100× corpus by hash (fixtures/output-snapshot.json, generated from
 * main's code; see output-digest.ts).
 */
import { describe, expect, it } from 'vitest';
import { outputDigest, readSnapshot } from './output-digest';

describe('extraction output against the snapshot taken before tuning', () => {
  const snapshot = readSnapshot();
  const now = outputDigest();

  it('gives every figure of the bundled report unchanged', () => {
    expect(now.bundled).toEqual(snapshot.bundled);
  });

  it('gives every figure of the 100× corpus unchanged', () => {
    expect(now.hundred.figures).toBe(snapshot.hundred.figures);
    const changed = now.hundred.hashes.findIndex((hash, i) => hash !== snapshot.hundred.hashes[i]);
    // Names the first run of figures that differs, so a failure says where to look.
    expect(changed, `figures from #${changed * now.hundred.chunk} differ`).toBe(-1);
    expect(now.hundred.hashes).toEqual(snapshot.hundred.hashes);
  });
});
