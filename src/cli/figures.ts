/**
 * `figures [FILE] [--csv]`: every figure of a report (default: the bundled
 * one) as JSON, `{ "figures": [...] }` with each figure's block, offsets,
 * text, value, unit, qualifier, indicator, change and period; or with --csv
 * the table a spreadsheet opens (UTF-8 with BOM, formula-safe).
 */
import { figuresCsv } from '../core/figures/csv';
import { extractFigures } from '../core/figures/extract';
import { BUNDLED_REPORT } from '../services/paths';
import { readOptions, SEE_HELP } from './options';
import { readReport } from './read-report';
import { UsageError } from './usage-error';

export const FIGURES_USAGE = `  npm run -s cli -- figures [FILE] [--csv]         报告中的全部数字（默认：内置报告）：JSON，
                                                  或 --csv 输出表格（UTF-8 带 BOM，可直接用 Excel/WPS 打开）`;

export async function figuresCommand(args: string[]): Promise<void> {
  const csv = args.includes('--csv');
  const { positional } = readOptions(
    'figures',
    args.filter((arg) => arg !== '--csv'),
    [],
  );
  if (positional.length > 1) throw new UsageError(`figures 只接受一个文件${SEE_HELP}`);
  const document = await readReport(positional[0] ?? BUNDLED_REPORT);
  const figures = extractFigures(document);
  process.stdout.write(
    csv ? figuresCsv(figures, document) : JSON.stringify({ figures }, null, 2) + '\n',
  );
}
