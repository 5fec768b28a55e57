/**
 * A data folder opened read-only because another reader held it (the CLI's
 * `library add`, say) is taken as soon as that one lets go, without a
 * restart: the services are opened again over the folder, now held, and
 * every call from then on is theirs. Opened again, not switched to writable
 * in place: the other reader has just written there (a report added), and
 * this session's copies of the files predate it, so saving them would undo
 * its work.
 *
 * When it is tried: at once when the reader asks for a change (a note, a
 * report added: they want to write now, and a claim costs a few file
 * operations), and on a slow timer, so the read-only notice goes soon after
 * the other reader is closed even if nothing is changed. A timer rather than
 * watching the lock file: a watch is unreliable on network and removable
 * drives, and a claim every few seconds is cheap. A folder read-only for
 * another reason (a read-only disk) is not retried.
 */
import { CONTRACT, type ServiceHandlers, type ServiceMethod } from '../shared/api';
import type { ReaderServices } from './reader-services';
import { openDataFolder, type FolderAccess } from './storage/folder-access';
import type { LockApp } from './storage/folder-lock';

export interface FolderReturn {
  /** Every call of the services, answered by the services of the moment. */
  readonly handlers: ServiceHandlers;
  /** The services of the moment. */
  services(): ReaderServices;
  access(): FolderAccess;
  /** Tries to take the folder now; answers whether this process holds it. */
  tryNow(): Promise<boolean>;
  stop(): void;
}

export interface FolderReturnOptions {
  dir: string;
  app: LockApp;
  access: FolderAccess;
  services: ReaderServices;
  /** The services over the folder, once held. */
  open(access: FolderAccess): Promise<ReaderServices>;
  /** Told once the folder is taken and the new services are in. */
  onTaken?(access: FolderAccess, services: ReaderServices): void;
  everyMs?: number;
}

export const RETRY_EVERY_MS = 5_000;

export function takeFolderWhenFree(options: FolderReturnOptions): FolderReturn {
  let access = options.access;
  let services = options.services;
  // Only a folder another reader holds is worth trying again.
  let waiting = access.heldBy !== null;
  let trying: Promise<boolean> | undefined;

  const take = async (): Promise<boolean> => {
    const claimed = await openDataFolder(options.dir, { app: options.app, waitMs: 0 });
    if (claimed.readOnlyReason !== null) return false;
    try {
      services = await options.open(claimed);
    } catch {
      await claimed.release();
      return false;
    }
    access = claimed;
    waiting = false;
    clearInterval(timer);
    options.onTaken?.(access, services);
    return true;
  };
  const tryNow = (): Promise<boolean> => {
    if (!waiting) return Promise.resolve(access.readOnlyReason === null);
    trying ??= take().finally(() => (trying = undefined));
    return trying;
  };
  const timer = setInterval(() => void tryNow(), options.everyMs ?? RETRY_EVERY_MS);
  timer.unref();
  if (!waiting) clearInterval(timer);

  const handlers = Object.fromEntries(
    (Object.keys(services.handlers) as ServiceMethod[]).map((method) => [
      method,
      async (payload: unknown, context: unknown) => {
        if (waiting && CONTRACT[method].kind === 'change') await tryNow();
        const handler = services.handlers[method] as (p: unknown, c: unknown) => unknown;
        return handler(payload, context);
      },
    ]),
  ) as unknown as ServiceHandlers;

  return {
    handlers,
    services: () => services,
    access: () => access,
    tryNow,
    stop: () => clearInterval(timer),
  };
}
