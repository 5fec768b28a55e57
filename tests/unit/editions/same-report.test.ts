/**
 * Another edition of a report on the shelf, or a report of its own: the same
 * title and occasion, or most of the text in the same sentences. Another
 * district's report built from the same phrases is never taken for one.
 */
import { describe, expect, it } from 'vitest';
import {
  editionOf,
  meetingOf,
  SAME_TEXT_SHARE,
  sharedText,
} from '../../../src/core/editions/same-report';
import { parseReport } from '../../../src/core/report/parse-report';
import { generateReport } from '../../support/generated-reports';
import { hardWrap, NEW, OLD, RAW, relayout } from './fixtures';

describe('editionOf', () => {
  it('takes the revised text for another edition: same title and occasion', () => {
    expect(editionOf(NEW, OLD)).toEqual({ evidence: 'title', shared: expect.any(Number) });
    expect(editionOf(NEW, OLD)!.shared).toBeGreaterThan(0.95);
  });

  it('takes a draft under another title, without its occasion, for one by its text', () => {
    const draft = { ...NEW, title: '关于2018年政府工作的报告', occasion: undefined };
    expect(editionOf(draft, OLD)).toMatchObject({ evidence: 'text' });
  });

  it('reads the title without an edition’s label: （征求意见稿） is the same report', () => {
    const draft = { ...OLD, title: `${OLD.title}（征求意见稿）`, blocks: OLD.blocks.slice(0, 3) };
    expect(editionOf(draft, OLD)).toMatchObject({ evidence: 'title' });
  });

  it('layout never matters', () => {
    for (const raw of [relayout(RAW), hardWrap(RAW, 37)]) {
      const document = { ...parseReport(raw), title: '另一个标题', occasion: undefined };
      expect(sharedText(document, OLD)).toBeGreaterThan(0.99);
    }
  });

  it('another district’s report, made of the same phrases, is a report of its own', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const other = {
        title: OLD.title,
        occasion: '在某区人民代表大会上',
        blocks: generateReport(OLD.blocks, seed),
      };
      expect(editionOf(other, OLD), `seed ${seed}`).toBeUndefined();
      expect(sharedText(other, OLD)).toBeLessThan(SAME_TEXT_SHARE);
    }
  });

  it('the same title for another meeting (next year’s report) is not an edition by its title', () => {
    const nextYear = {
      title: OLD.title,
      occasion: '2019年1月在海曙区第十一届人民代表大会第三次会议上',
      blocks: generateReport(OLD.blocks, 3),
    };
    expect(editionOf(nextYear, OLD)).toBeUndefined();
  });

  it('next year’s report, even word for word the same but for its meeting, is a report of its own', () => {
    const nextYear = { ...NEW, occasion: OLD.occasion!.replace('第二次会议', '第三次会议') };
    expect(sharedText(nextYear, OLD)).toBeGreaterThan(0.95);
    expect(editionOf(nextYear, OLD)).toBeUndefined();
    // The same meeting written otherwise (full-width digits, spaces, 全体会议) is the same meeting.
    const spaced = { ...NEW, occasion: OLD.occasion!.replace('第二次会议', '第 2 次全体会议') };
    expect(meetingOf(spaced.occasion)).toBe('十一届2次');
    expect(meetingOf(OLD.occasion)).toBe('十一届二次');
    // A draft without an occasion says nothing about its meeting: its text decides.
    expect(editionOf({ ...NEW, occasion: undefined }, OLD)).toMatchObject({ evidence: 'text' });
  });

  it('an empty document is an edition of nothing', () => {
    expect(editionOf({ title: '', blocks: [] }, OLD)).toBeUndefined();
    expect(sharedText({ title: '', blocks: [] }, OLD)).toBe(0);
  });
});
