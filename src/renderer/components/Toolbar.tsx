/** The top bar: TOC toggle, font size and theme, all driven by the command list. */
import { THEMES, type Theme } from '../../shared/settings';
import { commandById, isEnabled, THEME_LABELS, type CommandContext } from '../lib/commands';

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
}: {
  title: string;
  context: CommandContext;
  tocOpen: boolean;
}) {
  const { settings } = context;
  return (
    <header className="toolbar">
      <CommandButton id="toc.toggle" context={context} pressed={tocOpen}>
        <span aria-hidden="true">☰</span> 目录
      </CommandButton>
      <span className="toolbar-title">{title}</span>
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
      <label className="toolbar-group theme-picker">
        <span>主题</span>
        <select
          aria-label="主题"
          value={settings.theme}
          onChange={(event) => commandById(`theme.${event.target.value as Theme}`).perform(context)}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
