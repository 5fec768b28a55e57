/**
 * The window is named for the report on screen, as the 书架 names it
 * (`2019年江北区政府工作报告 - 报告阅读器`): the taskbar, the window switcher
 * and a screen reader's list of windows say which report is open, not only
 * which app. The page is served with the app's name alone, kept after it.
 */
import { useEffect } from 'react';
import { APP_NAME } from '../../../shared/app-name';

export function useWindowTitle(reportName: string): void {
  useEffect(() => {
    document.title = `${reportName} - ${APP_NAME}`;
  }, [reportName]);
}
