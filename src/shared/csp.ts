/**
 * The renderer's Content Security Policy, used by the page's meta tag (Electron
 * loads it from disk) and by the browser-mode bridge's response header. No
 * eval, nothing from another origin, and no inline script but the two the
 * build puts in the page's head (src/renderer/head/), each allowed by the
 * hash of its exact text: a request for each would delay the start.
 */

/**
 * SHA-256 of src/renderer/head/boot.js and early-calls.js, as CSP writes them.
 * The build refuses a head script whose hash is not listed here, and a unit
 * test checks both (tests/unit/renderer/app/boot-script.test.ts).
 */
export const HEAD_SCRIPT_HASHES = {
  'boot.js': 'sha256-o/2/pn+0GadB5lfd1pRPykB60ZzzC0p+1rHCTBoNoQ4=',
  'early-calls.js': 'sha256-jHdUT1g5z48Z0ZAyz2VpUigBsajeEUQANDHVpb6DeEU=',
} as const;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'self' ${Object.values(HEAD_SCRIPT_HASHES)
    .map((hash) => `'${hash}'`)
    .join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
