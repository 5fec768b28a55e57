/**
 * Annotations as a W3C Web Annotation collection, out and in. Import is
 * lenient about shape (a collection, a page, an array, one annotation, or a
 * Hypothesis API answer; selectors as an object or a list) and strict about
 * content: every item must carry a TextQuoteSelector and pass the schema, or
 * nothing is imported and the error names the item.
 */
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '../../shared/user-data';
import { sha256Hex } from '../sha256';
import { AnnotationSchema } from '../../shared/user-data-schema';
import { APP_NAME } from '../../shared/app-name';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const URN_UUID = 'urn:uuid:';
const STYLE_PREFIX = 'reader-highlight-';
/** Our exports name the report their notes were made on: `urn:report-reader:<report id>`. */
const SOURCE_PREFIX = 'urn:report-reader:';
const LABEL_PREFIX = `${APP_NAME}批注：`;

export function toWebAnnotations(
  annotations: Annotation[],
  source: { key: string; title: string },
  now = new Date(),
): object {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: `${LABEL_PREFIX}${source.title}`,
    generator: { type: 'Software', name: APP_NAME },
    generated: now.toISOString(),
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((annotation) => toWebAnnotation(annotation, source.key)),
    },
  };
}

function toWebAnnotation(annotation: Annotation, key: string): object {
  const { quote, position, documentVersion } = annotation.target;
  return {
    id: URN_UUID + annotation.id,
    type: 'Annotation',
    created: annotation.created,
    modified: annotation.modified,
    motivation: annotation.note.trim() === '' ? 'highlighting' : 'commenting',
    body: [
      ...(annotation.note === ''
        ? []
        : [
            {
              type: 'TextualBody',
              purpose: 'commenting',
              value: annotation.note,
              format: 'text/plain',
              language: 'zh-CN',
            },
          ]),
      ...annotation.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
    ],
    target: {
      source: `${SOURCE_PREFIX}${key}`,
      // The Web Annotation model's own way to carry a highlight's style.
      styleClass: STYLE_PREFIX + annotation.color,
      ...(documentVersion === undefined ? {} : { documentVersion }),
      selector: position === undefined ? [quote] : [quote, position],
    },
  };
}

export class ImportError extends Error {}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A collection holds a page holds the items; anything deeper is not an annotation file. */
const MAX_CONTAINER_DEPTH = 4;

/** The items of whatever container the file holds. */
function itemsOf(root: unknown, depth = 0): unknown[] {
  // A file of `{"first":{"first":…}}` nested 100 000 deep would overflow the stack.
  if (depth > MAX_CONTAINER_DEPTH) throw new ImportError('文件的嵌套层次太深，不是批注文件');
  if (Array.isArray(root)) return root;
  if (!isObject(root)) throw new ImportError('文件内容不是批注集合、批注列表或单条批注');
  if (Array.isArray(root.items)) return root.items;
  if (Array.isArray(root.rows)) return root.rows; // Hypothesis API search result
  if (isObject(root.first)) return itemsOf(root.first, depth + 1);
  // The model lets an empty collection leave out its first page.
  if (root.type === 'AnnotationCollection' && root.first === undefined && root.total === 0) {
    return [];
  }
  if (root.type === 'Annotation' || 'target' in root) return [root];
  throw new ImportError('文件里没有找到批注（需要 W3C Web Annotation 的 items 或 Annotation）');
}

/** Our own ids come back as they went out; any other id maps to a stable one of ours. */
function localId(raw: unknown): string {
  if (typeof raw === 'string') {
    const bare = raw.startsWith(URN_UUID) ? raw.slice(URN_UUID.length) : raw;
    if (/^[A-Za-z0-9_-]{1,64}$/.test(bare)) return bare;
    return 'x' + sha256Hex(raw).slice(0, 32);
  }
  return crypto.randomUUID();
}

function selectorsOf(target: unknown): Json[] {
  return asList(target).flatMap((part) =>
    isObject(part) ? asList(part.selector).filter(isObject) : [],
  );
}

function colorOf(target: unknown): HighlightColor {
  for (const part of asList(target)) {
    if (!isObject(part) || typeof part.styleClass !== 'string') continue;
    const color = part.styleClass.replace(STYLE_PREFIX, '');
    if ((HIGHLIGHT_COLORS as readonly string[]).includes(color)) return color as HighlightColor;
  }
  return 'c1';
}

function versionOf(target: unknown): string | undefined {
  const part = asList(target).find(isObject);
  return part && typeof part.documentVersion === 'string' ? part.documentVersion : undefined;
}

