/** The 修订对照 change list as Markdown, for the meeting folder, made from what the view holds. */
import { comparisonMarkdown, type ReportHeading } from '../../../core/editions/changes-markdown';
import type { ExportedFile } from '../../../shared/api';
import type { EditionComparison } from '../../../shared/editions';
import type { HighlightColor } from '../../../shared/user-data';
import { exportFileName } from '../../ui/download';

export function changesFile(
  comparison: EditionComparison,
  report: ReportHeading,
  colorNames: Record<HighlightColor, string>,
  options: { now?: Date; editionNames?: { old: string; new: string } } = {},
): ExportedFile {
  const now = options.now ?? new Date();
  return {
    fileName: exportFileName('修订对照', report.title, 'md', now),
    mimeType: 'text/markdown;charset=utf-8',
    content: comparisonMarkdown(comparison, report, {
      colorNames,
      now,
      ...(options.editionNames && { editionNames: options.editionNames }),
    }),
  };
}
