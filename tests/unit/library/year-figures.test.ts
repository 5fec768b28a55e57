/**
 * `getYearFigures`: a report's results of the year before it and targets of
 * its own year, answered by the services for any report on the shelf (the
 * 数说报告 panel asks it of the neighbouring year's report), validated as
 * every per-report call is.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { fulfilment } from '../../../src/core/figures/fulfilment';
import { HAISHU_2019 } from '../figures/two-years';
import { makeTempDir } from '../storage/helpers';
import { ok, openLibrary, refused, utf8, removeLibraryDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('library-year-figures');
});
afterEach(() => removeLibraryDir(dir));

describe('getYearFigures', () => {
  it('answers for the bundled report and for a report added to the shelf', async () => {
    const { handlers } = await openLibrary(dir);
    const bundled = ok(await handlers.getYearFigures({ report: BUNDLED_REPORT_ID }));
    expect(bundled.targets.find((figure) => figure.text === '7%')).toMatchObject({
      indicator: '地区生产总值',
      change: 'increase',
      qualifier: '左右',
      period: 'target',
    });
    expect(bundled.targets.filter((figure) => figure.stretch)).toHaveLength(3);
    expect(bundled.results.every((figure) => figure.period === 'result')).toBe(true);

    const added = ok(await handlers.addReport({ fileName: '2019.txt', bytes: utf8(HAISHU_2019) }));
    const next = ok(await handlers.getYearFigures({ report: added.report.id }));
    expect(next.results.find((figure) => figure.text === '6.3%')?.indicator).toBe('生产总值');
    // What the panel makes of the two.
    const gdp = fulfilment(bundled.targets, next.results)[0];
    expect([gdp.target.text, gdp.result.text, gdp.verdict]).toEqual(['7%', '6.3%', 'missed']);
  });

  it('refuses what names no report on the shelf', async () => {
    const { handlers } = await openLibrary(dir);
    expect(refused(await handlers.getYearFigures({ report: 'a1b2c3d4e5f6a7b8' }))).toBeTruthy();
    expect(refused(await handlers.getYearFigures({ report: '../x' }))).toMatch(/getYearFigures/);
    expect(refused(await handlers.getYearFigures(undefined))).toMatch(/getYearFigures/);
  });
});
