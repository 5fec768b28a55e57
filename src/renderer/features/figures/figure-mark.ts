/**
 * The figure chosen in the 数说报告 table, marked in the text the way search
 * marks its current match (a TextMark, `figure-current`), scrolled into view.
 */
import { scrollRangeIntoView } from '../reading/block-ranges';
import { TextMark } from '../reading/text-mark';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { FigureNavigation } from './figures-store';

/** The panel's way into the text: the mark, and the sidebar that closes where it covers the text. */
export function figureNavigation(
  pane: HTMLElement,
  sidebar: Pick<SidebarStore, 'coversText' | 'landOn'>,
): FigureNavigation {
  const mark = new TextMark(pane, 'figure-current');
  return {
    mark: (span) => {
      const [range] = mark.show([span]);
      if (range) scrollRangeIntoView(pane, range);
      return range !== undefined;
    },
    unmark: () => mark.clear(),
    coversText: () => sidebar.coversText,
    landOn: sidebar.landOn,
  };
}
