/** Puts the interface around the report once the startup calls answer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReaderApi } from '../shared/api';
import { BUNDLED_REPORT_ID } from '../shared/library';
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
  const cachedReport = cached.report ?? BUNDLED_REPORT_ID;
  if (cached.position && cachedReport === BUNDLED_REPORT_ID) {
    scrollToPosition(slots.pane, cached.position, READING_LINE);
  }
  if (cachedReport === BUNDLED_REPORT_ID) root.removeAttribute('data-restoring');

  const reactRoot = createRoot(slots.toolbar);
  startup.then(
    (data) => {
      // Another report than the pre-rendered one: its text goes in before anything is drawn around it.
      if (data.report.id !== BUNDLED_REPORT_ID) showReportText(slots.pane, data.report.document);
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
