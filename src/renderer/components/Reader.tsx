/** The reading screen: wires settings, the pane, the TOC and the commands together. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { ReportDocument } from '../../shared/document';
import type { ReadingPosition, Settings } from '../../shared/settings';
import { useCommandKeys } from '../hooks/useCommandKeys';
import { useReadingPane } from '../hooks/useReadingPane';
import { useSettings } from '../hooks/useSettings';
import type { CommandContext } from '../lib/commands';
import { entryForBlock, neighbourEntry } from '../lib/outline-tree';
import { NoticeBar } from './NoticeBar';
import { ReportView } from './ReportView';
import { TableOfContents } from './TableOfContents';
import { Toolbar } from './Toolbar';

/** Below this width the TOC covers the text instead of sitting beside it. */
const WIDE_LAYOUT = '(min-width: 960px)';

interface Props {
  api: ReaderApi;
  document: ReportDocument;
  initialSettings: Settings;
  initialNotices: string[];
}

export function Reader({ api, document, initialSettings, initialNotices }: Props) {
  const [notices, setNotices] = useState(initialNotices);
  const addNotice = useCallback((message: string) => setNotices((list) => [...list, message]), []);
  const [settings, update] = useSettings(api, initialSettings, addNotice);
  const [wide, setWide] = useState(() => window.matchMedia(WIDE_LAYOUT).matches);
  const [tocOpen, setTocOpen] = useState(wide);
  useEffect(() => {
    const query = window.matchMedia(WIDE_LAYOUT);
    const onChange = () => setWide(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const savePosition = useCallback(
    (position: ReadingPosition) => {
      void api.updateSettings({ position }).then((result) => {
        if (!result.ok) addNotice(`阅读位置未能保存：${result.error}`);
      });
    },
    [api, addNotice],
  );
  const { paneRef, topBlock, jumpTo, scrollBy } = useReadingPane(
    initialSettings.position,
    savePosition,
  );

  const blockOrder = useMemo(
    () => new Map(document.blocks.map((block, index) => [block.id, index])),
    [document],
  );
  const currentEntry = useMemo(
    () => (topBlock === null ? undefined : entryForBlock(document.outline, blockOrder, topBlock)),
    [document, blockOrder, topBlock],
  );

  const jumpAndClose = useCallback(
    (block: string) => {
      jumpTo(block);
      if (!wide) setTocOpen(false);
    },
    [jumpTo, wide],
  );

  const context: CommandContext = {
    settings,
    update,
    scrollBy,
    toggleToc: () => setTocOpen((open) => !open),
    tocCoversText: tocOpen && !wide,
    goToSection: (step) => {
      const target = neighbourEntry(document.outline, currentEntry?.block ?? null, step);
      if (target) jumpTo(target.block);
    },
  };
  useCommandKeys(context);

  const collapsed = useMemo(() => new Set(settings.collapsed), [settings.collapsed]);
  const toggleCollapsed = (block: string) =>
    update({
      collapsed: collapsed.has(block)
        ? settings.collapsed.filter((id) => id !== block)
        : [...settings.collapsed, block],
    });

  useEffect(() => {
    // Signals for the benchmark and tests: the reader is drawn and answers input.
    performance.mark('reader:interactive');
    window.document.documentElement.dataset.ready = 'true';
  }, []);

  return (
    <div className={`reader ${tocOpen ? 'toc-open' : 'toc-closed'}`}>
      <Toolbar title={document.title} context={context} tocOpen={tocOpen} />
      <NoticeBar
        notices={notices}
        onDismiss={(index) => setNotices((list) => list.filter((_, i) => i !== index))}
      />
      <div className="reader-body">
        {tocOpen && (
          <aside className="sidebar">
            <TableOfContents
              outline={document.outline}
              current={currentEntry?.block ?? null}
              collapsed={collapsed}
              onToggle={toggleCollapsed}
              onJump={jumpAndClose}
            />
          </aside>
        )}
        <main className="pane" ref={paneRef} tabIndex={0} aria-label="正文">
          <ReportView document={document} />
        </main>
      </div>
    </div>
  );
}
