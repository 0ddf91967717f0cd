import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { MasterKeys } from './sealed-secret.js';
import type { Config } from '../config.js';
import { ensureFolder } from '../lib/owner-only-files.js';

export type { MasterKeys };

/** The two process-wide secrets: the session signing key and the vault's master key(s). */
export interface InstanceSecrets {
  /** Ed25519 private key, PEM or JWK JSON, as given or generated. */
  readonly signingKey: string;
  /** 32 bytes for AES-256-GCM: the current master key (same as `masterKeys.current`). */
  readonly masterKey: Buffer;
  /** The current key and, during a rotation, the previous one (read, never written). */
  readonly masterKeys: MasterKeys;
}

/** The embedded mode's key files in the data dir (see `woes vault rotate-master-key`). */
export const masterKeyFile = (dataDir: string): string => path.join(dataDir, 'master.key');
export const previousMasterKeyFile = (dataDir: string): string => path.join(dataDir, 'master.key.previous');

/**
 * Embedded mode generates both secrets into the data dir on first start (mode 0600), so
 * `npm start` needs no set-up; scale-out mode must be given them (config enforces that).
 */
export function loadInstanceSecrets(config: Config): InstanceSecrets {
  const signingKey =
    config.signingKey ??
    readOrCreate(path.join(config.dataDir, 'signing-key.pem'), () =>
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
  const masterKeys = loadMasterKeys(config);
  return Object.freeze({ signingKey, masterKey: masterKeys.current, masterKeys });
}

/** WOES_MASTER_KEY (+ _PREVIOUS), or in embedded mode master.key (+ master.key.previous while rotating). */
export function loadMasterKeys(config: Config): MasterKeys {
  if (config.masterKey !== null) {
    return Object.freeze({
      current: decode(config.masterKey),
      ...(config.masterKeyPrevious ? { previous: decode(config.masterKeyPrevious) } : {}),
    });
  }
  const current = decode(readOrCreate(masterKeyFile(config.dataDir), () => randomBytes(32).toString('base64')));
  const previous = readIfExists(previousMasterKeyFile(config.dataDir));
  return Object.freeze({ current, ...(previous !== null ? { previous: decode(previous) } : {}) });
}

const decode = (base64: string): Buffer => Buffer.from(base64.trim(), 'base64');

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Two processes starting at once must end up with the same secret: create with O_EXCL, else read. */
function readOrCreate(file: string, make: () => string): string {
  const existing = readIfExists(file);
  if (existing !== null) return existing;
  ensureFolder('WOES_DATA_DIR', path.dirname(file));
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, make(), { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.unlinkSync(temp);
  }
  return fs.readFileSync(file, 'utf8');
}
