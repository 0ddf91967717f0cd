import { crc32, encodeChecksum, hashKey, randomBase62 } from '../keys/key-format.js';

/**
 * The portal's two credentials, in the key format of src/keys/key-format.ts: a prefix scanners
 * can find, 43 base62 characters from the CSPRNG (256 bits) and a CRC32 checksum, so a
 * mangled link or pasted token is refused without a database lookup.
 */
export const LINK_PREFIX = 'woespl_';
export const SESSION_PREFIX = 'woesps_';
const RANDOM_LENGTH = 43;
const LINK_SHAPE = /^woespl_[0-9A-Za-z]{49}$/;
const SESSION_SHAPE = /^woesps_[0-9A-Za-z]{49}$/;

function generate(prefix: string): string {
  const body = prefix + randomBase62(RANDOM_LENGTH);
  return body + encodeChecksum(crc32(body));
}

function wellFormed(token: string, shape: RegExp): boolean {
  if (!shape.test(token)) return false;
  const bodyLength = token.length - 6;
  return token.slice(bodyLength) === encodeChecksum(crc32(token, bodyLength));
}

export const generateLinkToken = (): string => generate(LINK_PREFIX);
export const generateSessionToken = (): string => generate(SESSION_PREFIX);
export const isWellFormedLinkToken = (token: string): boolean => wellFormed(token, LINK_SHAPE);
export const isWellFormedSessionToken = (token: string): boolean => wellFormed(token, SESSION_SHAPE);
/** True for anything that looks like a portal session token: claimed to be refused on REST routes. */
export const looksLikePortalSession = (token: string): boolean => token.startsWith(SESSION_PREFIX);

/** SHA-256 at rest, as for every Woes credential. */
export const hashToken = hashKey;
