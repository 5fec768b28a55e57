/**
 * A 批注 file of another report, chosen by mistake from a meeting folder
 * of several reports' exports: before, its notes were filed under 未能定位
 * with 报告原文已修改 (the text had not changed: the file was another
 * report's). Now it is refused, naming the report, unless its words are in
 * this text (a draft added as a report of its own), where it is taken and
 * the import says where the notes came from.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentText } from '../../../src/core/report/doc-text';
import { BUNDLED_REPORT_ID } from '../../../src/shared/library';
import { makeTempDir } from '../storage/helpers';
import { BUNDLED, ok, openLibrary, refused, utf8, removeLibraryDir } from './helpers';

const COURT = [
  '宁波市海曙区人民法院工作报告',
  '——2019年1月10日在宁波市海曙区第十一届人民代表大会第三次会议上',
  '各位代表：',
  '现在，我代表宁波市海曙区人民法院向大会报告工作，请予审议。',
  '一、2018年工作回顾',
  '2018年，全院共受理各类案件28356件，审执结27104件。审结刑事案件1203件，判处罪犯1456人。',
].join('\n\n');

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('import-another');
});
afterEach(() => removeLibraryDir(dir));

async function annotate(
  services: Awaited<ReturnType<typeof openLibrary>>,
  report: string,
  text: string,
  quote: string,
) {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  ok(
    await services.handlers.createAnnotation({
      report,
      start,
      end: start + quote.length,
      color: 'c2',
      note: '问这个数',
    }),
  );
}

describe('importing another report’s 批注 file', () => {
  it('is refused, naming that report, when none of its notes’ words are here; nothing changes', async () => {
    const services = await openLibrary(dir);
    const { report } = ok(
      await services.handlers.addReport({ fileName: '法院.txt', bytes: utf8(COURT) }),
    );
    const court = ok(await services.handlers.getDocument({ report: report.id }));
    await annotate(services, report.id, documentText(court.blocks).text, '判处罪犯1456人');
    const file = ok(
      await services.handlers.exportAnnotations({ report: report.id, format: 'json' }),
    ).content;

    const error = refused(
      await services.handlers.importAnnotations({ report: BUNDLED_REPORT_ID, content: file }),
    );
    expect(error).toBe(
      '这是《宁波市海曙区人民法院工作报告》的批注文件，本报告中找不到其中任何一条批注的原文：请打开那份报告后再导入。',
    );
    const notes = ok(await services.handlers.getUserData({ report: BUNDLED_REPORT_ID }));
    expect(notes.annotations).toEqual([]);
    // Into its own report it imports as ever (the same notes: unchanged).
    const back = ok(
      await services.handlers.importAnnotations({ report: report.id, content: file }),
    );
    expect(back).toEqual({ added: 0, updated: 0, unchanged: 1, orphans: 0 });
  });

  it('is taken where its words are here, and says where the notes came from', async () => {
    const services = await openLibrary(dir);
    const { report } = ok(
      await services.handlers.addReport({ fileName: '法院.txt', bytes: utf8(COURT) }),
    );
    const court = ok(await services.handlers.getDocument({ report: report.id }));
    const courtText = documentText(court.blocks).text;
    // Words both reports hold, and words only the court's does.
    await annotate(services, report.id, courtText, '各位代表：');
    await annotate(services, report.id, courtText, '判处罪犯1456人');
    const file = ok(
      await services.handlers.exportAnnotations({ report: report.id, format: 'json' }),
    ).content;
    expect(documentText(BUNDLED.blocks).text).toContain('各位代表：');

    const answer = ok(
      await services.handlers.importAnnotations({ report: BUNDLED_REPORT_ID, content: file }),
    );
    expect(answer).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      orphans: 1,
      from: '宁波市海曙区人民法院工作报告',
    });
  });
});
