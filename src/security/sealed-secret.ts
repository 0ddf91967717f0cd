import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM under the instance master key, for secrets Woes must use (an HMAC key or a
 * third-party API credential cannot be stored as a hash). A fresh 96-bit nonce per value
 * (NIST SP 800-38D allows 2^32 values per key with random nonces). The associated data names
 * the table, column, workspace and row, so a ciphertext copied into another cell does not
 * decrypt (Tink's "bind ciphertext" advice).
 *
 * Stored form: `v2.<keyId>.` + base64url(iv[12] | tag[16] | ciphertext), keyId = the first 8 hex
 * of SHA-256(key), so `open` picks the key by id and `woes vault rotate-master-key` can tell
 * which values still need re-encrypting. `v1.` values (before key ids) are tried with the
 * current key, then the previous one.
 */
export interface MasterKeys {
  /** Seals every new value; WOES_MASTER_KEY or the data dir's master.key. */
  readonly current: Buffer;
  /** Still opens values sealed before a rotation; WOES_MASTER_KEY_PREVIOUS or master.key.previous. */
  readonly previous?: Buffer;
}

const V1 = 'v1.';
const V2 = 'v2.';
const HEADER = 28; // iv 12 + tag 16

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function keyring(keys: MasterKeys | Buffer): MasterKeys {
  return Buffer.isBuffer(keys) ? { current: keys } : keys;
}

export function seal(keys: MasterKeys | Buffer, plaintext: string, context: string): string {
  const { current } = keyring(keys);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${V2}${keyId(current)}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** The plaintext, or null when the value was tampered with, moved or sealed under an unknown key. */
export function open(keys: MasterKeys | Buffer, sealed: string, context: string): string | null {
  const ring = keyring(keys);
  if (sealed.startsWith(V1)) {
    const raw = Buffer.from(sealed.slice(V1.length), 'base64url');
    return decrypt(ring.current, raw, context) ?? (ring.previous ? decrypt(ring.previous, raw, context) : null);
  }
  const id = sealedKeyId(sealed);
  if (id === null) return null;
  const key = [ring.current, ring.previous].find((k) => k !== undefined && keyId(k) === id);
  if (key === undefined) return null;
  return decrypt(key, Buffer.from(sealed.slice(V2.length + id.length + 1), 'base64url'), context);
}

/** The key id a `v2.` value names; null for a `v1.` value (no id) or anything malformed. */
export function sealedKeyId(sealed: string): string | null {
  const match = /^v2\.([0-9a-f]{8})\./.exec(sealed);
  return match ? match[1]! : null;
}

/** True when the value is already sealed under the current key (nothing for a rotation to do). */
export function isUnderCurrentKey(keys: MasterKeys, sealed: string): boolean {
  return sealedKeyId(sealed) === keyId(keys.current);
}

function decrypt(key: Buffer, raw: Buffer, context: string): string | null {
  if (raw.length < HEADER + 1) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, HEADER));
    return Buffer.concat([decipher.update(raw.subarray(HEADER)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
