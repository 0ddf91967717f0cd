import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { Config } from '../config.js';
import { createCore, storageFor, type Core } from '../core.js';
import type { Storage } from '../storage/database.js';
import type { FastPathWarning, LoggedInvalidation } from '../events/invalidation-bus.js';
import { CLIError } from './command.js';

/** Whether a command may make a new embedded database: only init, start and migrate do. */
export interface OpenOptions {
  create?: boolean;
}

/**
 * Embedded mode (no DATABASE_URL): stops a command that works on an existing database when the
 * file is not there. Run from another folder, the command would otherwise make a new, empty
 * database there (and the data dir, secrets and outbox with it) and answer from that. Commands
 * call it before touching the data dir; openCore and openStorage call it unless told `create`.
 */
export function requireDatabase(config: Config): void {
  if (config.databaseUrl !== null) return;
  // The file storageFor (src/core.ts) opens in embedded mode.
  const file = path.join(config.dataDir, 'woes.db');
  if (!fs.existsSync(file)) {
    throw new CLIError(
      `no Woes database at ${file} — run this in the folder you started Woes from, or set WOES_DATA_DIR`,
    );
  }
}

/** The database only, migrated (`woes migrate` creates it with `create`). */
export async function openStorage(config: Config, options: OpenOptions = {}): Promise<Storage> {
  if (options.create !== true) requireDatabase(config);
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
 * publishes, it does not listen. Like openStorage, it refuses a missing embedded database
 * unless told `create`.
 */
export async function openCore(config: Config, options: OpenOptions = {}): Promise<CLICore> {
  if (options.create !== true) requireDatabase(config);
  const core = await createCore(config, { logger: pino({ level: 'silent' }) });
  return {
    ...core,
    async announce(logged) {
      warnFastPath(await core.bus.announce(logged));
    },
  };
}
