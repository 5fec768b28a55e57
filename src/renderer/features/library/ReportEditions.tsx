/**
 * A report's editions on the 书架: each with the file it came from and the
 * day it was added, the current one marked. Any of them can be read (an
 * earlier one read-only), and each compared with the one before it.
 */
import type { LibraryReport } from '../../../shared/library';
import { useReader } from '../../app/context';
import { editionLabel } from '../editions/edition-names';

export function ReportEditions({ report }: { report: LibraryReport }) {
  const { shelf } = useReader();
  // Latest first: the one a delegate most likely wants.
  const editions = [...report.editions].reverse();
  return (
    <ol className="shelf-editions" aria-label={`《${report.title}》的版本`}>
      {editions.map((edition) => {
        const index = report.editions.indexOf(edition);
        const before = index > 0 ? report.editions[index - 1].id : undefined;
        const current = edition.id === report.edition;
        const open = { ...(!current && { edition: edition.id }) };
        return (
          <li key={edition.id} className="shelf-edition" data-edition={edition.id}>
            <span className="shelf-edition-name">
              第 {index + 1} 版 · {editionLabel(report, edition)}
            </span>
            <span className="button-row">
              <button
                type="button"
                className="tool-button"
                aria-label={`阅读第 ${index + 1} 版${current ? '' : '（只读）'}`}
                onClick={() => void shelf.open(report.id, open)}
              >
                {current ? '阅读' : '阅读（只读）'}
              </button>
              {before !== undefined && (
                <button
                  type="button"
                  className="tool-button"
                  aria-label={`第 ${index + 1} 版与第 ${index} 版对照`}
                  onClick={() => void shelf.open(report.id, { ...open, compareWith: before })}
                >
                  与上一版对照
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
