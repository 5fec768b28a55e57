/**
 * The renderer's Content Security Policy, used by the page's meta tag (Electron
 * loads it from disk) and by the browser-mode bridge's response header. No
 * inline script, no eval, nothing from another origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
