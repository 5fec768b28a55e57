/*
 * Starts the three calls the interface needs before it can draw (see
 * app/startup.ts) as soon as the page head is parsed, instead of after the
 * interface's bundle has loaded and run: their answers then wait for the
 * bundle, not the other way round. A classic same-origin script, as the CSP
 * wants. In the desktop app the preload has already put the contract on
 * window; in browser mode the calls go over HTTP exactly as api/client.ts
 * sends them. Anything that fails here is simply asked again by startup.ts.
 */
(function () {
  var methods = ['getDocument', 'getSettings', 'getNotices'];
  var api = window.readerApi;
  var call;
  if (api && typeof api.getDocument === 'function') {
    call = function (method) {
      return api[method]();
    };
  } else if (typeof fetch === 'function') {
    call = function (method) {
      return fetch('/api/' + method, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: 'null',
      }).then(function (response) {
        return response.json();
      });
    };
  } else {
    return;
  }
  var calls = {};
  methods.forEach(function (method) {
    calls[method] = call(method);
    // Kept from being reported as unhandled; startup.ts sees the failure and asks again.
    calls[method].catch(function () {});
  });
  window.readerEarlyCalls = calls;
})();
