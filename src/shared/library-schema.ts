/**
 * Validation of the library file and of the library's requests. Apart from
 * library.ts so the renderer, which imports only the types, ships no zod.
 */
import { z } from 'zod';
import {
  MAX_EDITIONS,
  MAX_FILE_NAME_LENGTH,
  MAX_OCCASION_LENGTH,
  MAX_PLACE_LENGTH,
  MAX_REPORT_FILE_BYTES,
  MAX_SPEAKER_LENGTH,
  MAX_TITLE_LENGTH,
  REPORT_FORMATS,
  type Edition,
  type Library,
  type LibraryReport,
} from './library';
import { ReadingPositionSchema } from './settings-schema';

/** A report's id: the bundled report's slug, or a document version (hex). Safe as a file name. */
export const ReportIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '不是有效的报告编号');

const isoDate = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().max(max);
const blockId = z.string().regex(/^[a-z]\d{1,6}$/, 'not a block id');

export const EditionSchema = z.strictObject({
  id: ReportIdSchema,
  format: z.enum(REPORT_FORMATS),
  fileName: text(MAX_FILE_NAME_LENGTH),
  bytes: z.number().int().min(0).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  encoding: text(40).optional(),
  pages: z.number().int().min(0).optional(),
  added: isoDate,
  bundled: z.literal(true).optional(),
}) satisfies z.ZodType<Edition, unknown>;

export const ReportViewSchema = z.strictObject({
  position: ReadingPositionSchema.nullable(),
  collapsed: z.array(blockId).max(500),
});

const count = z.number().int().min(0);

export const LibraryReportSchema = z
  .strictObject({
    id: ReportIdSchema,
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
    occasion: text(MAX_OCCASION_LENGTH).optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    place: text(MAX_PLACE_LENGTH).optional(),
    speaker: text(MAX_SPEAKER_LENGTH).optional(),
    bundled: z.literal(true).optional(),
    added: isoDate,
    opened: isoDate.optional(),
    removed: isoDate.optional(),
    edition: ReportIdSchema,
    editions: z.array(EditionSchema).min(1).max(MAX_EDITIONS),
    view: ReportViewSchema,
    counts: z.strictObject({ annotations: count, bookmarks: count }),
  })
  .refine(
    (report) => report.editions.some((edition) => edition.id === report.edition),
    '正在阅读的版本不在版本列表中',
  ) satisfies z.ZodType<LibraryReport, unknown>;

export const LibrarySchema = z.strictObject({
  reports: z
    .array(LibraryReportSchema)
    .refine(
      (reports) => new Set(reports.map((report) => report.id)).size === reports.length,
      '报告编号重复',
    ),
}) satisfies z.ZodType<Library, unknown>;

const reportRef = { report: ReportIdSchema };
/** The edition on screen, when a call is about one (the report's current one when absent). */
export const editionRef = { edition: ReportIdSchema.optional() };

/** Requests of the library's calls. */
export const LIBRARY_REQUESTS = {
  /** A file's bytes and its name (for the extension); the parse decides what it is. */
  addReport: z.strictObject({
    fileName: z.string().trim().min(1).max(MAX_FILE_NAME_LENGTH),
    bytes: z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.length <= MAX_REPORT_FILE_BYTES, '文件超过 100 MB'),
  }),
  byReport: z.strictObject(reportRef),
  renameReport: z.strictObject({
    ...reportRef,
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
  }),
  saveReportView: z.strictObject({
    ...reportRef,
    ...editionRef,
    position: ReadingPositionSchema.nullable().optional(),
    collapsed: z.array(blockId).max(500).optional(),
  }),
  /** The reader's answer to an EditionOffer: add as a new edition, as a report of its own, or nothing. */
  answerEditionOffer: z.strictObject({
    token: z.uuid(),
    as: z.enum(['edition', 'report', 'cancel']),
  }),
  /** 修订对照: `against` (the old edition) compared with the edition on screen. */
  compareEditions: z.strictObject({ ...reportRef, ...editionRef, against: ReportIdSchema }),
};
