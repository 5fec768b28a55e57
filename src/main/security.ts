/**
 * Security decisions for the Electron shell, as pure functions with no
 * `electron` import, so they are unit-tested under Node.
 */

/** The only webPreferences a window of ours gets. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/**
 * True when an IPC message comes from our own page. Compares protocol, host and
 * (for files) the path; never `origin`, which is the string "null" for
 * file: and custom schemes.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined, pageUrl: string): boolean {
  if (!senderUrl) return false;
  let sender: URL;
  let page: URL;
  try {
    sender = new URL(senderUrl);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  if (sender.protocol !== page.protocol || sender.host !== page.host) return false;
  return page.protocol !== 'file:' || sender.pathname === page.pathname;
}

/**
 * True when an IPC message comes from our page's top frame. A frame inside the
 * page (an iframe the page never has) is refused even when its URL looks like
 * ours: it could have been navigated there by something we did not load.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  pageUrl: string,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, pageUrl);
}

/** Nothing the page could ask for (camera, notifications, clipboard reads, …) is ever granted. */
export function isPermissionGranted(_permission: string, _requestingUrl?: string): false {
  return false;
}

export type ExternalLinkDecision =
  { allowed: true; url: string; shown: string } | { allowed: false; reason: string };

/** Longer than any real link; a URL this long is hiding something. */
const MAX_EXTERNAL_URL = 2048;

/**
 * Whether a link may leave the app for the system browser or mail client, and
 * what the confirmation dialog shows. Only `https:` (to a named host, with no
 * user:password@ in front to make `https://www.gov.cn@evil.example` look
 * official) and `mailto:` pass. `shown` is the parsed URL, so a Unicode
 * lookalike host is shown as the punycode (`xn--…`) it really is.
 */
export function externalLinkDecision(raw: unknown): ExternalLinkDecision {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL) {
    return { allowed: false, reason: '不是有效的链接' };
  }
  // The URL parser drops tabs and newlines silently (`java\tscript:`): refuse them instead.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\s]/.test(raw))
    return { allowed: false, reason: '链接含有空白或控制字符' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: '不是有效的链接' };
  }
  if (url.protocol === 'mailto:') {
    if (url.pathname === '') return { allowed: false, reason: '邮件链接没有收件人' };
    return { allowed: true, url: url.href, shown: url.href };
  }
  if (url.protocol !== 'https:') {
    return { allowed: false, reason: `不打开 ${url.protocol} 链接，只打开 https: 与 mailto:` };
  }
  if (url.username !== '' || url.password !== '') {
    return { allowed: false, reason: '链接在主机名前含有用户名，可能是伪装的地址' };
  }
  if (url.hostname === '' || !url.hostname.includes('.')) {
    return { allowed: false, reason: '链接没有完整的主机名' };
  }
  return { allowed: true, url: url.href, shown: url.href };
}

/** The question asked before any link leaves the app; "取消" is the default answer. */
export function externalLinkDialog(shown: string) {
  return {
    type: 'question' as const,
    title: '打开外部链接',
    message: '要在系统浏览器或邮件程序中打开这个链接吗？',
    detail: shown,
    buttons: ['取消', '打开'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** The dialog's answer: only the "打开" button opens. */
export const OPEN_EXTERNAL_BUTTON = 1;
