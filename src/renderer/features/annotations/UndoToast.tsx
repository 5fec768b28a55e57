/**
 * After a deletion, or a note cancelled with words in it: what went, and 撤销
 * for a while. Ctrl/Cmd+Z takes back the latest change of any kind (commands/undo-commands.ts).
 */
import { Toast } from '../../ui/Toast';
import { useExpiry } from '../../ui/useExpiry';

const SHOWN_FOR_MS = 10_000;

interface Props {
  message: string;
  /** What is undone; a new one shows for the whole time again. */
  token: object;
  undo(): void;
  /** The time to undo is over. */
  expire(): void;
}

export function UndoToast({ message, token, undo, expire }: Props) {
  useExpiry(token, expire, SHOWN_FOR_MS);
  return (
    <Toast>
      <span>{message}</span>
      <button type="button" className="tool-button" onClick={undo}>
        撤销
      </button>
    </Toast>
  );
}
