/**
 * The 快捷键 sheet (`?`): every command and its keys, from the command list
 * itself, so it cannot drift from what the keys do. A native modal <dialog>:
 * it traps focus, closes on Esc, and focus goes back where it was.
 */
import { useLayoutEffect, useRef } from 'react';
import { COMMANDS } from '../../commands/commands';
import { describeBinding } from '../../commands/shortcut-labels';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const element = dialog.current!;
    const before = document.activeElement;
    element.showModal();
    return () => {
      if (element.open) element.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
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
          {COMMANDS.map((command) => (
            <tr key={command.id} data-command={command.id}>
              <th scope="row">{command.label}</th>
              <td>
                {command.keys.length === 0
                  ? '—'
                  : command.keys.map((binding, index) => (
                      <span key={index}>
                        {index > 0 && ' / '}
                        <kbd>{describeBinding(binding, isMac)}</kbd>
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
