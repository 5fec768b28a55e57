/**
 * Extraction gives exactly the output it gave before it was tuned for speed:
 * every figure of the bundled report, field by field, and every figure of the
 * bench's 100× corpus by hash (fixtures/output-snapshot.json, generated from
 * main's code; see output-digest.ts).
 */
import { describe, expect, it } from 'vitest';
import { figuresOf, report } from './helpers';
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

describe('extraction order that the corpus does not exercise', () => {
  it('a figure sharing the group of a list takes the list’s indicator as printed, not its split part', () => {
    // Lists are split as they end, no longer at the end of the block: the
    // split must come after the next figure has read the list's last one.
    const { figures } = figuresOf(
      report('2018年1月10日', '某区', [
        '一、2017年工作回顾',
        '土地流转率、规模经营率分别达80%、50%，同比提高5个百分点。',
      ]),
    );
    expect(figures.map((f) => [f.text, f.indicator, f.change])).toEqual([
      ['80%', '土地流转率', undefined],
      ['50%', '规模经营率', undefined],
      ['5个百分点', '土地流转率、规模经营率', 'increase'],
    ]);
  });
});
