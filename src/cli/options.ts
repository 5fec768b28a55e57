/** The CLI's own small option reader: `--name value` flags and positional arguments. */
import { UsageError } from './usage-error';

/** Appended to every usage error, so the error itself stays one line. */
export const SEE_HELP = '（用法：npm run -s cli -- --help）';

export interface Parsed {
  flags: Map<string, string>;
  positional: string[];
}

/** Reads `args` for `command`; any flag not in `flags` is an error, as is a flag without a value. */
export function readOptions(command: string, args: string[], flags: readonly string[]): Parsed {
  const parsed: Parsed = { flags: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    if (!flags.includes(arg)) throw new UsageError(`${command} 不认识选项 ${arg}${SEE_HELP}`);
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) {
      throw new UsageError(`${arg} 后面缺少参数${SEE_HELP}`);
    }
    if (parsed.flags.has(arg)) throw new UsageError(`${arg} 只能给一次${SEE_HELP}`);
    parsed.flags.set(arg, value);
  }
  return parsed;
}
