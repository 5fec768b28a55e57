/**
 * The one registry of user commands. Each feature defines its commands once
 * (id, label, keys, when enabled, what they do, where they sit in the
 * application menu) over a context of its own, and registers them here with
 * that context. Everything that offers a command reads it from here: the key
 * handler, the toolbar, the selection toolbar, the desktop menu and the 快捷键
 * sheet, so none keeps its own copy of a label, a key or an enabled state.
 */
import type { MenuCommand, MenuPlacement } from '../../shared/menu-commands';
import type { Subscribable } from '../store';
import {
  bindingMatches,
  bindingsClash,
  type KeyBinding,
  type KeyEventLike,
  type KeyPlace,
} from './keys';

/** A command as its feature defines it, over the feature's own context. */
export interface Command<Context> {
  id: string;
  label: string;
  /**
   * The label as it is now, where it says what the command would act on
   * (撤销删除批注): the menu shows it; the 快捷键 sheet keeps `label`.
   */
  labelNow?: (context: Context) => string;
  keys: readonly KeyBinding[];
  enabled?: (context: Context) => boolean;
  perform: (context: Context) => void;
  /** Shown in the application menu there (desktop); commands without it are keys and buttons only. */
  menu?: MenuPlacement;
  /** For a menu checkbox or a pressed button: whether it is on now. */
  checked?: (context: Context) => boolean;
}

/** A feature's commands with what they act on. */
export interface CommandSet<Context> {
  commands: readonly Command<Context>[];
  context: Context;
  /** The stores whose changes can change an enabled or checked state. */
  watch?: readonly Subscribable[];
}

/** What a feature's commands are bound to: its context and the stores to watch. */
export type CommandBinding<Context> = Omit<CommandSet<Context>, 'commands'>;

/** A registered command, as everything outside its feature sees it: the context is bound. */
export interface RegisteredCommand {
  readonly id: string;
  readonly label: string;
  readonly keys: readonly KeyBinding[];
  readonly menu?: MenuPlacement;
  /** The label now: `label`, unless the command says what it would act on. */
  labelNow(): string;
  isEnabled(): boolean;
  /** Undefined for a command that is never on or off. */
  isChecked(): boolean | undefined;
  /** Runs the command as it is (callers check isEnabled, or use the registry's run). */
  perform(): void;
  /** Told when its enabled or checked state may have changed. */
  subscribe(listener: () => void): () => void;
}

const describe = (binding: KeyBinding) =>
  `${binding.mod ? 'mod+' : ''}${binding.shift === true ? 'shift+' : ''}${binding.key}`;

/**
 * Every key two of these commands would both answer to, in words (`b wants
 * x, which a already has`), in the order given: empty when none clash. The
 * app's list is checked by a unit test, not at each start (see register).
 */
export function keyClashes(commands: readonly Pick<Command<never>, 'id' | 'keys'>[]): string[] {
  const clashes: string[] = [];
  commands.forEach((command, index) => {
    for (const binding of command.keys) {
      const taken = commands
        .slice(0, index)
        .find((other) => other.keys.some((existing) => bindingsClash(existing, binding)));
      if (taken)
        clashes.push(`${command.id} wants ${describe(binding)}, which ${taken.id} already has`);
    }
  });
  return clashes;
}

export class CommandRegistry implements Subscribable {
  private readonly commands: RegisteredCommand[] = [];
  private readonly byId = new Map<string, RegisteredCommand>();
  private readonly sources = new Set<Subscribable>();

  /**
   * Adds a feature's commands. Refuses (throws, before adding any of them) an
   * id already taken. Keys are not checked here: every start would pay for
   * comparing each binding with every other, for a list fixed at build time;
   * `keyClashes` checks the app's list in the unit tests instead.
   */
  register<Context>({ commands, context, watch = [] }: CommandSet<Context>): void {
    const ids = new Set<string>();
    for (const command of commands) {
      if (this.byId.has(command.id) || ids.has(command.id)) {
        throw new Error(`command ${command.id} is registered twice`);
      }
      ids.add(command.id);
    }
    for (const command of commands) {
      const registered = bind(command, context, watch);
      this.commands.push(registered);
      this.byId.set(command.id, registered);
    }
    for (const source of watch) this.sources.add(source);
  }

  /** Every command, in the order registered (the 快捷键 sheet's order). */
  list(): readonly RegisteredCommand[] {
    return this.commands;
  }

  get(id: string): RegisteredCommand {
    const command = this.byId.get(id);
    if (!command) throw new Error(`unknown command ${id}`);
    return command;
  }

  /** Runs a command if it is enabled now; answers whether it ran. */
  run(id: string): boolean {
    const command = this.byId.get(id);
    if (!command?.isEnabled()) return false;
    command.perform();
    return true;
  }

  /** The command a key press means (enabled or not), if any. */
  forKey(event: KeyEventLike, place: KeyPlace): RegisteredCommand | undefined {
    return this.commands.find((command) =>
      command.keys.some((binding) => bindingMatches(binding, event, place)),
    );
  }

  /** The commands the desktop menu shows, with their state now. */
  menu(): MenuCommand[] {
    return this.commands.flatMap((command) => {
      if (!command.menu) return [];
      const [binding] = command.keys;
      const checked = command.isChecked();
      return [
        {
          id: command.id,
          label: command.labelNow(),
          ...command.menu,
          ...(binding
            ? { shortcut: { key: binding.key, mod: binding.mod, shift: binding.shift } }
            : {}),
          enabled: command.isEnabled(),
          ...(checked === undefined ? {} : { checked }),
        },
      ];
    });
  }

  /** Told when any command's enabled or checked state may have changed. */
  readonly subscribe = (listener: () => void): (() => void) => {
    const stops = [...this.sources].map((source) => source.subscribe(listener));
    return () => stops.forEach((stop) => stop());
  };
}

function bind<Context>(
  command: Command<Context>,
  context: Context,
  watch: readonly Subscribable[],
): RegisteredCommand {
  const { enabled, checked, perform, labelNow } = command;
  return {
    id: command.id,
    label: command.label,
    keys: command.keys,
    menu: command.menu,
    labelNow: () => labelNow?.(context) ?? command.label,
    isEnabled: () => enabled?.(context) ?? true,
    isChecked: () => checked?.(context),
    perform: () => perform(context),
    subscribe: (listener) => {
      const stops = watch.map((source) => source.subscribe(listener));
      return () => stops.forEach((stop) => stop());
    },
  };
}
