/*
 * Starts the calls the interface needs before it can draw (see
 * app/startup.ts) as soon as the page head is parsed, instead of after the
 * interface's bundle has loaded and run: their answers then wait for the
 * bundle, not the other way round. Inlined into index.html's head at build
 * time, as boot.js is, so the calls leave as soon as the head is parsed, not
 * a fetch of this file after boot.js's (the CSP allows it by its hash,
 * src/shared/csp.ts). In the desktop app the preload has already put the
 * contract on window; in browser mode the calls go over HTTP exactly as api/client.ts
 * sends them. Anything that fails here is simply asked again by startup.ts.
 * The report's document is asked for the report whose text the shell put in
 * the page (data-page-start: the one the app starts on, src/shared/page-text.ts),
 * else for the one the view cache saw last (the bundled one by default);
 * startup.ts checks that against the library.
 */
(function () {
  var BUNDLED = 'haishu-2018-government-work-report';
  var ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
  var root = document.documentElement;
  var report = BUNDLED;
  var view = null;
  try {
    view = root.hasAttribute('data-page-start')
      ? { report: root.getAttribute('data-page-report') }
      : JSON.parse(localStorage.getItem('reader:view') || 'null');
  } catch {
    // No cache: the bundled report.
  }
  if (view && typeof view.report === 'string' && ID.test(view.report)) report = view.report;
  var calls = [
    ['getSettings', null],
    ['getNotices', null],
    ['getLibrary', null],
    ['getDocument', { report: report }],
  ];
  var api = window.readerApi;
  var call;
  if (api && typeof api.getDocument === 'function') {
    call = function (method, payload) {
      return payload === null ? api[method]() : api[method](payload);
    };
  } else if (typeof fetch === 'function') {
    call = function (method, payload) {
      return fetch('/api/' + method, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      }).then(function (response) {
        return response.json();
      });
    };
  } else {
    return;
  }
  var started = {};
  calls.forEach(function (entry) {
    var promise = call(entry[0], entry[1]);
    // Kept from being reported as unhandled; startup.ts sees the failure and asks again.
    promise.catch(function () {});
    started[entry[0]] = promise;
  });
  window.readerEarlyCalls = started;
  window.readerEarlyReport = report;
})();
