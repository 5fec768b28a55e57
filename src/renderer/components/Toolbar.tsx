/** The top bar: TOC toggle, font size and theme, all driven by the command list. */
import type { KeyboardEvent } from 'react';
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

/**
 * Arrow keys move the choice within the theme group, as in any radio group;
 * focus follows the checked button (roving tabindex).
 */
function moveInRadioGroup(
  event: KeyboardEvent<HTMLButtonElement>,
  theme: Theme,
  context: CommandContext,
) {
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (step === undefined) return;
  event.preventDefault();
  // Keep the reader's own ↑/↓ scrolling from also seeing this key.
  event.stopPropagation();
  const next = THEMES[(THEMES.indexOf(theme) + step + THEMES.length) % THEMES.length];
  commandById(`theme.${next}`).perform(context);
  const group = event.currentTarget.parentElement;
  group?.querySelector<HTMLButtonElement>(`[data-theme-choice="${next}"]`)?.focus();
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
      <div className="toolbar-group theme-picker" role="radiogroup" aria-label="主题">
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="button"
            role="radio"
            className="theme-choice"
            aria-checked={settings.theme === theme}
            tabIndex={settings.theme === theme ? 0 : -1}
            data-theme-choice={theme}
            onClick={() => commandById(`theme.${theme}`).perform(context)}
            onKeyDown={(event) => moveInRadioGroup(event, theme, context)}
          >
            {THEME_LABELS[theme]}
          </button>
        ))}
      </div>
    </header>
  );
}
