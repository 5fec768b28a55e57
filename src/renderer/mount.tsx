/** Puts the interface around the report once the startup calls answer. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ReaderApi } from '../shared/api';
import { BUNDLED_REPORT_ID } from '../shared/library';
import {
  PAGE_EDITION_ATTRIBUTE,
  PAGE_REPORT_ATTRIBUTE,
  PAGE_START_ATTRIBUTE,
} from '../shared/page-text';
import { App } from './app/App';
import { LoadFailed } from './app/LoadFailed';
import { showReportText } from './app/report-switch';
import { READING_LINE, scrollToPosition } from './features/reading/scroll';
import { findSlots } from './app/slots';
import type { StartupData } from './app/startup';
import { cacheSawText, readViewCache } from './app/view-cache';

/** The report and edition whose text the page holds, as the build or the shell named it on <html>. */
function pageText(root: HTMLElement) {
  return {
    report: root.getAttribute(PAGE_REPORT_ATTRIBUTE) ?? BUNDLED_REPORT_ID,
    edition: root.getAttribute(PAGE_EDITION_ATTRIBUTE),
    start: root.hasAttribute(PAGE_START_ATTRIBUTE),
  };
}

export function mount(api: ReaderApi, startup: Promise<StartupData>): void {
  const slots = findSlots();
  const root = document.documentElement;
  // The text the page came with (the bundled report's, or the report read last
  // when the shell put it there). boot.js hid it while a position waits to be
  // restored: restore it now, if the cached position is a place in this text.
  const text = pageText(root);
  const cached = readViewCache();
  const sameText = cacheSawText(cached, text);
  if (cached.position && sameText) scrollToPosition(slots.pane, cached.position, READING_LINE);
  if (sameText || text.start) root.removeAttribute('data-restoring');

  const reactRoot = createRoot(slots.toolbar);
  startup.then(
    (data) => {
      // The report started on is the page's text: kept as it is, as the bundled
      // one always was. Another text (the report read last could not be opened,
      // or a page the shell did not choose): it goes in before anything is
      // drawn around it.
      if (data.report.id !== text.report || data.report.document.version !== text.edition) {
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
