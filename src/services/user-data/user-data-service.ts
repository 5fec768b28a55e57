/**
 * The handlers behind annotations, bookmarks and the reader's own terms:
 * requests already validated, data held in one VersionedFile, every target
 * anchored against the current text (and remembered, since targets never
 * change once made).
 */
import { documentText, type DocumentText } from '../../core/report/doc-text';
import type { ReportDocument } from '../../shared/document';
import { sectionPath } from '../../core/report/location';
import type { ExportedFile, ImportReport } from '../../shared/api';
import type {
  Anchor,
  Anchored,
  Annotation,
  Bookmark,
  HighlightColor,
  TextTarget,
  UserData,
  UserDataView,
  UserTerm,
} from '../../shared/user-data';
import { serializeQuarantine } from '../storage/quarantine';
import type { VersionedFile } from '../storage/versioned-file';
import { anchorTarget } from '../../core/annotations/anchor';
import { exportFileName, type NamedReport } from '../../core/library/export-name';
import { reportPlace, shelfTitle } from '../../core/library/shelf';
import { CONTEXT_LENGTH, targetFor } from '../../core/annotations/selectors';
import { speakingNotes } from '../../core/annotations/speaking-notes';
import { planHighlight } from '../../core/annotations/highlight-again';
import { dataExcerpt } from '../../core/figures/excerpt';
import { extractFigures } from '../../core/figures/extract';
import { selectFigures, type FigureSelection } from '../../core/figures/select';
import {
  mergeAnnotations,
  readAnnotationFile,
  toWebAnnotations,
} from '../../core/annotations/web-annotation';

export interface UserDataServiceOptions {
  document: ReportDocument;
  file: VersionedFile<UserData>;
  reportKey: string;
  colorNames: () => Record<HighlightColor, string>;
  now?: () => Date;
  /**
   * Set for an earlier edition of the report: its notes are shown anchored in
   * that edition's text, and every change is refused with this reason (the
   * notes are the report's, kept against its current edition).
   */
  lockedReason?: string;
  /** The report as the 书架 lists it now (a rename shows in the next export's name); else read from the text. */
  named?: () => NamedReport;
}

export type UserDataService = ReturnType<typeof createUserDataService>;

