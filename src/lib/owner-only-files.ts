import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.js';

// The files and folders Woes makes for itself (data dir, log folder, outbox, database): owner-only.

/**
 * Creates the folder `dir` (WOES_DATA_DIR, WOES_LOG_FILE's folder) with any missing parents, one
 * level at a time and readable by the owner only (0700); an existing folder is left as it is.
 * Node's recursive mkdir is not used: under /proc it never ends (each ENOENT makes it create the
 * parent again). Any failure is a ConfigError naming the setting the folder came from.
 */
export function ensureFolder(variable: string, dir: string): void {
  const target = path.resolve(dir);
  const refuse = (reason: string): ConfigError => new ConfigError(variable, `cannot create ${target}: ${reason}`);
  const missing: string[] = [];
  for (let current = target; ; current = path.dirname(current)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || path.dirname(current) === current) throw refuse((error as Error).message);
      missing.push(current);
      continue;
    }
    if (!stat.isDirectory()) throw refuse(`${current === target ? 'it' : current} exists and is not a folder`);
    break;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      // Another process (a server and a CLI command starting together) made it meanwhile.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw refuse((error as Error).message);
    }
  }
}

/**
 * A new database file is made empty with mode 0600 before SQLite opens it (SQLite would create it
 * with the umask's 0644): it holds key hashes and encrypted secrets. SQLite gives the -wal and -shm
 * files it creates the database file's mode. A file an older Woes made readable by others (0644) is
 * narrowed to 0600 when this process owns it (otherwise it is left alone: not ours to change).
 */
export function createOwnerOnly(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stat = fs.statSync(file);
    if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
    }
  }
}
