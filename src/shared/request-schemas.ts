/**
 * Every schema a row of the contract (api.ts) may name for its request. The
 * contract knows this module by type only, so the renderer and the preload,
 * which build their API from the contract, ship no zod; the services and the
 * shells, which validate, pass this module in (src/services/validate.ts).
 */
import { z } from 'zod';

export { MenuCommandsSchema } from './menu-commands';
export { SearchMatchesRequestSchema, SearchRequestSchema } from './search-schema';
export { SettingsPatchSchema } from './settings-schema';
export { AnnotationSchema, BookmarkSchema, REQUESTS } from './user-data-schema';

/** The request of a call that takes nothing: IPC sends undefined, JSON null. */
export const NoPayload = z.union([z.undefined(), z.null()]);
