/** Validation of user data, from disk and from the renderer. */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, LIMITS, type UserData } from './user-data';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '不是有效的编号');
const isoDate = z.iso.datetime({ offset: true });
const tag = z.string().trim().min(1).max(LIMITS.tag);

export const QuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(LIMITS.quote),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});

export const PositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((position) => position.end > position.start, '结束位置必须大于开始位置');

export const TargetSchema = z.strictObject({
  documentVersion: z.string().max(100).optional(),
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema.optional(),
});

const dated = { id, created: isoDate, modified: isoDate };

/** Which figures a 数据摘录 holds (core/figures/select.ts): absent fields keep every figure. */
export const DataExcerptSchema = z.strictObject({
  period: z.enum(['result', 'target', 'other']).optional(),
  kind: z.enum(['money', 'rate', 'count', 'other']).optional(),
  query: z.string().max(200).optional(),
});

export const AnnotationSchema = z.strictObject({
  ...dated,
  color: z.enum(HIGHLIGHT_COLORS),
  note: z.string().max(LIMITS.note),
  tags: z.array(tag).max(LIMITS.tags),
  target: TargetSchema,
});

export const BookmarkSchema = z.strictObject({
  ...dated,
  name: z.string().trim().min(1).max(LIMITS.name),
  target: TargetSchema,
});

export const UserTermSchema = z.strictObject({
  ...dated,
  term: z.string().trim().min(1).max(LIMITS.term),
  definition: z.string().trim().min(1).max(LIMITS.definition),
});

const uniqueIds = <T extends { id: string }>(items: T[]) =>
  new Set(items.map((item) => item.id)).size === items.length;

export const UserDataSchema = z.strictObject({
  annotations: z.array(AnnotationSchema).refine(uniqueIds, '批注编号重复'),
  bookmarks: z.array(BookmarkSchema).refine(uniqueIds, '书签编号重复'),
  terms: z.array(UserTermSchema).refine(uniqueIds, '注释编号重复'),
}) satisfies z.ZodType<UserData, unknown>;

/** Requests from the renderer. Ranges are positions in the document text (doc-text.ts). */
export const REQUESTS = {
  createAnnotation: z.strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    color: z.enum(HIGHLIGHT_COLORS),
    note: z.string().max(LIMITS.note).optional(),
    tags: z.array(tag).max(LIMITS.tags).optional(),
  }),
  updateAnnotation: z.strictObject({
    id,
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    note: z.string().max(LIMITS.note).optional(),
    tags: z.array(tag).max(LIMITS.tags).optional(),
  }),
  byId: z.strictObject({ id }),
  createBookmark: z.strictObject({
    block: z.string().regex(/^[a-z]\d{1,6}$/, '不是段落编号'),
    name: z.string().trim().min(1).max(LIMITS.name).optional(),
  }),
  updateBookmark: z.strictObject({ id, name: z.string().trim().min(1).max(LIMITS.name) }),
  saveTerm: z.strictObject({
    id: id.optional(),
    term: z.string().trim().min(1).max(LIMITS.term),
    definition: z.string().trim().min(1).max(LIMITS.definition),
  }),
  exportAnnotations: z
    .strictObject({
      format: z.enum(['md', 'json']),
      // 数据摘录: the figures the 数说报告 panel's filter keeps, appended to the 发言提纲.
      dataExcerpt: DataExcerptSchema.optional(),
    })
    .refine(
      (request) => request.format === 'md' || request.dataExcerpt === undefined,
      '数据摘录只能附在发言提纲（md）里',
    ),
  // A week of notes is far below this; a mistaken multi-megabyte file is refused early.
  importAnnotations: z.strictObject({ content: z.string().max(5_000_000) }),
};
