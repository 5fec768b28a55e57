import { fileURLToPath } from 'node:url';

/** The checkout these tests run in, found from this file rather than from the app's own modules. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
