/**
 * The table's filters: period (实绩, 目标, 其他), kind (金额, 增速与比率, 数量,
 * 其他) and words to find. The words wait for an input method's composition
 * to end, so pinyin being typed never empties the table.
 */
import { PERIOD_LABELS, type FigurePeriod } from '../../../core/figures/figure';
import { KIND_LABELS, type FigureKind } from '../../../core/figures/units';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { QueryField } from '../../ui/QueryField';

type PeriodChoice = FigurePeriod | 'all';
type KindChoice = FigureKind | 'all';
const PERIODS: readonly PeriodChoice[] = ['all', 'result', 'target', 'other'];
const KINDS: readonly KindChoice[] = ['all', 'money', 'rate', 'count', 'other'];
const ALL = '全部';

const chosen = <T extends string>(choice: T | 'all') => (choice === 'all' ? undefined : choice);

function QueryBox() {
  const { figures } = useReader();
  return (
    <QueryField
      initial={figures.getSnapshot().selection.query ?? ''}
      onQuery={(query) => figures.select({ query })}
      className="field figure-query"
      label="在数字中查找"
      placeholder="查找：指标、数值、章节"
    />
  );
}

export function FigureFilters({ counts }: { counts: Record<FigurePeriod, number> }) {
  const { figures } = useReader();
  const period = useStore(figures, (state) => state.selection.period ?? 'all');
  const kind = useStore(figures, (state) => state.selection.kind ?? 'all');
  return (
    <div className="figure-filters">
      <ChoiceGroup<PeriodChoice>
        className="figure-choices"
        label="按时期筛选"
        options={PERIODS.filter((option) => option === 'all' || counts[option] > 0)}
        value={period}
        labelOf={(option) =>
          option === 'all' ? ALL : `${PERIOD_LABELS[option]} ${counts[option]}`
        }
        onChoose={(option) => figures.select({ period: chosen(option) })}
      />
      <ChoiceGroup<KindChoice>
        className="figure-choices"
        label="按类别筛选"
        options={KINDS}
        value={kind}
        labelOf={(option) => (option === 'all' ? ALL : KIND_LABELS[option])}
        onChoose={(option) => figures.select({ kind: chosen(option) })}
      />
      <QueryBox />
    </div>
  );
}
