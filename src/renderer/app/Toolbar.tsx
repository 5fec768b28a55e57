/** The top bar: 书架, 目录 toggle, title, search and its scope, font size, theme and 快捷键, each a command from the registry. */
import { CommandButton } from '../commands/CommandButton';
import { FontSizeControls, ThemePicker } from '../features/appearance/AppearanceControls';
import { ScopeSwitch } from '../features/library/ScopeSwitch';
import { SearchBox } from '../features/search/SearchBox';
import { useStore } from '../store';
import { useReader } from './context';

export function Toolbar() {
  const { document, commands, shelf, report } = useReader();
  // The name it has on the 书架 (renamable), else the report's own title.
  const title = useStore(
    shelf,
    (state) => state.view.reports.find((entry) => entry.id === report.id)?.title,
  );
  return (
    <header className="toolbar">
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
        <span aria-hidden="true">☰</span> 目录
      </CommandButton>
      <span className="toolbar-title">{title ?? document.title}</span>
      <SearchBox />
      <ScopeSwitch />
      <FontSizeControls />
      <ThemePicker />
      <CommandButton registry={commands} id="help.shortcuts">
        ?
      </CommandButton>
    </header>
  );
}
