/**
 * 文件 → 最近打开: the reports read last, from the library, as menu items
 * (plain data, unit-tested under Node). Choosing one sends the page an
 * `openReport` message; the page opens it as it would from the 书架.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { LibraryReport } from '../shared/library';
import { recentReports } from '../core/library/shelf';

export const RECENT_LABEL = '最近打开';
/** As many as a menu shows at a glance. */
export const RECENT_LIMIT = 10;

/** A long title is cut in the menu: the whole of it is on the shelf. */
const MENU_TITLE = 40;

/** Cut to fit, and `&` doubled: on Windows and Linux a single one marks an access key. */
export function menuLabel(title: string): string {
  const cut = title.length > MENU_TITLE ? `${title.slice(0, MENU_TITLE - 1)}…` : title;
  return cut.replace(/&/g, '&&');
}

export function recentMenuItem(
  reports: readonly LibraryReport[],
  open: (report: string) => void,
): MenuItemConstructorOptions {
  const recent = recentReports(reports, RECENT_LIMIT);
  return {
    id: 'library.recent',
    label: RECENT_LABEL,
    enabled: recent.length > 0,
    submenu: recent.map((report) => ({
      id: `library.recent.${report.id}`,
      label: menuLabel(report.title),
      click: () => open(report.id),
    })),
  };
}
