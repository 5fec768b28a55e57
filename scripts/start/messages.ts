/**
 * What `npm start` tells a reader when Electron cannot be had, in Chinese and
 * English: the readers are officials in China, the people who help them may
 * not read Chinese. Pure strings, so the `_electron` test spec's skip notice
 * gives the same advice.
 */

/** How to get an Electron binary, each way as a Chinese line and its English line. */
export const GET_ELECTRON_ADVICE: readonly string[] = [
  '解决办法（任选其一）/ To fix it, any one of:',
  '  1. 连上互联网，再运行一次 npm start（只需一次）。',
  '     Connect to the internet and run npm start again (needed once only).',
  '  2. 设置 ELECTRON_MIRROR 使用镜像（如 https://npmmirror.com/mirrors/electron/），',
  '     或把 electron_config_cache 指向从已下载过的电脑复制来的 Electron 缓存文件夹。',
  '     Set ELECTRON_MIRROR to a mirror (e.g. https://npmmirror.com/mirrors/electron/),',
  '     or point electron_config_cache at an Electron cache folder copied from a computer that has one.',
  '  3. 把 ELECTRON_OVERRIDE_DIST_PATH 设为已有 Electron 所在的文件夹。',
  '     Set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron you already have.',
];

export const SERVE_MEANWHILE: readonly string[] = [
  '在此之前，npm run serve 可在浏览器中打开同一个阅读器。',
  'Meanwhile, npm run serve opens the same reader in your browser.',
];

/** The one-time download failed; `cause` is the network error, on one line. */
export function downloadFailedMessage(cause: string): string {
  return [
    '报告阅读器无法启动：一次性下载 Electron 失败。',
    'The reader cannot start: the one-time download of Electron failed.',
    `原因 / Cause: ${oneLine(cause)}`,
    '',
    ...GET_ELECTRON_ADVICE,
    '',
    ...SERVE_MEANWHILE,
  ].join('\n');
}

/** ELECTRON_OVERRIDE_DIST_PATH is set, but no Electron executable is where it says. */
export function overrideMissingMessage(dir: string, tried: readonly string[]): string {
  return [
    '报告阅读器无法启动：ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron。',
    'The reader cannot start: the folder ELECTRON_OVERRIDE_DIST_PATH names holds no Electron.',
    `ELECTRON_OVERRIDE_DIST_PATH=${dir}`,
    `找过 / Looked for: ${tried.join(', ')}`,
    '',
    '请把它设为 Electron 可执行文件所在的文件夹，或删除这个变量，让 npm start 自己下载 Electron。',
    'Set it to the folder that holds the Electron executable, or unset it so that npm start downloads Electron itself.',
    '',
    ...SERVE_MEANWHILE,
  ].join('\n');
}

/** Electron is there but could not be run (no execute permission, say). */
export function launchFailedMessage(path: string, cause: string): string {
  return [
    `报告阅读器无法启动：无法运行 Electron（${path}）。`,
    `The reader cannot start: Electron could not be run (${path}).`,
    `原因 / Cause: ${oneLine(cause)}`,
    '',
    ...SERVE_MEANWHILE,
  ].join('\n');
}

/** First run: said while Electron downloads, which can take minutes on a slow line. */
export function downloadingMessage(url: string): string {
  return [
    '首次运行：正在下载 Electron（约 100 MB，只需一次）……',
    `First run: downloading Electron (about 100 MB, once only) from ${url}`,
  ].join('\n');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line === '' ? '未知 / unknown' : line;
}
