/**
 * Loaded with `--import` into Electron's own installer (its `install-electron`
 * bin) by scripts/start/electron-download.ts. The installer prints only
 * `TypeError: fetch failed` when the download cannot connect; the reason (no
 * DNS, refused, reset, a proxy) is in the error's `cause`, which it drops.
 * undici's documented diagnostics channels let us see that reason without
 * touching the installer: each event becomes one tagged JSON line on stderr.
 */
import diagnostics from 'node:diagnostics_channel';

const TAG = '@@reader-electron-download ';

function report(event) {
  process.stderr.write(TAG + JSON.stringify(event) + '\n');
}

function urlOf(request) {
  try {
    return new URL(request.path, request.origin).href;
  } catch {
    return String(request.origin);
  }
}

diagnostics.subscribe('undici:request:create', ({ request }) => {
  report({ event: 'request', url: urlOf(request) });
});

diagnostics.subscribe('undici:request:error', ({ request, error }) => {
  const cause = error && error.cause ? error.cause : error;
  report({
    event: 'error',
    url: urlOf(request),
    message: String((cause && cause.message) || cause),
  });
});
