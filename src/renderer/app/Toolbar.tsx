/** The top bar: 目录 toggle, title, search, font size, theme and 快捷键, each a command from the registry. */
import { CommandButton } from '../commands/CommandButton';
import { FontSizeControls, ThemePicker } from '../features/appearance/AppearanceControls';
import { SearchBox } from '../features/search/SearchBox';
import { useReader } from './context';

export function Toolbar() {
  const { document, commands } = useReader();
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
      <CommandButton registry={commands} id="toc.toggle">
        <span aria-hidden="true">☰</span> 目录
      </CommandButton>
      <span className="toolbar-title">{document.title}</span>
      <SearchBox />
      <FontSizeControls />
      <ThemePicker />
      <CommandButton registry={commands} id="help.shortcuts">
        ?
      </CommandButton>
    </header>
  );
}
