/**
 * Reading the reader's data record by record: one annotation with a colour
 * this version does not know, or a field it has never seen, is set aside by
 * itself and every other record loads. Pure: the caller keeps what is set aside.
 */
import type { z } from 'zod';
import type { UserData } from '../../shared/user-data';
import { AnnotationSchema, BookmarkSchema, UserTermSchema } from '../../shared/user-data-schema';

export interface Rejected {
  /** The list the record was in (annotations, bookmarks, terms), or an unknown field's name. */
  list: string;
  reason: string;
  record: unknown;
}

const LISTS = {
  annotations: AnnotationSchema,
  bookmarks: BookmarkSchema,
  terms: UserTermSchema,
} satisfies Record<keyof UserData, z.ZodType>;

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '格式不对';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
  return `${where}${issue.message}`;
}

/**
 * The valid records of `value` and the ones set aside, or null when `value` is
 * not the shape of the reader's data at all (then the whole file is damaged).
 * A second record with an id already seen is set aside too, unless it is an
 * exact copy (then nothing is lost by leaving it out).
 */
export function salvageUserData(value: unknown): { value: UserData; rejected: Rejected[] } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const lists = Object.keys(LISTS) as (keyof UserData)[];
  if (!lists.every((list) => Array.isArray(fields[list]))) return null;
  const rejected: Rejected[] = [];
  const data: UserData = { annotations: [], bookmarks: [], terms: [] };
  for (const list of lists) {
    const seen = new Map<string, string>();
    const kept: unknown[] = [];
    for (const record of fields[list] as unknown[]) {
      const parsed = LISTS[list].safeParse(record);
      if (!parsed.success) {
        rejected.push({ list, reason: reasonOf(parsed.error), record });
        continue;
      }
      const text = JSON.stringify(parsed.data);
      const before = seen.get(parsed.data.id);
      if (before === text) continue;
      if (before !== undefined) {
        rejected.push({ list, reason: `编号重复（${parsed.data.id}）`, record });
        continue;
      }
      seen.set(parsed.data.id, text);
      kept.push(parsed.data);
    }
    (data[list] as unknown[]) = kept;
  }
  for (const [field, extra] of Object.entries(fields)) {
    if (!(field in LISTS))
      rejected.push({ list: field, reason: `未知的字段 ${field}`, record: extra });
  }
  return { value: data, rejected };
}
