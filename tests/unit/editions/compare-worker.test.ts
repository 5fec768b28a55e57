/**
 * 修订对照 off the calling thread: the worker answers what the calling thread
 * would, names figures as 数说报告 does, keeps the calling thread's event loop
 * turning at 100× (two 1.2-million-character editions), and is stopped by
 * its bounds.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { kindCounts } from '../../../src/core/editions/changes-markdown';
import { compareEditions } from '../../../src/core/editions/compare';
import {
  compareEditionsInWorker,
  EditionCompareError,
} from '../../../src/services/editions/compare-in-worker';
import { BOOKMARKS, NEW, NOTES, OLD, repeated } from './fixtures';

const MARKS = { annotations: Object.values(NOTES), bookmarks: Object.values(BOOKMARKS) };

describe('compareEditionsInWorker', () => {
  it('answers what the calling thread would, touched changes first', async () => {
    const inWorker = await compareEditionsInWorker(OLD, NEW, MARKS);
    expect(inWorker).toEqual(compareEditions(OLD, NEW, MARKS));
    expect(inWorker.oldVersion).toBe(OLD.version);
    expect(inWorker.newVersion).toBe(NEW.version);
    expect(kindCounts(inWorker.changes)).toEqual([
      '改动 3',
      '新增段落 1',
      '删除段落 1',
      '段落移动 1',
    ]);
    expect(inWorker.touchedChanges).toBe(6);
    expect(inWorker.changes[0].figure).toEqual({
      label: '地区生产总值',
      before: '1164.48亿元',
      after: '1164.50亿元',
    });
    const figure = inWorker.changes[0].touched.map((mark) => [mark.id, mark.note]);
    expect(figure).toEqual([['a-figure', '核对统计公报']]);
  });

  it('names a changed rate with its indicator and direction', async () => {
    const raised = {
      ...OLD,
      version: 'raised',
      blocks: OLD.blocks.map((block) => ({
        ...block,
        text: block.text.replace(
          '地区生产总值1164.48亿元，同比增长6.3%',
          '地区生产总值1164.48亿元，同比增长6.5%',
        ),
      })),
    };
    const { changes } = await compareEditionsInWorker(OLD, raised, {
      annotations: [],
      bookmarks: [],
    });
    expect(changes.map((change) => change.figure)).toEqual([
      { label: '地区生产总值 增长', before: '6.3%', after: '6.5%' },
    ]);
  });

  it('at 100×, the calling thread keeps turning while the worker compares', async () => {
    const old = repeated(OLD, 100);
    const revised = repeated(NEW, 100);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    let turns = 0;
    let comparing = true;
    // Each turn is one pass of this thread's event loop: none could run while
    // the comparison held the thread.
    const turn = () => {
      turns++;
      if (comparing) setImmediate(turn);
    };
    delay.enable();
    const done = compareEditionsInWorker(old, revised, MARKS).finally(() => {
      comparing = false;
    });
    setImmediate(turn);
    const comparison = await done;
    delay.disable();
    expect(kindCounts(comparison.changes)).toEqual([
      '改动 300',
      '新增段落 100',
      '删除段落 100',
      '段落移动 100',
    ]);
    expect(comparison.changes).toHaveLength(600);
    // The notes sit on the first copy: its six changes touch them.
    expect(comparison.touchedChanges).toBe(6);
    expect(turns).toBeGreaterThan(100);
    console.info(
      `100× in a worker: ${turns} event-loop turns on the calling thread meanwhile, ` +
        `its longest delay ${(delay.max / 1e6).toFixed(1)} ms`,
    );
    // A worker's start and two 1.2-million-character editions: seconds on a busy machine.
  }, 60_000);

  it('is stopped at its time limit, with a reason the reader can read', async () => {
    const error = await compareEditionsInWorker(OLD, NEW, MARKS, { timeoutMs: 1 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EditionCompareError);
    expect((error as Error).message).toMatch(/限定时间/);
  });

  it('stops when its caller gives up', async () => {
    const controller = new AbortController();
    const comparing = compareEditionsInWorker(OLD, NEW, MARKS, { signal: controller.signal });
    controller.abort(new Error('换了报告'));
    await expect(comparing).rejects.toThrow('换了报告');
  });
});
