/**
 * The top bar: 书架, 目录 toggle, title, search and its scope, font size,
 * theme and 快捷键, each a command from the registry. As the window narrows, parts fold into the
 * 更多 menu (toolbar-fit.ts); the same controls are drawn there.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { CommandButton } from '../commands/CommandButton';
import { FontSizeControls, ThemePicker } from '../features/appearance/AppearanceControls';
import { ScopeSwitch } from '../features/library/ScopeSwitch';
import { useReportName } from '../features/library/useReportName';
import { useWindowTitle } from '../features/library/useWindowTitle';
import { SearchBox } from '../features/search/SearchBox';
import { useReader } from './context';
import { keepToolbarFitted } from './toolbar-fit';

const MORE_ID = 'toolbar-more';

/** The parts that fold, as drawn inline and again in the menu. */
function Foldable({ menu = false }: { menu?: boolean }): ReactNode {
  const { commands } = useReader();
  const row = (fold: string, label: string, control: ReactNode) =>
    menu ? (
      <div className="more-row" data-fold={fold}>
        <span className="more-label">{label}</span>
        {control}
      </div>
    ) : (
      <div className="toolbar-part" data-fold={fold}>
        {control}
      </div>
    );
  return (
    <>
      {row('scope', '搜索范围', <ScopeSwitch />)}
      {row('font', '字号', <FontSizeControls />)}
      {row('theme', '主题', <ThemePicker />)}
      {row(
        'help',
        '帮助',
        <CommandButton registry={commands} id="help.shortcuts">
          {menu ? '快捷键' : '?'}
        </CommandButton>,
      )}
    </>
  );
}

export function Toolbar() {
  const { commands } = useReader();
  const title = useReportName();
  useWindowTitle(title);
  const bar = useRef<HTMLElement>(null);
  useLayoutEffect(() => keepToolbarFitted(bar.current!), []);
  // The menu's controls exist only while it is open: never two of each to find.
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <header className="toolbar" ref={bar}>
      {/* Past the toolbar and the 目录 in one key press. */}
      <a
        className="skip-link"
        href="#pane"
        onClick={(event) => {
          event.preventDefault();
          window.document.getElementById('pane')?.focus();
        }}
      >
        跳到正文
      </a>
      <CommandButton registry={commands} id="library.show">
        书架
      </CommandButton>
      <CommandButton registry={commands} id="toc.toggle">
        <span aria-hidden="true">☰</span>
        <span data-fold="label"> 目录</span>
      </CommandButton>
      <span className="toolbar-title" data-fold="title">
        {title}
      </span>
      <SearchBox />
      <Foldable />
      <button
        type="button"
        className="tool-button toolbar-more-button"
        popoverTarget={MORE_ID}
        aria-label="更多"
        title="更多：搜索范围、字号、主题、快捷键"
      >
        ⋯
      </button>
      <div
        id={MORE_ID}
        popover="auto"
        className="toolbar-more"
        role="group"
        aria-label="更多"
        onBeforeToggle={(event) => setMenuOpen(event.newState === 'open')}
      >
        {menuOpen && <Foldable menu />}
      </div>
    </header>
  );
}