export function createUserDataService(options: UserDataServiceOptions) {
  const { document, file } = options;
  const now = () => (options.now ?? (() => new Date()))();
  const doc: DocumentText = documentText(document.blocks);
  const anchors = new WeakMap<TextTarget, Anchor>();
  const anchorOf = (target: TextTarget): Anchor => {
    let anchor = anchors.get(target);
    if (!anchor) anchors.set(target, (anchor = anchorTarget(doc.text, target)));
    return anchor;
  };
  const anchored = <T extends { target: TextTarget }>(item: T): Anchored<T> => ({
    ...item,
    anchor: anchorOf(item.target),
  });
  const data = () => file.value;
  const { lockedReason } = options;
  const save = async (next: UserData) => {
    if (lockedReason !== undefined) throw new Error(lockedReason);
    return file.save(next);
  };
  const readOnlyReason = lockedReason ?? file.readOnlyReason;

  function find<T extends { id: string }>(list: T[], id: string, what: string): T {
    const item = list.find((candidate) => candidate.id === id);
    if (!item) throw new Error(`找不到这条${what}（${id}），它可能已被删除。`);
    return item;
  }
  const replace = <T extends { id: string }>(list: T[], item: T) =>
    list.map((candidate) => (candidate.id === item.id ? item : candidate));
  const without = <T extends { id: string }>(list: T[], id: string) =>
    list.filter((candidate) => candidate.id !== id);
  const upsert = <T extends { id: string }>(list: T[], item: T) =>
    list.some((candidate) => candidate.id === item.id) ? replace(list, item) : [...list, item];

  function stamp() {
    const at = now().toISOString();
    return { id: crypto.randomUUID(), created: at, modified: at };
  }

  const named =
    options.named ??
    (() => ({
      title: shelfTitle(document),
      date: document.date,
      occasion: document.occasion,
      place: reportPlace(document),
    }));
  const exportName = (kind: string, extension: string) => exportFileName(named(), kind, extension);

  async function changeAnnotation(
    id: string,
    changes: Partial<Pick<Annotation, 'color' | 'note' | 'tags'>>,
  ): Promise<Anchored<Annotation>> {
    const current = find(data().annotations, id, '批注');
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    const next: Annotation = { ...current, ...defined, modified: now().toISOString() };
    await save({ ...data(), annotations: replace(data().annotations, next) });
    return anchored(next);
  }

  return {
    view(): UserDataView {
      return {
        annotations: data().annotations.map(anchored),
        bookmarks: data().bookmarks.map(anchored),
        terms: data().terms,
        readOnly: file.readOnly || lockedReason !== undefined,
        ...(readOnlyReason !== null ? { readOnlyReason } : {}),
        quarantined: file.quarantine.length,
      };
    },

    async createAnnotation(request: {
      start: number;
      end: number;
      color: HighlightColor;
      note?: string;
      tags?: string[];
    }): Promise<Anchored<Annotation>> {
      const { start, end } = request;
      if (end <= start || end > doc.text.length) {
        throw new Error(`选区超出了报告正文（${start}–${end}，正文共 ${doc.text.length} 字）`);
      }
      if (doc.text.slice(start, end).trim() === '') throw new Error('选区里没有文字');
      // Words already highlighted: the existing highlight is answered, in the colour asked for.
      const plan = planHighlight(doc.text, data().annotations.map(anchored), request);
      if (plan.kind === 'unchanged') return anchored(find(data().annotations, plan.id, '批注'));
      if (plan.kind === 'recolour') return changeAnnotation(plan.id, { color: request.color });
      const annotation: Annotation = {
        ...stamp(),
        color: request.color,
        note: request.note ?? '',
        tags: request.tags ?? [],
        target: targetFor(doc.text, start, end, document.version),
      };
      await save({ ...data(), annotations: [...data().annotations, annotation] });
      return anchored(annotation);
    },

    async updateAnnotation(request: {
      id: string;
      color?: HighlightColor;
      note?: string;
      tags?: string[];
    }): Promise<Anchored<Annotation>> {
      const { id, ...changes } = request;
      return changeAnnotation(id, changes);
    },

    async deleteAnnotation({ id }: { id: string }): Promise<Annotation> {
      const current = find(data().annotations, id, '批注');
      await save({ ...data(), annotations: without(data().annotations, id) });
      return current;
    },

    /** Undo of a delete: the annotation exactly as it was. */
    async restoreAnnotation(annotation: Annotation): Promise<Anchored<Annotation>> {
      await save({ ...data(), annotations: upsert(data().annotations, annotation) });
      return anchored(annotation);
    },

    async createBookmark(request: { block: string; name?: string }): Promise<Anchored<Bookmark>> {
      const index = doc.indexOf.get(request.block);
      if (index === undefined) throw new Error(`报告里没有这一段：${request.block}`);
      const start = doc.starts[index];
      const length = Math.min(CONTEXT_LENGTH, document.blocks[index].text.length);
      const order = doc.indexOf;
      const section = sectionPath(document.outline, order, request.block).at(-1);
      const bookmark: Bookmark = {
        ...stamp(),
        name: request.name ?? section?.title ?? '开篇',
        target: targetFor(doc.text, start, start + Math.max(1, length), document.version),
      };
      await save({ ...data(), bookmarks: [...data().bookmarks, bookmark] });
      return anchored(bookmark);
    },

    async updateBookmark({ id, name }: { id: string; name: string }): Promise<Anchored<Bookmark>> {
      const next: Bookmark = {
        ...find(data().bookmarks, id, '书签'),
        name,
        modified: now().toISOString(),
      };
      await save({ ...data(), bookmarks: replace(data().bookmarks, next) });
      return anchored(next);
    },

    async deleteBookmark({ id }: { id: string }): Promise<Bookmark> {
      const current = find(data().bookmarks, id, '书签');
      await save({ ...data(), bookmarks: without(data().bookmarks, id) });
      return current;
    },

    async restoreBookmark(bookmark: Bookmark): Promise<Anchored<Bookmark>> {
      await save({ ...data(), bookmarks: upsert(data().bookmarks, bookmark) });
      return anchored(bookmark);
    },

    async saveTerm(request: { id?: string; term: string; definition: string }): Promise<UserTerm> {
      const at = now().toISOString();
      const term: UserTerm =
        request.id === undefined
          ? { ...stamp(), term: request.term, definition: request.definition }
          : {
              ...find(data().terms, request.id, '注释'),
              term: request.term,
              definition: request.definition,
              modified: at,
            };
      await save({ ...data(), terms: upsert(data().terms, term) });
      return term;
    },

    async deleteTerm({ id }: { id: string }): Promise<UserTerm> {
      const current = find(data().terms, id, '注释');
      await save({ ...data(), terms: without(data().terms, id) });
      return current;
    },

    exportAnnotations({
      format,
      dataExcerpt: excerpt,
    }: {
      format: 'md' | 'json';
      dataExcerpt?: FigureSelection;
    }): ExportedFile {
      const annotations = data().annotations.map(anchored);
      if (format === 'md') {
        const notes = speakingNotes(
          document,
          doc,
          annotations,
          options.colorNames(),
          now(),
          named().title,
        );
        // Extracted here, only when asked for: a plain 发言提纲 never pays for it.
        const figures =
          excerpt === undefined
            ? ''
            : '\n' +
              dataExcerpt(selectFigures(extractFigures(document), excerpt, document), document);
        return {
          fileName: exportName('发言提纲', 'md'),
          mimeType: 'text/markdown;charset=utf-8',
          content: notes + figures,
        };
      }
      const collection = toWebAnnotations(
        data().annotations,
        { key: options.reportKey, title: document.title },
        now(),
      );
      return {
        fileName: exportName('批注', 'json'),
        mimeType: 'application/ld+json;charset=utf-8',
        content: JSON.stringify(collection, null, 2) + '\n',
      };
    },

    /** The records set aside from this report's file, as the quarantine file holds them. */
    exportQuarantine(): ExportedFile {
      return {
        fileName: exportName('无法读取的记录', 'json'),
        mimeType: 'application/json;charset=utf-8',
        content: serializeQuarantine(file.quarantine),
      };
    },

    /** All or nothing: a bad file throws before anything is merged. */
    async importAnnotations({ content }: { content: string }): Promise<ImportReport> {
      // Refused up front, not only when something would be saved: a report of
      // "0 added" from a read-only file would read as a successful import.
      if (file.readOnly || lockedReason !== undefined) await save(data());
      const { annotations: incoming, source } = readAnnotationFile(content, now());
      const orphans = incoming.filter((a) => anchorOf(a.target).status === 'orphan').length;
      // Another report's notes (the wrong file from a meeting folder of several
      // reports' exports): taken only where their words are in this text, as
      // notes of a draft added as a report of its own are; else refused, rather
      // than filed under 未能定位 as if this report's text had changed.
      const from = source && source.key !== options.reportKey ? source : null;
      if (from && incoming.length > 0 && orphans === incoming.length) {
        const named = from.title ? `《${from.title}》` : '另一份报告';
        throw new Error(
          `这是${named}的批注文件，本报告中找不到其中任何一条批注的原文：请打开那份报告后再导入。`,
        );
      }
      const merged = mergeAnnotations(data().annotations, incoming);
      if (merged.report.added + merged.report.updated > 0) {
        await save({ ...data(), annotations: merged.annotations });
      }
      return { ...merged.report, orphans, ...(from?.title && { from: from.title }) };
    },
  };
}