function bodiesOf(item: Json): { note: string; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  for (const body of asList(item.body)) {
    if (typeof body === 'string') notes.push(body);
    else if (isObject(body) && typeof body.value === 'string') {
      (body.purpose === 'tagging' ? tags : notes).push(body.value);
    }
  }
  // Hypothesis keeps the note in `text` and tags in `tags`.
  if (typeof item.text === 'string' && item.text !== '') notes.push(item.text);
  if (Array.isArray(item.tags)) tags.push(...item.tags.filter((t) => typeof t === 'string'));
  return { note: notes.join('\n\n'), tags: [...new Set(tags.map((t) => t.trim()))] };
}

function fromWebAnnotation(raw: unknown, now: string): Annotation {
  if (!isObject(raw)) throw new ImportError('不是一个对象');
  const selectors = selectorsOf(raw.target);
  const quote = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  if (!quote) throw new ImportError('缺少 TextQuoteSelector（引用的原文）');
  const position = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const { note, tags } = bodiesOf(raw);
  const created = typeof raw.created === 'string' ? raw.created : now;
  const candidate = {
    id: localId(raw.id),
    created,
    modified:
      typeof raw.modified === 'string'
        ? raw.modified
        : typeof raw.updated === 'string'
          ? raw.updated
          : created,
    color: colorOf(raw.target),
    note,
    tags,
    target: {
      ...(versionOf(raw.target) === undefined ? {} : { documentVersion: versionOf(raw.target) }),
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        prefix: quote.prefix ?? '',
        suffix: quote.suffix ?? '',
      },
      ...(position
        ? { position: { type: position.type, start: position.start, end: position.end } }
        : {}),
    },
  };
  const parsed = AnnotationSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`${issue.path.join('.')}：${issue.message}`);
  }
  return parsed.data;
}

/**
 * The report a file's notes were made on, as our exports say it: its id (in
 * every note's target) and its name (in the collection's label); null for a
 * file that does not say (another tool's, a hand-written one).
 */
export interface NotesSource {
  readonly key: string;
  readonly title?: string;
}

function sourceOf(root: unknown, items: unknown[]): NotesSource | null {
  const keys = new Set<string>();
  for (const item of items) {
    const target = isObject(item) ? asList(item.target).find(isObject) : undefined;
    const source = target?.source;
    if (typeof source === 'string' && source.startsWith(SOURCE_PREFIX)) {
      keys.add(source.slice(SOURCE_PREFIX.length));
    }
  }
  // Notes of several reports (a hand-merged file) name no one report.
  if (keys.size !== 1) return null;
  const [key] = keys;
  const label = isObject(root) && typeof root.label === 'string' ? root.label : '';
  const title = label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length).trim() : '';
  return title === '' ? { key } : { key, title };
}

/**
 * Every annotation in `text`, or an ImportError that names the first bad
 * item; and the report the file says they were made on.
 */
export function readAnnotationFile(
  text: string,
  now = new Date(),
): { annotations: Annotation[]; source: NotesSource | null } {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(`不是有效的 JSON：${(error as Error).message}`);
  }
  // An empty collection (our own export of no annotations) imports as nothing added.
  const items = itemsOf(root);
  const stamp = now.toISOString();
  const annotations = items.map((item, index) => {
    try {
      return fromWebAnnotation(item, stamp);
    } catch (error) {
      throw new ImportError(`第 ${index + 1} 条批注无效：${(error as Error).message}`);
    }
  });
  const ids = new Set<string>();
  for (const [index, annotation] of annotations.entries()) {
    if (ids.has(annotation.id)) {
      throw new ImportError(`第 ${index + 1} 条批注的编号与前面的重复：${annotation.id}`);
    }
    ids.add(annotation.id);
  }
  return { annotations, source: sourceOf(root, items) };
}

/** Every annotation in `text`, or an ImportError that names the first bad item. */
export function parseWebAnnotations(text: string, now = new Date()): Annotation[] {
  return readAnnotationFile(text, now).annotations;
}

export interface MergeReport {
  added: number;
  updated: number;
  unchanged: number;
}

/** Merge by id: a newer copy (by `modified`) replaces ours; an older or equal one is ignored. */
export function mergeAnnotations(
  current: Annotation[],
  incoming: Annotation[],
): { annotations: Annotation[]; report: MergeReport } {
  const byId = new Map(current.map((annotation) => [annotation.id, annotation]));
  const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
  for (const annotation of incoming) {
    const existing = byId.get(annotation.id);
    if (!existing) report.added++;
    else if (Date.parse(annotation.modified) > Date.parse(existing.modified)) report.updated++;
    else {
      report.unchanged++;
      continue;
    }
    byId.set(annotation.id, annotation);
  }
  return { annotations: [...byId.values()], report };
}
