/**
 * The desktop application menu, kept in step with the command registry: the
 * renderer sends what each menu item shows (label, shortcut, enabled, ticked)
 * whenever that changes, and runs the command whose id a menu click sends
 * back. In browser mode there is no menu and this sends nothing.
 */
import { useEffect } from 'react';
import type { ReaderApi } from '../../shared/api';
import type { CommandRegistry } from './registry';

export function useShellMenu(api: ReaderApi, registry: CommandRegistry, desktop: boolean): void {
  useEffect(() => {
    if (!desktop) return;
    // Sent only when what the menu shows has changed, not on every change of state.
    let shown = '';
    const send = () => {
      const menu = registry.menu();
      const json = JSON.stringify(menu);
      if (json === shown) return;
      shown = json;
      void api.setMenuCommands(menu);
    };
    send();
    return registry.subscribe(send);
  }, [api, registry, desktop]);

  useEffect(() => api.onCommand(({ id }) => void registry.run(id)), [api, registry]);
}
