/** A registered command as a component shows it: re-rendered when its enabled or checked state changes. */
import { useSyncExternalStore } from 'react';
import type { CommandRegistry, RegisteredCommand } from './registry';

export interface CommandState {
  command: RegisteredCommand;
  enabled: boolean;
  checked: boolean | undefined;
}

export function useCommand(registry: CommandRegistry, id: string): CommandState {
  const command = registry.get(id);
  const enabled = useSyncExternalStore(command.subscribe, command.isEnabled);
  const checked = useSyncExternalStore(command.subscribe, command.isChecked);
  return { command, enabled, checked };
}

/** Of several commands, one per option (the themes), the option whose command is checked now. */
export function useCheckedOption<Option extends string>(
  registry: CommandRegistry,
  options: readonly Option[],
  idOf: (option: Option) => string,
): Option | undefined {
  return useSyncExternalStore(registry.subscribe, () =>
    options.find((option) => registry.get(idOf(option)).isChecked()),
  );
}
