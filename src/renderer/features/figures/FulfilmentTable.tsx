/**
 * 目标兑现 as a table: per indicator, last year's target (with 力争 and its
 * qualifier as printed), the result the next year's report gives, and the
 * verdict. Each figure is a jump: to the text on screen, or into the other
 * report, which opens at that figure. On paper the same table prints as text.
 * The chart's accessible alternative.
 */
import { figureId } from '../../../core/figures/figure';
import { ABOUT_RULE, VERDICT_LABELS } from '../../../core/figures/fulfilment';
import type { FulfilmentSide, FulfilmentView } from './fulfilment-view';

interface Props {
  view: FulfilmentView;
  /** A figure was chosen; absent on paper. */
  onChoose?(side: FulfilmentSide): void;
  /** The id of the figure marked in the text. */
  current?: string | null;
}

function Figure({
  side,
  prefix,
  view,
  onChoose,
  current,
}: Omit<Props, 'view'> & { side: FulfilmentSide; prefix: string; view: FulfilmentView }) {
  const text = prefix + side.text;
  if (!onChoose) return <span className="comparison-value">{text}</span>;
  const elsewhere = side.onScreen
    ? undefined
    : side.report === view.targetReport.id
      ? view.targetReport.title
      : view.resultReport.title;
  return (
    <button
      type="button"
      className={`figure-jump${elsewhere ? ' figure-elsewhere' : ''}`}
      aria-current={(side.onScreen && current === figureId(side.figure)) || undefined}
      title={elsewhere && `打开《${elsewhere}》并跳到此处`}
      onClick={() => onChoose(side)}
    >
      {text}
      {elsewhere && (
        <>
          <span className="elsewhere-mark" aria-hidden="true">
            ↗
          </span>
          <span className="visually-hidden">（在《{elsewhere}》中）</span>
        </>
      )}
    </button>
  );
}

export function FulfilmentTable({ view, onChoose, current }: Props) {
  const shared = { view, onChoose, current };
  return (
    <table className="figure-table comparison-table fulfilment-table">
      <caption className="visually-hidden">
        {view.labels.target}与{view.labels.result}，共 {view.rows.length} 项指标
      </caption>
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col">{view.labels.target}</th>
          <th scope="col">{view.labels.result}</th>
          <th scope="col">评价</th>
        </tr>
      </thead>
      <tbody>
        {view.rows.map((row) => (
          <tr key={row.key} className={`verdict-${row.verdict}`}>
            <th scope="row">
              {row.indicator}
              {row.resultName !== undefined && (
                <span className="comparison-note">实绩作“{row.resultName}”</span>
              )}
            </th>
            <td>
              <Figure side={row.target} prefix={row.stretchOnly ? '力争 ' : ''} {...shared} />
              {row.band !== undefined && (
                <span className="comparison-note" title={ABOUT_RULE}>
                  即 {row.band}
                </span>
              )}
              {row.stretch && <Figure side={row.stretch} prefix="力争 " {...shared} />}
            </td>
            <td>
              <Figure side={row.result} prefix="" {...shared} />
            </td>
            <td>
              <span className="verdict-tag">{VERDICT_LABELS[row.verdict]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
