/**
 * 修订对照 in the reading view: the change jumped to, marked as search marks
 * its current match, and the redline, which marks every change at once:
 * words put in are underlined, the place words were taken from gets a wavy
 * line, and each changed paragraph a bar in the margin (a dashed rule above
 * the paragraph after one that was deleted). All of it lies over the text:
 * CSS highlights and a data attribute, never a rewritten text.
 */
import type { DocumentText } from '../../../core/report/doc-text';
import { scrollRangeIntoView } from '../reading/block-ranges';
import { findBlock } from '../reading/scroll';
import { TextMark } from '../reading/text-mark';
import type { SidebarStore } from '../sidebar/sidebar-store';
import type { EditionNavigation } from './editions-store';
import { changePlace, redlineOf } from './redline';

const REDLINE_ATTRIBUTE = 'redline';

function unmarkBlocks(pane: HTMLElement): void {
  for (const element of pane.querySelectorAll<HTMLElement>('[data-redline]')) {
    delete element.dataset[REDLINE_ATTRIBUTE];
  }
}

export function editionNavigation(
  pane: HTMLElement,
  doc: DocumentText,
  sidebar: Pick<SidebarStore, 'coversText' | 'landOn'>,
): EditionNavigation {
  const current = new TextMark(pane, 'edition-current');
  const added = new TextMark(pane, 'edition-added');
  const removed = new TextMark(pane, 'edition-removed');
  return {
    mark: (change) => {
      const place = changePlace(change, doc);
      const element = place && findBlock(pane, place.block);
      if (!place || !element) {
        current.clear();
        return null;
      }
      const [range] = current.show(place.spans);
      if (range) scrollRangeIntoView(pane, range);
      else element.scrollIntoView({ block: 'center' });
      // Stepping from a paragraph of the text: the focus goes along, never left behind.
      if (pane.contains(document.activeElement)) element.focus({ preventScroll: true });
      return place.block;
    },
    unmark: () => current.clear(),
    redline: (changes) => {
      unmarkBlocks(pane);
      if (changes === null) {
        added.clear();
        removed.clear();
        return;
      }
      const redline = redlineOf(changes, doc);
      added.show(redline.added);
      removed.show(redline.removed);
      for (const [block, marks] of redline.blocks) {
        const element = findBlock(pane, block);
        if (element) element.dataset[REDLINE_ATTRIBUTE] = [...marks].join(' ');
      }
    },
    coversText: () => sidebar.coversText,
    landOn: sidebar.landOn,
  };
}
