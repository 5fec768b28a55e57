/**
 * Which reports on the shelf are the same place's report of the year before
 * and after: by the year of the date (or of the name), the place the shelf
 * read, and the kind of report where both names say it.
 */
import { describe, expect, it } from 'vitest';
import {
  reportKind,
  reportYear,
  samePlace,
  yearNeighbours,
  type Neighbour,
} from '../../../src/core/library/year-neighbours';

const entry = (id: string, fields: Partial<Neighbour>): Neighbour => ({
  id,
  title: '政府工作报告',
  ...fields,
});

const HAISHU_2018 = entry('h2018', {
  title: '2018年海曙区政府工作报告',
  date: '2018-02-07',
  place: '海曙区',
});
const HAISHU_2019 = entry('h2019', {
  title: '2019年海曙区政府工作报告',
  date: '2019-01-15',
  place: '宁波市海曙区',
});
const HAISHU_2017 = entry('h2017', { title: '2017年海曙区政府工作报告', place: '海曙区' });
const JIANGBEI_2019 = entry('j2019', { date: '2019-01-08', place: '江北区' });
const HAISHU_BUDGET_2019 = entry('b2019', {
  title: '关于海曙区2018年预算执行情况和2019年预算草案的报告',
  date: '2019-01-15',
  place: '海曙区',
});

describe('the year of a report', () => {
  it('is its date’s year, else the first 年 of its name', () => {
    expect(reportYear(HAISHU_2018)).toBe(2018);
    expect(reportYear(HAISHU_2017)).toBe(2017);
    expect(reportYear(entry('x', { title: '政府工作报告' }))).toBeUndefined();
  });
});

describe('one place', () => {
  it('is the same name, or the name with its city before it', () => {
    expect(samePlace('海曙区', '海曙区')).toBe(true);
    expect(samePlace('海曙区', '宁波市海曙区')).toBe(true);
    expect(samePlace('浙江省宁波市', '宁波市')).toBe(true);
    expect(samePlace('海曙区', '江北区')).toBe(false);
    expect(samePlace('北京市朝阳区', '长春市朝阳区')).toBe(false);
    // A name that only ends like another: 西湖区 is not 湖区.
    expect(samePlace('湖区', '西湖区')).toBe(false);
    expect(samePlace(undefined, '海曙区')).toBe(false);
  });
});

describe('the kind of report', () => {
  it('is read from its name where it says', () => {
    expect(reportKind('2018年海曙区政府工作报告')).toBe('government');
    expect(reportKind(HAISHU_BUDGET_2019.title)).toBe('budget');
    expect(reportKind('我的材料')).toBeUndefined();
  });
});

describe('the neighbours of a report on the shelf', () => {
  const shelf = [JIANGBEI_2019, HAISHU_BUDGET_2019, HAISHU_2019, HAISHU_2018, HAISHU_2017];

  it('are the same place’s reports of the year before and after, of the same kind', () => {
    expect(yearNeighbours(HAISHU_2018, shelf)).toEqual({
      previous: HAISHU_2017,
      next: HAISHU_2019,
    });
    expect(yearNeighbours(HAISHU_2019, shelf)).toEqual({ previous: HAISHU_2018 });
  });

  it('are none for another place, an unknown place or an unknown year', () => {
    expect(yearNeighbours(JIANGBEI_2019, shelf)).toEqual({});
    expect(yearNeighbours(entry('p', { date: '2019-01-01' }), shelf)).toEqual({});
    expect(yearNeighbours(entry('y', { place: '海曙区' }), shelf)).toEqual({});
  });

  it('take a renamed report that no longer says its kind', () => {
    const renamed = { ...HAISHU_2019, title: '海曙区2019年（大会发）' };
    expect(yearNeighbours(HAISHU_2018, [renamed]).next).toBe(renamed);
  });

  it('take the one listed first when a year has two', () => {
    const again = { ...HAISHU_2019, id: 'h2019-pdf' };
    expect(yearNeighbours(HAISHU_2018, [again, HAISHU_2019]).next).toBe(again);
  });
});
