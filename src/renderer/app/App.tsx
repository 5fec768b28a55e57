/**
 * The app around whichever report is on screen: makes what outlives a switch
 * of report once (settings, notices, the 书架, the search scope, the switch
 * itself), and puts up a <Reader> for the report on screen, keyed by its id,
 * so every feature's store starts afresh with the next report.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import { LibrarySearch } from '../features/library/library-search';
import { ShelfStore } from '../features/library/shelf-store';
import { ChosenPanel } from '../features/sidebar/sidebar-store';
import { markReportShown } from '../instrumentation';
import { useStore } from '../store';
import { Notices } from './notices';
import { Reader } from './Reader';
import { ReportSwitch, type LoadedReport } from './report-switch';
import { SettingsStore } from './settings';
import type { Slots } from './slots';
import type { StartupData } from './startup';
import type { AppStores } from './stores';
import { cacheShownReport, readViewCache } from './view-cache';
import { BUNDLED_REPORT_ID } from '../../shared/library';
import { UndoStack } from '../commands/undo-stack';

interface Props {
  api: ReaderApi;
  slots: Slots;
  startup: StartupData;
}

function createAppStores(api: ReaderApi, slots: Slots, startup: StartupData) {
  const notices = new Notices(startup.notices);
  const settings = new SettingsStore(api, startup.settings, notices.add);
  const undo = new UndoStack();
  // The two call each other, only ever after both are made.
  const shelf: ShelfStore = new ShelfStore(
    api,
    startup.library,
    startup.report.id,
    (report, options = {}) => {
      shelf.hide();
      return switcher.open(report, options);
    },
    notices.add,
    undo,
  );
  const switcher: ReportSwitch = new ReportSwitch(api, startup.report, {
    error: notices.add,
    notices: notices.addOnce,
    opened: (entry, edition) => {
      shelf.setCurrent(entry.id);
      notices.reportShown({ report: entry.id, edition });
      cacheShownReport(entry);
      void shelf.refresh();
    },
  });
  const app: AppStores = {
    api,
    slots,
    notices,
    settings,
    shelf,
    undo,
    librarySearch: new LibrarySearch(api, notices.add),
    chosenPanel: new ChosenPanel(),
  };
  return { app, switcher };
}

/** Whether focus is on something: not dropped to the page with an element taken away. */
const isFocusHeld = () =>
  document.activeElement !== null && document.activeElement !== document.body;

export function App({ api, slots, startup }: Props) {
  // Made once: they outlive every switch of report.
  const [{ app, switcher }] = useState(() => createAppStores(api, slots, startup));
  const current = useStore(switcher, (state) => state.current);
  const pending = useStore(switcher, (state) => state.pending);

  // The old reader is down (its effects have let go of the page): the new text goes in.
  useLayoutEffect(() => {
    if (!current && pending) switcher.swapIn(slots.pane);
  }, [current, pending, switcher, slots]);
  useLayoutEffect(() => {
    if (current) markReportShown(current.id, current.document.version);
  }, [current]);
  // A report put up by a switch: focus that was in the old reader (the 书架's
  // row, the note's field) went with it, and the next Tab would start over at
  // the page's top. The text takes it, as 跳到正文 gives it.
  useEffect(() => {
    if (current && current !== startup.report && !isFocusHeld()) {
      slots.pane.focus({ preventScroll: true });
    }
  }, [current, slots, startup]);

  useEffect(() => app.shelf.attach(), [app]);
  // The report shown first is opened now (its notices, its place among 最近打开).
  useEffect(() => {
    void api.openReport({ report: startup.report.id }).then((answer) => {
      if (answer.ok) app.notices.addOnce(answer.value.notices);
      // The cache names the report and edition on screen (not one read last that
      // could not be opened, nor an edition replaced since): its place is kept.
      const cached = readViewCache();
      if (
        answer.ok &&
        ((cached.report ?? BUNDLED_REPORT_ID) !== startup.report.id ||
          cached.edition !== answer.value.report.edition)
      ) {
        cacheShownReport(answer.value.report);
      }
      void app.shelf.refresh();
    });
  }, [api, app, startup]);
  // 文件 → 最近打开 in the desktop menu.
  useEffect(() => api.onOpenReport(({ report }) => void app.shelf.open(report)), [api, app]);

  // Keyed by report and edition: another edition of the same report is a fresh reader too.
  const key = current && `${current.id}@${current.document.version}`;
  return current ? <Reader key={key} app={app} report={current} /> : null;
}

export type { LoadedReport };
