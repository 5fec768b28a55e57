/**
 * Every schema a row of the contract (api.ts) may name for its request. The
 * contract knows this module by type only, so the renderer and the preload,
 * which build their API from the contract, ship no zod; the services and the
 * shells, which validate, pass this module in (src/services/validate.ts).
 */
import { z } from 'zod';
import { ReportIdSchema } from './library-schema';
import { SearchMatchesRequestSchema, SearchRequestSchema } from './search-schema';
import { AnnotationSchema, BookmarkSchema, REQUESTS } from './user-data-schema';

export { MenuCommandsSchema } from './menu-commands';
export { LibrarySearchRequestSchema } from './search-schema';
export { SettingsPatchSchema } from './settings-schema';
export { LIBRARY_REQUESTS } from './library-schema';
export { SearchMatchesRequestSchema, SearchRequestSchema };
export { AnnotationSchema, BookmarkSchema, REQUESTS };

/** The request of a call that takes nothing: IPC sends undefined, JSON null. */
export const NoPayload = z.union([z.undefined(), z.null()]);

/**
 * A call about one report names it: `{ report, …the call's own fields }`.
 * `report` is taken off before the service sees the rest.
 */
const inReport = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject({ report: ReportIdSchema, ...shape });

/** The per-report calls' requests (the contract's rows with `scope: 'report'`). */
export const IN_REPORT = {
  only: inReport({}),
  search: inReport(SearchRequestSchema.shape),
  searchMatches: inReport(SearchMatchesRequestSchema.shape),
  createAnnotation: inReport(REQUESTS.createAnnotation.shape),
  updateAnnotation: inReport(REQUESTS.updateAnnotation.shape),
  byId: inReport(REQUESTS.byId.shape),
  restoreAnnotation: inReport({ annotation: AnnotationSchema }),
  createBookmark: inReport(REQUESTS.createBookmark.shape),
  updateBookmark: inReport(REQUESTS.updateBookmark.shape),
  restoreBookmark: inReport({ bookmark: BookmarkSchema }),
  saveTerm: inReport(REQUESTS.saveTerm.shape),
  exportAnnotations: inReport(REQUESTS.exportAnnotations.shape),
  importAnnotations: inReport(REQUESTS.importAnnotations.shape),
};
