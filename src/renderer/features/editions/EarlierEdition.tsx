/**
 * Reading an earlier edition of a report: said above the text for as long
 * as it is on screen, with the way back to the current edition and to what
 * changed since. Its notes are shown, and cannot be changed here.
 */
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { CommandButton } from '../../commands/CommandButton';
import { labelOf } from './edition-names';
import { shelfEntry } from './commands';

export function EarlierEdition() {
  const stores = useReader();
  const { shelf, slots, report, document, commands } = stores;
  const entry = useStore(shelf, () => shelfEntry(stores));
  if (entry.edition === document.version) return null;
  // What changed is what the reader wants to see: the current edition opens at its first change.
  const compare = () =>
    void shelf.open(report.id, { compareWith: document.version, firstChange: true });
  return createPortal(
    <div className="earlier-edition" role="status">
      <p>
        正在查看较早的版本：{labelOf(entry, document.version)}
        。只能查看，批注、书签和注释请在当前版本中添加或修改。
      </p>
      <div className="button-row">
        <CommandButton registry={commands} id="editions.current">
          回到当前版本
        </CommandButton>
        <button type="button" className="tool-button" onClick={compare}>
          当前版本改了什么
        </button>
      </div>
    </div>,
    slots.notices,
  );
}
