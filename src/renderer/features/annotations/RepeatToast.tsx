/**
 * Words highlighted again: nothing new shows in the text or the 批注 list, so
 * a brief word says what happened (nothing added, or the colour changed), as
 * Kindle does. It goes by itself; there is nothing to undo.
 */
import type { HighlightColor } from '../../../shared/user-data';
import { Toast } from '../../ui/Toast';
import { useExpiry } from '../../ui/useExpiry';
import type { Repeated } from './annotating';

const SHOWN_FOR_MS = 4_000;

export const repeatMessage = (
  { outcome, color }: Repeated,
  colorNames: Record<HighlightColor, string>,
): string =>
  outcome === 'unchanged'
    ? `这段文字已高亮为“${colorNames[color]}”，未重复添加`
    : `这段文字已有高亮，已改为“${colorNames[color]}”`;

interface Props {
  message: string;
  /** The repeat told; a new one shows for the whole time again. */
  token: Repeated;
  expire(): void;
}

export function RepeatToast({ message, token, expire }: Props) {
  useExpiry(token, expire, SHOWN_FOR_MS);
  return (
    <Toast>
      <span>{message}</span>
    </Toast>
  );
}
