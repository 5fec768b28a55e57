/**
 * The shape of a parsed report as the library keeps it on disk: checked when
 * read back, so a damaged or hand-edited copy is never drawn as a report.
 */
import { z } from 'zod';
import type { ReportDocument } from './document';

const span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const blockId = z.string().regex(/^[a-z]\d{1,7}$/);

const BlockSchema = z.strictObject({
  id: blockId,
  kind: z.enum(['heading', 'paragraph', 'meta', 'glossary']),
  level: level.optional(),
  text: z.string(),
  lead: z.number().int().min(0).optional(),
  emphasis: z.array(span).optional(),
  role: z.enum(['title', 'occasion', 'speaker', 'signature', 'date', 'label']).optional(),
});

export const ReportDocumentSchema = z.strictObject({
  title: z.string(),
  occasion: z.string().optional(),
  date: z.string().optional(),
  speaker: z.string().optional(),
  version: z.string().min(1).max(100),
  blocks: z.array(BlockSchema),
  outline: z.array(z.strictObject({ level, title: z.string(), block: blockId })),
  glossary: z.array(
    z.strictObject({
      // Drawn into the page as an attribute (report-html.ts): only the parser's own ids.
      id: z.string().regex(/^g\d{1,7}$/),
      terms: z.array(z.string()),
      definition: z.string(),
      block: blockId,
      occurrences: z.array(
        z.strictObject({
          block: blockId,
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          term: z.string(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<ReportDocument, unknown>;
