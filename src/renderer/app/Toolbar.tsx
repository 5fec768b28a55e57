/** The top bar: TOC toggle, font size and theme, all driven by the command list. */
import { THEMES } from '../../shared/settings';
import { commandById, isEnabled, THEME_LABELS, type CommandContext } from '../commands/commands';
import { ChoiceGroup } from '../ui/ChoiceGroup';

function CommandButton({
  id,
  context,
  children,
  pressed,
}: {
  id: string;
  context: CommandContext;
  children: React.ReactNode;
  pressed?: boolean;
}) {
  const command = commandById(id);
  const keys = command.keys.map((binding) => binding.key).join(' / ');
  return (
    <button
      type="button"
      data-command={id}
      className="tool-button"
      aria-label={command.label}
      aria-pressed={pressed}
      title={keys ? `${command.label}（${keys}）` : command.label}
      disabled={!isEnabled(command, context)}
      onClick={() => command.perform(context)}
    >
      {children}
    </button>
  );
}

export function Toolbar({
  title,
  context,
  tocOpen,
  search,
}: {
  title: string;
  context: CommandContext;
  tocOpen: boolean;
  search: React.ReactNode;
}) {
  const { settings } = context;
  return (
    <header className="toolbar">
      {/* Past the toolbar and the 目录 in one key press. */}
      <a
        className="skip-link"
        href="#pane"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('pane')?.focus();
        }}
      >
        跳到正文
      </a>
      <CommandButton id="toc.toggle" context={context} pressed={tocOpen}>
        <span aria-hidden="true">☰</span> 目录
      </CommandButton>
      <span className="toolbar-title">{title}</span>
      {search}
      <div className="toolbar-group" role="group" aria-label="字号">
        <CommandButton id="font.decrease" context={context}>
          A−
        </CommandButton>
        <output className="font-size-value" aria-live="polite" aria-label="当前字号">
          {settings.fontSize}
        </output>
        <CommandButton id="font.increase" context={context}>
          A+
        </CommandButton>
      </div>
      <ChoiceGroup
        className="toolbar-group theme-picker"
        label="主题"
        options={THEMES}
        value={settings.theme}
        labelOf={(theme) => THEME_LABELS[theme]}
        onChoose={(theme) => commandById(`theme.${theme}`).perform(context)}
      />
      <CommandButton id="help.shortcuts" context={context}>
        ?
      </CommandButton>
    </header>
  );
}
