/** Puts the interface around the report once the startup calls answer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReaderApi } from '../shared/api';
import { BUNDLED_REPORT_ID, shippedEdition } from '../shared/library';
import { App } from './app/App';
import { LoadFailed } from './app/LoadFailed';
import { showReportText } from './app/report-switch';
import { READING_LINE, scrollToPosition } from './features/reading/scroll';
import { findSlots } from './app/slots';
import type { StartupData } from './app/startup';
import { readViewCache } from './app/view-cache';

export function mount(api: ReaderApi, startup: Promise<StartupData>): void {
  const slots = findSlots();
  const root = document.documentElement;
  // boot.js hid the text while a position waits to be restored: restore it now,
  // if the cached position is the pre-rendered (bundled) report's.
  const cached = readViewCache();
  const pageText = (cached.report ?? BUNDLED_REPORT_ID) === BUNDLED_REPORT_ID && !cached.otherText;
  if (cached.position && pageText) scrollToPosition(slots.pane, cached.position, READING_LINE);
  if (pageText) root.removeAttribute('data-restoring');

  const reactRoot = createRoot(slots.toolbar);
  startup.then(
    (data) => {
      // Another text than the pre-rendered one (another report, or a newer edition
      // of the bundled one): it goes in before anything is drawn around it.
      const shipped = shippedEdition(data.report.entry);
      if (data.report.id !== BUNDLED_REPORT_ID || data.report.document.version !== shipped) {
        showReportText(slots.pane, data.report.document);
      }
      root.removeAttribute('data-restoring');
      reactRoot.render(
        <StrictMode>
          <App api={api} slots={slots} startup={data} />
        </StrictMode>,
      );
    },
    (error: unknown) => {
      root.removeAttribute('data-restoring');
      reactRoot.render(<LoadFailed message={(error as Error).message} />);
    },
  );
}
