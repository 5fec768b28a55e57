/**
 * 数据摘录: a Markdown section for the 发言提纲 with the figures a delegate
 * chose (the panel's filter), its 目标 vs 实绩 table first, then every figure
 * under its level-1 section with the citation the 发言提纲 uses (`一（一）第1段`).
 */
import type { ReportDocument } from '../../shared/document';
import { locationLabel, sectionPath } from '../report/location';
import { changeWord, formatQuantity, PERIOD_LABELS, type Figure } from './figure';
import { targetPairs } from './pairs';

/** Backslash before every ASCII mark Markdown could read as markup; text from a report is untrusted. */
const markdownText = (text: string) => text.replace(/[\\`*_[\]{}<>|#!~]/g, '\\$&');

export interface ExcerptOptions {
  /** The heading's level: 2 under the 发言提纲's title, as its sections are. */
  level?: number;
}

export function dataExcerpt(
  figures: readonly Figure[],
  document: Pick<ReportDocument, 'blocks' | 'outline'>,
  options: ExcerptOptions = {},
): string {
  const level = options.level ?? 2;
  const heading = (depth: number, title: string) => `${'#'.repeat(level + depth)} ${title}`;
  const order = new Map(document.blocks.map((block, index) => [block.id, index]));
  const cite = (figure: Figure) =>
    locationLabel(document.blocks, document.outline, order, figure.block);
  const quantity = (figure: Figure) =>
    markdownText(
      [figure.change && changeWord(figure.change), formatQuantity(figure)]
        .filter(Boolean)
        .join(' '),
    );

  const out = [heading(0, '数据摘录'), ''];
  if (figures.length === 0) return [...out, '（没有选中的数字。）', ''].join('\n');
  const counts = (['result', 'target', 'other'] as const)
    .map((period) => [period, figures.filter((figure) => figure.period === period).length] as const)
    .filter(([, count]) => count > 0)
    .map(([period, count]) => `${PERIOD_LABELS[period]} ${count} 个`);
  out.push(`共 ${figures.length} 个数字：${counts.join('，')}。`, '');

  const pairs = targetPairs([...figures]);
  if (pairs.length > 0) {
    out.push(heading(1, '目标与实绩'), '', '| 指标 | 实绩 | 目标 |', '| --- | --- | --- |');
    for (const pair of pairs) {
      // Each side says its own verb where it has one: `20公里（建成农村联网公路，一（四）第1段）`.
      const side = (list: Figure[]) =>
        list
          .map((figure) => {
            const own = figure.indicator === pair.indicator ? [] : [figure.indicator ?? ''];
            return `${quantity(figure)}（${[...own.map(markdownText), cite(figure)].join('，')}）`;
          })
          .join('；');
      out.push(
        `| ${markdownText(pair.indicator)} | ${side(pair.results)} | ${side(pair.targets)} |`,
      );
    }
    out.push('');
  }

  let section: string | undefined;
  for (const figure of figures) {
    const top = sectionPath(document.outline, order, figure.block)[0]?.title ?? '开篇';
    if (top !== section) {
      section = top;
      out.push(heading(1, markdownText(top)), '');
    }
    const what = figure.indicator === undefined ? '' : `${markdownText(figure.indicator)}：`;
    out.push(`- ${what}${quantity(figure)}（${PERIOD_LABELS[figure.period]} · ${cite(figure)}）`);
  }
  out.push('');
  return out.join('\n');
}
