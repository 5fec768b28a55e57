import { describe, expect, it } from 'vitest';
import { anchorTarget } from '../../../src/core/annotations/anchor';
import { targetFor } from '../../../src/core/annotations/selectors';
import { parseReportBytes } from '../../../src/core/report/parse-report';
import { documentText } from '../../../src/core/report/doc-text';
import type { TextTarget } from '../../../src/shared/user-data';
import { mulberry32 } from '../../support/random';
import { reportBytes } from '../report/helpers';

const report = parseReportBytes(reportBytes());
const text = documentText(report.blocks).text;

function targetOf(quote: string, occurrence = 0): TextTarget {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: ${quote} not in the report`);
  return targetFor(text, at, at + quote.length, report.version);
}

const edit = (source: string, at: number, remove: number, insert: string) =>
  source.slice(0, at) + insert + source.slice(at + remove);

describe('anchoring against the unchanged report', () => {
  it('puts a fresh target exactly where it was made', () => {
    const target = targetOf('污水零直排区');
    expect(anchorTarget(text, target)).toEqual({
      status: 'exact',
      start: target.position!.start,
      end: target.position!.end,
    });
  });

  it('anchors random ranges exactly, across paragraph breaks too', () => {
    const random = mulberry32(5);
    for (let i = 0; i < 300; i++) {
      const start = Math.floor(random() * (text.length - 200));
      const end = start + 1 + Math.floor(random() * 199);
      const anchor = anchorTarget(text, targetFor(text, start, end, report.version));
      expect(anchor).toEqual({ status: 'exact', start, end });
    }
  });
});

describe('re-anchoring in a revised text', () => {
  it('follows a quote moved by text inserted before it', () => {
    const target = targetOf('民生实事');
    const revised = edit(text, 100, 0, '（修订版新增的一句话。）');
    const anchor = anchorTarget(revised, target);
    expect(anchor.status).toBe('exact');
    if (anchor.status === 'orphan') return;
    expect(anchor.start).toBe(target.position!.start + '（修订版新增的一句话。）'.length);
    expect(revised.slice(anchor.start, anchor.end)).toBe('民生实事');
  });

  it('uses the context to choose among repeated quotes when positions no longer agree', () => {
    // 月湖 occurs more than once; the second one, after an insertion that shifts everything.
    const count = text.split('月湖').length - 1;
    expect(count).toBeGreaterThan(1);
    const target = targetOf('月湖', 1);
    const revised = edit(text, 0, 0, '月湖月湖');
    const anchor = anchorTarget(revised, target);
    expect(anchor.status).toBe('exact');
    if (anchor.status === 'orphan') return;
    expect(anchor.start).toBe(target.position!.start + 4);
  });

  it('finds a long quote again after a one-character correction, as fuzzy', () => {
    const quote = text.slice(2000, 2060);
    const target = targetFor(text, 2000, 2060, report.version);
    const revised = edit(text, 2030, 1, '（更正）');
    const anchor = anchorTarget(revised, target);
    expect(anchor.status).toBe('fuzzy');
    if (anchor.status === 'orphan') return;
    expect(Math.abs(anchor.start - 2000)).toBeLessThanOrEqual(1);
    expect(Math.abs(anchor.end - (2060 + 3))).toBeLessThanOrEqual(1);
    expect(revised.slice(anchor.start, anchor.end)).toContain(quote.slice(0, 20));
  });

  it('makes an orphan of a quote that was deleted, never guessing other text', () => {
    const target = targetOf('污水零直排区');
    const at = target.position!.start;
    // Remove the whole sentence around it.
    const from = text.lastIndexOf('。', at) + 1;
    const to = text.indexOf('。', at) + 1;
    let revised = edit(text, from, to - from, '');
    // Every other mention goes too, so nothing exact is left to find.
    revised = revised.split('污水零直排').join('治水');
    expect(anchorTarget(revised, target)).toEqual({ status: 'orphan' });
  });

  it('makes an orphan of a short quote whose words and context both changed', () => {
    const target = targetOf('创新券');
    const at = target.position!.start;
    const revised = edit(
      text,
      at - 20,
      46,
      '这一段已经整段改写成了完全不同的内容，和原来没有任何关系了。',
    );
    const rest = revised.split('创新券').join('科技券');
    expect(anchorTarget(rest, target)).toEqual({ status: 'orphan' });
  });

  it('anchors a quote-only target (as Hypothesis exports) by quote and context', () => {
    const full = targetOf('月湖', 1);
    const quoteOnly: TextTarget = { quote: full.quote };
    expect(anchorTarget(text, quoteOnly)).toEqual({
      status: 'exact',
      start: full.position!.start,
      end: full.position!.end,
    });
  });

  it('treats an empty quote as an orphan', () => {
    const target: TextTarget = {
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    };
    expect(anchorTarget(text, target)).toEqual({ status: 'orphan' });
  });

  it('survives random edits elsewhere: every target stays on its own words', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 60; i++) {
      const start = 500 + Math.floor(random() * (text.length - 1000));
      const end = start + 6 + Math.floor(random() * 60);
      const target = targetFor(text, start, end, report.version);
      // An edit well before the range: the words are unchanged, only shifted.
      const at = Math.floor(random() * (start - 100));
      const insert = '增补'.repeat(1 + Math.floor(random() * 5));
      const revised = edit(text, at, 0, insert);
      const anchor = anchorTarget(revised, target);
      expect(anchor).toEqual({
        status: 'exact',
        start: start + insert.length,
        end: end + insert.length,
      });
    }
  });
});
