/**
 * The 快捷键 sheet (`?`): every command and its keys, from the command
 * registry itself, so it cannot drift from what the keys do. A native modal
 * <dialog> (useModalDialog): Tab goes round inside it, Esc closes it, and
 * focus goes back where it was.
 */
import { useRef } from 'react';
import { createPortal } from 'react-dom';
import { useReader } from '../../app/context';
import { IS_MAC } from '../../commands/keys';
import { describeKeys } from '../../commands/shortcut-labels';
import { useStore } from '../../store';
import { useModalDialog } from '../../ui/useModalDialog';

/** The sheet while it is open. */
export function Shortcuts() {
  const { shortcuts } = useReader();
  const open = useStore(shortcuts, (state) => state.open);
  return open ? createPortal(<ShortcutsDialog />, document.body) : null;
}

function ShortcutsDialog() {
  const { commands, shortcuts } = useReader();
  const dialog = useRef<HTMLDialogElement>(null);
  useModalDialog(dialog);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={shortcuts.close}
    >
      <div className="shortcuts-header">
        <h2 id="shortcuts-title">快捷键</h2>
        <button type="button" className="tool-button" onClick={() => dialog.current?.close()}>
          关闭
        </button>
      </div>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">命令</th>
            <th scope="col">按键</th>
          </tr>
        </thead>
        <tbody>
          {commands.list().map((command) => {
            const keys = describeKeys(command.keys, IS_MAC);
            return (
              <tr key={command.id} data-command={command.id}>
                <th scope="row">{command.label}</th>
                <td>
                  {keys.length === 0
                    ? '—'
                    : keys.map((written, index) => (
                        <span key={written}>
                          {index > 0 && ' / '}
                          <kbd>{written}</kbd>
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </dialog>
  );
}
