/**
 * 选择对照的版本: any two editions of the report, the earlier one first. The
 * newer of the two is the one shown (the changes are jumped to in its text):
 * when it is not the edition on screen, it is opened, read-only if it is
 * not the current one, with 修订对照 on.
 */
import { useState } from 'react';
import { useReader } from '../../app/context';
import { useStore } from '../../store';
import { ModalDialog } from '../../ui/ModalDialog';
import { shelfEntry } from './commands';
import { editionLabel, previousEdition } from './edition-names';

function Chooser() {
  const stores = useReader();
  const { editions, sidebar, shelf, report, document } = stores;
  const entry = shelfEntry(stores);
  const onScreen = document.version;
  const [newer, setNewer] = useState(onScreen);
  const [older, setOlder] = useState(
    () =>
      previousEdition(entry, onScreen) ??
      entry.editions.find((edition) => edition.id !== onScreen)?.id ??
      onScreen,
  );
  const same = older === newer;
  const compare = () => {
    if (same) return;
    editions.closeChooser();
    if (newer === onScreen) {
      void editions.compareWith(older).then((shown) => shown && sidebar.show('editions'));
      return;
    }
    const edition = newer === entry.edition ? undefined : newer;
    void shelf.open(report.id, { ...(edition !== undefined && { edition }), compareWith: older });
  };
  const options = entry.editions.map((edition) => (
    <option key={edition.id} value={edition.id}>
      {editionLabel(entry, edition)}
    </option>
  ));
  return (
    <ModalDialog title="选择对照的版本" className="compare-dialog" onCancel={editions.closeChooser}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          compare();
        }}
      >
        <label className="compare-field">
          <span>原版本（从它）</span>
          {/* Focus starts at the top of the form, as it is read: 原版本 first. */}
          <select
            className="field"
            value={older}
            data-autofocus
            onChange={(event) => setOlder(event.target.value)}
          >
            {options}
          </select>
        </label>
        <label className="compare-field">
          <span>新版本（到它，修改在它的正文中标出）</span>
          <select
            className="field"
            value={newer}
            onChange={(event) => setNewer(event.target.value)}
          >
            {options}
          </select>
        </label>
        {same && (
          <p className="compare-problem" role="alert">
            请选择两个不同的版本。
          </p>
        )}
        <div className="modal-dialog-actions">
          <button type="button" className="tool-button" onClick={editions.closeChooser}>
            取消
          </button>
          <button type="submit" className="tool-button modal-dialog-default" disabled={same}>
            对照
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function CompareDialog() {
  const { editions } = useReader();
  const choosing = useStore(editions, (state) => state.choosing);
  const comparing = useStore(editions, (state) => state.comparing);
  return (
    <>
      {choosing && <Chooser />}
      {/* At 100× the report a comparison takes seconds: said while it runs. */}
      {comparing && (
        <div className="toast" role="status">
          正在对照两个版本…
        </div>
      )}
    </>
  );
}
