/**
 * Shared pieces of the figures tests: the bundled report parsed once, and
 * finding a figure by the text it covers.
 */
import { parseReport, parseReportBytes } from '../../../src/core/report/parse-report';
import { extractFigures } from '../../../src/core/figures/extract';
import type { Figure } from '../../../src/core/figures/figure';
import type { ReportDocument } from '../../../src/shared/document';
import { reportBytes } from '../report/helpers';

export const REPORT: ReportDocument = parseReportBytes(reportBytes());
export const FIGURES: Figure[] = extractFigures(REPORT);

export const blockText = (document: ReportDocument, id: string): string => {
  const block = document.blocks.find((candidate) => candidate.id === id);
  if (block === undefined) throw new Error(`no block ${id}`);
  return block.text;
};

/** The figures of a report written out as text. */
export function figuresOf(source: string): { document: ReportDocument; figures: Figure[] } {
  const document = parseReport(source);
  return { document, figures: extractFigures(document) };
}

/** The `nth` figure (from 0) whose text is `text`, in block `block` if given. */
export function figureAt(
  figures: Figure[],
  text: string,
  block?: string,
  nth = 0,
): Figure | undefined {
  return figures.filter((f) => f.text === text && (block === undefined || f.block === block))[nth];
}

/** Whether some figure of `block` overlaps any occurrence of `text` in that block's text. */
export function overlapsFigure(
  document: ReportDocument,
  figures: Figure[],
  block: string,
  text: string,
): boolean {
  const source = blockText(document, block);
  let from = source.indexOf(text);
  if (from === -1) throw new Error(`"${text}" is not in ${block}`);
  for (; from !== -1; from = source.indexOf(text, from + 1)) {
    const to = from + text.length;
    if (figures.some((f) => f.block === block && f.start < to && f.end > from)) return true;
  }
  return false;
}

/**
 * A small report in the plain-text layout the parser reads: title block,
 * salutation, then the given sections (`一、…` headings and paragraphs).
 */
export function report(date: string, place: string, sections: string[]): string {
  return [
    '政府工作报告',
    '',
    `${date}在${place}第十届人民代表大会第三次会议上`,
    '',
    '区长 王某某',
    '',
    '各位代表：',
    '',
    '现在，我代表区人民政府向大会报告工作，请予审议。',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}
