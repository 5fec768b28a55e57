/**
 * Every part of the interface that is not needed before the text is
 * interactive, each a chunk of its own (lazy-part.tsx): the sidebar's panels
 * but the 目录, the layers over the text, the dialogs, and 数说报告 on paper.
 * The first bundle is what reading, scrolling, searching and selecting need;
 * these are fetched when the browser is idle after start (preloadParts), or
 * at once when asked for first.
 */
import { useEffect, type ComponentType, type ReactNode } from 'react';
import { loadExtraction } from '../features/figures/figures-store';
import { useReader } from './context';
import { lazyPart, type LazyPart } from './lazy-part';

/** Said in place of a panel whose chunk is on its way (a key pressed right at start). */
function PanelLoading({ name }: { name: string }) {
  return (
    <p className="panel-hint" role="status">
      正在载入{name}…
    </p>
  );
}

/** In place of a panel whose chunk could not be loaded: the text and the other panels still work. */
function PanelFailed({ name, error, retry }: { name: string; error: Error; retry(): void }) {
  // The browser's own words (a URL, in English) go in the tooltip, for whoever reports it.
  return (
    <div className="panel part-failed" role="alert">
      <p title={error.message}>{name}的程序文件未能载入，可以重试；仍不行时请重新打开阅读器。</p>
      <button type="button" className="tool-button" onClick={retry}>
        重试
      </button>
    </div>
  );
}

/** A layer or dialog has no place of its own to say it failed: a notice says it, once. */
function NoticeOfFailure({ name, error }: { name: string; error: Error }) {
  const { notices } = useReader();
  useEffect(() => {
    notices.add(`${name}的程序文件未能载入，请重新打开阅读器。`);
    // The browser's own words (a URL, in English) would mean nothing in a notice: they go to the console, for whoever reports it.
    console.warn(`${name}: ${error.message}`);
  }, [notices, name, error]);
  return null;
}

/** Every part made here, in the order preloadParts fetches them: the order they are made in. */
const ALL: LazyPart<never>[] = [];

/** A part, listed for preloadParts as it is made, so none is ever left out of it. */
function part<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: Parameters<typeof lazyPart>[1],
): LazyPart<P> {
  const made = lazyPart(load, options);
  ALL.push(made);
  return made;
}

const panel = <P extends object>(name: string, load: () => Promise<ComponentType<P>>) =>
  part(load, {
    loading: <PanelLoading name={name} />,
    failed: (error, retry) => <PanelFailed name={name} error={error} retry={retry} />,
  });

const layer = <P extends object>(name: string, load: () => Promise<ComponentType<P>>) =>
  part(load, {
    failed: (error): ReactNode => <NoticeOfFailure name={name} error={error} />,
  });

// The layers over the text first: selecting text or pointing at a term needs them.
// They need Floating UI, a third of the first bundle as it was.
export const AnnotationLayer = layer('批注工具', () =>
  import('../features/annotations/AnnotationLayer').then((module) => module.AnnotationLayer),
);
export const GlossaryTerms = layer('名词解释', () =>
  import('../features/glossary/GlossaryTerms').then((module) => module.GlossaryTerms),
);
/** The 书架, a file's progress and 撤销 of a removal. */
export const LibraryLayer = layer('书架', () =>
  import('../features/library/LibraryLayer').then((module) => module.LibraryLayer),
);

export const GlossaryPanel = panel('名词解释', () =>
  import('../features/glossary/GlossaryPanel').then((module) => module.GlossaryPanel),
);
export const AnnotationsPanel = panel('批注', () =>
  import('../features/annotations/AnnotationsPanel').then((module) => module.AnnotationsPanel),
);
export const BookmarksPanel = panel('书签', () =>
  import('../features/bookmarks/BookmarksPanel').then((module) => module.BookmarksPanel),
);
// With the extraction code (the same chunk), so the panel extracts in its first frame.
export const FiguresPanel = panel('数说报告', () =>
  Promise.all([import('../features/figures/FiguresPanel'), loadExtraction()]).then(
    ([module]) => module.FiguresPanel,
  ),
);
export const EditionsPanel = panel('修订对照', () =>
  import('../features/editions/EditionsPanel').then((module) => module.EditionsPanel),
);
/** Every report's results of a search, above the 目录. */
export const LibraryResults = panel('全部报告的搜索结果', () =>
  import('../features/library/LibraryResults').then((module) => module.LibraryResults),
);

export const Shortcuts = layer('快捷键表', () =>
  import('../features/shortcuts/ShortcutsDialog').then((module) => module.Shortcuts),
);
export const CompareDialog = layer('版本对照', () =>
  import('../features/editions/CompareDialog').then((module) => module.CompareDialog),
);
/**
 * 数说报告's tables and charts on paper, made once its panel has shown. Its
 * chunk is the panel's (the figures' code): the panel says so when it failed.
 */
export const PrintedFigures = part(
  () => import('../features/figures/PrintedFigures').then((module) => module.PrintedFigures),
  { failed: () => null },
);

/**
 * Fetches every part's chunk, one after another, so no part ever waits when
 * first asked for. A chunk that fails here is simply asked again when its
 * part is drawn.
 */
export async function preloadParts(): Promise<void> {
  for (const each of ALL) await each.preload().catch(() => undefined);
}
