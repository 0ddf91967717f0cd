import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The shape of Woes credentials (SPEC §2): a prefix scanners can find, CSPRNG base62 randomness
 * and — for server keys — a CRC32 checksum, so a mistyped or made-up key is refused before any
 * database lookup (as GitHub's tokens do).
 */
export const API_KEY_PREFIX = 'woesk_';
export const WIDGET_KEY_PREFIX = 'woespk_';
/** A conversation's history secret, held by one visitor's browser (SPEC §2). */
export const HISTORY_SECRET_PREFIX = 'woescs_';
/** A workspace's identity secret: signs visitor identity tokens and userHashes on the customer's server. */
export const IDENTITY_SECRET_PREFIX = 'woesis_';
const API_KEY_RANDOM = 32;
const CHECKSUM_LENGTH = 6;
const WIDGET_KEY_RANDOM = 24;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM + CHECKSUM_LENGTH;
const BODY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const API_KEY_SHAPE = /^woesk_[0-9A-Za-z]{38}$/;
const WIDGET_KEY_SHAPE = /^woespk_[0-9A-Za-z]{24}$/;

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE) of the first `length` characters of an ASCII string, without allocating. */
export function crc32(text: string, length: number = text.length): number {
  let crc = -1;
  for (let i = 0; i < length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A 32-bit number as 6 base62 characters (62^6 > 2^32), most significant first. */
export function encodeChecksum(value: number): string {
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** Uniform base62 characters from the OS CSPRNG (rejection sampling: no modulo bias). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = randomBytes(length * 2);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      // 248 = 4 * 62: bytes at or above it would favour the first characters.
      if (bytes[i] < 248) out += BASE62[bytes[i] % 62];
    }
  }
  return out;
}

export function generateApiKey(): string {
  const body = API_KEY_PREFIX + randomBase62(API_KEY_RANDOM);
  return body + encodeChecksum(crc32(body));
}

export function generateWidgetKey(): string {
  return WIDGET_KEY_PREFIX + randomBase62(WIDGET_KEY_RANDOM);
}

/**
 * True when the string is a well-formed server key whose checksum matches. Runs on every
 * request: no allocation beyond the regex test, the checksum is compared digit by digit.
 */
export function isWellFormedApiKey(token: string): boolean {
  if (token.length !== API_KEY_LENGTH || !API_KEY_SHAPE.test(token)) return false;
  let value = crc32(token, BODY_LENGTH);
  for (let i = API_KEY_LENGTH - 1; i >= BODY_LENGTH; i--) {
    if (token.charCodeAt(i) !== BASE62.charCodeAt(value % 62)) return false;
    value = Math.floor(value / 62);
  }
  return true;
}

export function isWellFormedWidgetKey(token: string): boolean {
  return WIDGET_KEY_SHAPE.test(token);
}

/** Prefix + 32 CSPRNG base62 characters (190 bits) + 6 characters of CRC32, like a server key. */
function generateChecksummed(prefix: string): string {
  const body = prefix + randomBase62(API_KEY_RANDOM);
  return body + encodeChecksum(crc32(body));
}

function isWellFormedChecksummed(token: string, prefix: string): boolean {
  const length = prefix.length + API_KEY_RANDOM + CHECKSUM_LENGTH;
  if (token.length !== length || !token.startsWith(prefix)) return false;
  const bodyLength = length - CHECKSUM_LENGTH;
  for (let i = prefix.length; i < length; i++) if (BASE62.indexOf(token[i]) < 0) return false;
  let value = crc32(token, bodyLength);
  for (let i = length - 1; i >= bodyLength; i--) {
    if (token.charCodeAt(i) !== BASE62.charCodeAt(value % 62)) return false;
    value = Math.floor(value / 62);
  }
  return true;
}

export function generateHistorySecret(): string {
  return generateChecksummed(HISTORY_SECRET_PREFIX);
}

/** A mistyped or made-up history secret is refused before any lookup. */
export function isWellFormedHistorySecret(token: string): boolean {
  return isWellFormedChecksummed(token, HISTORY_SECRET_PREFIX);
}

export function generateIdentitySecret(): string {
  return generateChecksummed(IDENTITY_SECRET_PREFIX);
}

/** The stored form of a credential: SHA-256, lower-case hex. */
export function hashKey(key: string): string {
  // One-shot `crypto.hash`: no Hash object per call (it was 3% of a warm request's CPU).
  return hash('sha256', key, 'hex');
}

/** Constant-time comparison of two hex hashes (equal length by construction). */
export function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** What may be shown of a key after creation. */
export function displayParts(key: string): { start: string; last4: string } {
  return { start: key.slice(0, 10), last4: key.slice(-4) };
}
