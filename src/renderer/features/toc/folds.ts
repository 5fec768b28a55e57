/**
 * Which 目录 entries the reader folded, in this report: kept with the
 * report's place on the shelf (saveReportView), since block ids mean
 * something only in their own report.
 */
import type { ScopedApi } from '../../api/scoped';
import { Store } from '../../store';

export class TocFolds extends Store<{ collapsed: readonly string[] }> {
  constructor(
    private readonly api: Pick<ScopedApi, 'saveReportView'>,
    collapsed: readonly string[],
    private readonly onError: (message: string) => void,
  ) {
    super({ collapsed });
  }

  /** Folds or unfolds an entry's children. */
  readonly toggle = (block: string): void => {
    const { collapsed } = this.getSnapshot();
    const next = collapsed.includes(block)
      ? collapsed.filter((id) => id !== block)
      : [...collapsed, block];
    this.set({ collapsed: next });
    void this.api.saveReportView({ collapsed: next }).then((result) => {
      if (!result.ok) this.onError(`目录的折叠未能保存：${result.error}`);
    });
  };
}
