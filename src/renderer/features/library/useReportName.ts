/**
 * The name of the report on screen, as the reader knows it: its name on the
 * 书架 (`2018年海曙区政府工作报告`, or what the reader renamed it), never the
 * bare title most reports share (`政府工作报告`).
 */
import { shelfTitle } from '../../../core/library/shelf';
import { useReader } from '../../app/context';
import { useStore } from '../../store';

export function useReportName(): string {
  const { document, shelf, report } = useReader();
  const listed = useStore(
    shelf,
    (state) => state.view.reports.find((entry) => entry.id === report.id)?.title,
  );
  return listed ?? shelfTitle(document);
}
