/**
 * The app's name as every reader meets it: the window title, the menus, the
 * browser-mode page and server, the command line, the messages that speak of
 * "another 报告阅读器", the data folder and exported files. Written here once;
 * package.json's productName, electron-builder.yml and index.html's <title>
 * cannot import it and are checked against it by tests/unit/shell/app-name.test.ts.
 */
export const APP_NAME = '报告阅读器';
