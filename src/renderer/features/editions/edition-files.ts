/** The 修订对照 change list as Markdown, for the meeting folder, made from what the view holds. */
import { comparisonMarkdown, type ReportHeading } from '../../../core/editions/changes-markdown';
import type { ExportedFile } from '../../../shared/api';
import type { EditionComparison } from '../../../shared/editions';
import type { HighlightColor } from '../../../shared/user-data';
import { editionPairName, exportFileName } from '../../../core/library/export-name';
import type { LibraryReport } from '../../../shared/library';

/**
 * Named for the report as the 书架 lists it and the two editions compared
 * (`2018年海曙区政府工作报告-修订对照-初稿→终稿.md`), so each comparison has a file of its own.
 */
export function changesFile(
  comparison: EditionComparison,
  report: ReportHeading,
  colorNames: Record<HighlightColor, string>,
  options: {
    now?: Date;
    editionNames?: { old: string; new: string };
    /** The report's entry on the 书架: its name, and its editions' names. */
    entry: Pick<LibraryReport, 'title' | 'place' | 'date' | 'occasion' | 'editions'>;
  },
): ExportedFile {
  const now = options.now ?? new Date();
  const { entry } = options;
  const { oldVersion, newVersion } = comparison;
  return {
    fileName: exportFileName(
      entry,
      '修订对照',
      'md',
      editionPairName(entry, oldVersion, newVersion),
    ),
    mimeType: 'text/markdown;charset=utf-8',
    content: comparisonMarkdown(comparison, report, {
      colorNames,
      now,
      ...(options.editionNames && { editionNames: options.editionNames }),
    }),
  };
}
