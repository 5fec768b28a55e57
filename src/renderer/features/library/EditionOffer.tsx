/**
 * A file just read is another edition of a report on the shelf: the reader
 * says whether it is that report's new edition (the default, focused, so
 * Enter takes it) or a report of its own; Esc or 取消 adds nothing.
 */
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ModalDialog } from '../../ui/ModalDialog';
import { offerSentence } from './shelf-view';

export function EditionOffer() {
  const { shelf } = useReader();
  const { question } = shelf;
  const pending = useStore(question, (state) => state.pending);
  if (!pending) return null;
  const { offer, report } = pending;
  return (
    <ModalDialog
      title={`这是《${report.title}》的新版本吗？`}
      className="edition-offer"
      onCancel={() => question.answer('cancel')}
    >
      <p>{offerSentence(offer, report.title)}</p>
      <p className="modal-dialog-hint">
        作为新版本加入：它成为这份报告的当前版本，批注、书签和注释随之转到新版本（找不到原文的批注保留为孤立批注），并打开修订对照；原来的版本保留，随时可以打开查看。
      </p>
      <div className="modal-dialog-actions">
        <button type="button" className="tool-button" onClick={() => question.answer('cancel')}>
          取消
        </button>
        <button type="button" className="tool-button" onClick={() => question.answer('report')}>
          作为单独的报告
        </button>
        <button
          type="button"
          className="tool-button modal-dialog-default"
          data-autofocus
          onClick={() => question.answer('edition')}
        >
          作为新版本加入
        </button>
      </div>
    </ModalDialog>
  );
}
