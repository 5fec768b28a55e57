/*
 * Runs before the first paint, inlined into index.html's head at build time
 * (electron.vite.config.ts); the CSP allows it by its hash (src/shared/csp.ts:
 * a change here needs the new hash there). The report's text is already in
 * the page; this applies the reader's last theme and font size from a local
 * cache of the settings, so a dark-theme reader never sees a white flash. If
 * there is a reading position to restore, the text stays hidden until main.tsx
 * has scrolled to it, so the page never visibly jumps; a timer shows it
 * anyway should the script fail.
 * The page holds one report's text, named on <html> (src/shared/page-text.ts):
 * the report read last when the shell chose it from the data folder
 * (data-page-start), else the bundled report's. A position is restored only
 * when the cache's report and edition are the page's. A page the shell did
 * not choose, whose text is not what the cache saw last (another report, or
 * another edition), is hidden too until main.tsx has put the right one in.
 * The settings file in the data folder stays the source of truth.
 */
(function () {
  var root = document.documentElement;
  var view;
  try {
    view = JSON.parse(localStorage.getItem('reader:view') || 'null');
  } catch {
    return;
  }
  if (!view || typeof view !== 'object') return;
  if (view.theme === 'light' || view.theme === 'sepia' || view.theme === 'dark') {
    root.setAttribute('data-theme', view.theme);
  }
  if (typeof view.fontSize === 'number' && view.fontSize >= 14 && view.fontSize <= 28) {
    root.style.setProperty('--reader-font-size', view.fontSize + 'px');
  }
  if (typeof view.tocOpen === 'boolean') {
    root.setAttribute('data-toc', view.tocOpen ? 'open' : 'closed');
  }
  var pageReport = root.getAttribute('data-page-report') || 'haishu-2018-government-work-report';
  var sameText =
    (typeof view.report === 'string' ? view.report : 'haishu-2018-government-work-report') ===
      pageReport &&
    (typeof view.edition !== 'string' || view.edition === root.getAttribute('data-page-edition'));
  var chosen = root.hasAttribute('data-page-start');
  var position = sameText && view.position && typeof view.position.block === 'string';
  if ((!sameText && !chosen) || position) {
    root.setAttribute('data-restoring', 'true');
    setTimeout(function () {
      root.removeAttribute('data-restoring');
    }, 1500);
  }
})();
