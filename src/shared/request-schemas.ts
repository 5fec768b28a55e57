/**
 * Every schema a row of the contract (api.ts) may name for its request. The
 * contract knows this module by type only, so the renderer and the preload,
 * which build their API from the contract, ship no zod; the services and the
 * shells, which validate, pass this module in (src/services/validate.ts).
 */
import { z } from 'zod';
import { editionRef, ReportIdSchema } from './library-schema';
import { SearchMatchesRequestSchema, SearchRequestSchema } from './search-schema';
import { AnnotationSchema, BookmarkSchema, REQUESTS } from './user-data-schema';

export { MenuCommandsSchema } from './menu-commands';
export { LibraryReportSearchRequestSchema, LibrarySearchRequestSchema } from './search-schema';
export { SettingsPatchSchema } from './settings-schema';
export { LIBRARY_REQUESTS } from './library-schema';
export { SearchMatchesRequestSchema, SearchRequestSchema };
export { AnnotationSchema, BookmarkSchema, REQUESTS };

/** The request of a call that takes nothing: IPC sends undefined, JSON null. */
export const NoPayload = z.union([z.undefined(), z.null()]);

/**
 * A call about one report names it: `{ report, edition?, …the call's own
 * fields }`, `edition` being the one on screen (the current one when
 * absent: an earlier edition is read-only). Both are taken off before the
 * service sees the rest. safeExtend keeps the schema's own checks (an
 * export's 数据摘录 only with md, say) and its strictness.
 */
const REPORT = { report: ReportIdSchema, ...editionRef };

/** The per-report calls' requests (the contract's rows with `scope: 'report'`). */
export const IN_REPORT = {
  only: z.strictObject({}).safeExtend(REPORT),
  search: SearchRequestSchema.safeExtend(REPORT),
  searchMatches: SearchMatchesRequestSchema.safeExtend(REPORT),
  createAnnotation: REQUESTS.createAnnotation.safeExtend(REPORT),
  updateAnnotation: REQUESTS.updateAnnotation.safeExtend(REPORT),
  byId: REQUESTS.byId.safeExtend(REPORT),
  restoreAnnotation: z.strictObject({ annotation: AnnotationSchema }).safeExtend(REPORT),
  createBookmark: REQUESTS.createBookmark.safeExtend(REPORT),
  updateBookmark: REQUESTS.updateBookmark.safeExtend(REPORT),
  restoreBookmark: z.strictObject({ bookmark: BookmarkSchema }).safeExtend(REPORT),
  saveTerm: REQUESTS.saveTerm.safeExtend(REPORT),
  exportAnnotations: REQUESTS.exportAnnotations.safeExtend(REPORT),
  importAnnotations: REQUESTS.importAnnotations.safeExtend(REPORT),
};
