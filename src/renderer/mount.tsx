/** Puts the interface around the pre-rendered report once the startup calls answer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReaderApi } from '../shared/api';
import { LoadFailed } from './app/LoadFailed';
import { Reader } from './app/Reader';
import { READING_LINE, scrollToPosition } from './features/reading/scroll';
import { findSlots } from './app/slots';
import type { StartupData } from './app/startup';
import { readViewCache } from './app/view-cache';

export function mount(api: ReaderApi, startup: Promise<StartupData>): void {
  const slots = findSlots();
  // boot.js hid the text while a position waits to be restored: restore it now.
  const cached = readViewCache().position;
  if (cached) scrollToPosition(slots.pane, cached, READING_LINE);
  document.documentElement.removeAttribute('data-restoring');

  const root = createRoot(slots.toolbar);
  startup.then(
    ([report, settings, notices]) =>
      root.render(
        <StrictMode>
          <Reader
            api={api}
            slots={slots}
            document={report}
            initialSettings={settings}
            initialNotices={notices}
          />
        </StrictMode>,
      ),
    (error: unknown) => root.render(<LoadFailed message={(error as Error).message} />),
  );
}
