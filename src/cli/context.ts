import pino from 'pino';
import type { Config } from '../config.js';
import { createCore, storageFor, type Core } from '../core.js';
import type { Storage } from '../storage/database.js';
import type { FastPathWarning, LoggedInvalidation } from '../events/invalidation-bus.js';

/** `woes migrate`: only the schema (SPEC §8), nothing else opened. */
export async function openStorage(config: Config): Promise<Storage> {
  const storage = storageFor(config);
  await storage.migrate();
  return storage;
}

/** A fast-path failure is not silent: the change is committed and logged, but servers hear it by polling. */
export function warnFastPath(warning: FastPathWarning): void {
  if (warning !== null) process.stderr.write(`woes: warning: ${warning}\n`);
}

export interface CLICore extends Core {
  /** `bus.announce` with the fast path's failure printed as a warning. */
  announce(logged: LoggedInvalidation): Promise<void>;
}

/**
 * The server's composition root (src/core.ts) with a silent logger: a command runs the same
 * services, audit and invalidation publishing as the API. The bus is not started — a command
 * publishes, it does not listen.
 */
export async function openCore(config: Config): Promise<CLICore> {
  const core = await createCore(config, { logger: pino({ level: 'silent' }) });
  return {
    ...core,
    async announce(logged) {
      warnFastPath(await core.bus.announce(logged));
    },
  };
}
