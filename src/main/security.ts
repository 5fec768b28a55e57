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
