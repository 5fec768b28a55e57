/** A toolbar button that is a command: its label, keys, enabled and pressed state all from the registry. */
import type { ReactNode } from 'react';
import { IS_MAC } from './keys';
import type { CommandRegistry } from './registry';
import { titleWithKeys } from './shortcut-labels';
import { useCommand } from './useCommand';

interface Props {
  registry: CommandRegistry;
  id: string;
  children: ReactNode;
}

export function CommandButton({ registry, id, children }: Props) {
  const { command, enabled, checked } = useCommand(registry, id);
  return (
    <button
      type="button"
      data-command={id}
      className="tool-button"
      aria-label={command.label}
      aria-pressed={checked}
      title={titleWithKeys(command.label, command.keys, IS_MAC)}
      disabled={!enabled}
      onClick={() => command.perform()}
    >
      {children}
    </button>
  );
}
