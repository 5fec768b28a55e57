/**
 * The desktop application menu, kept in step with the command list: the
 * renderer sends what each menu item shows (label, shortcut, enabled, ticked)
 * whenever that changes, and runs the command whose id a menu click sends
 * back. In browser mode there is no menu and this does nothing.
 */
import { useEffect, useRef } from 'react';
import type { ReaderApi } from '../../shared/api';
import { COMMANDS, isEnabled, menuCommands, type CommandContext } from './commands';

export function useShellMenu(api: ReaderApi, context: CommandContext, desktop: boolean): void {
  const latest = useRef(context);
  useEffect(() => {
    latest.current = context;
  });

  // Sent only when what the menu shows has changed, not on every render.
  const shown = desktop ? JSON.stringify(menuCommands(context)) : '';
  useEffect(() => {
    if (!desktop) return;
    void api.setMenuCommands(JSON.parse(shown) as ReturnType<typeof menuCommands>);
  }, [api, desktop, shown]);

  useEffect(
    () =>
      api.onCommand(({ id }) => {
        const command = COMMANDS.find((candidate) => candidate.id === id);
        if (command && isEnabled(command, latest.current)) command.perform(latest.current);
      }),
    [api],
  );
}
