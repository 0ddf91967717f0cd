import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

/** The two process-wide secrets: the session signing key and the vault's master key. */
export interface InstanceSecrets {
  /** Ed25519 private key, PEM or JWK JSON, as given or generated. */
  readonly signingKey: string;
  /** 32 bytes for AES-256-GCM. */
  readonly masterKey: Buffer;
}

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
  const master =
    config.masterKey ?? readOrCreate(path.join(config.dataDir, 'master.key'), () => randomBytes(32).toString('base64'));
  return Object.freeze({ signingKey, masterKey: Buffer.from(master.trim(), 'base64') });
}

/** Two processes starting at once must end up with the same secret: create with O_EXCL, else read. */
function readOrCreate(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
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
