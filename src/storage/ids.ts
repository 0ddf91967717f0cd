import { randomBytes } from 'node:crypto';

/**
 * Prefixed, time-ordered opaque ids (SPEC §6): `conv_` + 10 characters of millisecond time
 * + 16 random characters, Crockford base32 in lower case, so that ids sort by creation time
 * and lists can page by id. Ids made in one process are strictly increasing.
 */
export type IdPrefix =
  | 'ws'
  | 'usr'
  | 'key'
  | 'conv'
  | 'msg'
  | 'cust'
  | 'art'
  | 'agt'
  | 'ch'
  | 'wh'
  | 'evt'
  | 'inv'
  | 'wk'
  | 'aud'
  | 'ses'
  | 'tok'
  | 'idn'
  | 'cred'
  | 'run'
  | 'dlv'
  | 'whe'
  | 'whd'
  | 'atc'
  | 'atr';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(time: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

function nextRandom(time: number): number[] {
  if (time === lastTime) {
    // Same millisecond: increment the previous random part so ids stay strictly ordered.
    const digits = lastRandom.slice();
    for (let i = digits.length - 1; i >= 0; i--) {
      if (digits[i] < 31) {
        digits[i]++;
        return digits;
      }
      digits[i] = 0;
    }
    return digits;
  }
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => b & 31);
}

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  const time = Math.max(now, lastTime);
  const random = nextRandom(time);
  lastTime = time;
  lastRandom = random;
  return `${prefix}_${encodeTime(time)}${random.map((d) => ALPHABET[d]).join('')}`;
}

/**
 * The smallest id made at `time` or later: every id with this prefix made before `time` sorts
 * below it (a range on the primary key, for pruning by age).
 */
export function idTimeBound(prefix: IdPrefix, time: number): string {
  return `${prefix}_${encodeTime(Math.max(0, Math.floor(time)))}`;
}

const ID_PATTERN = /^[a-z]{2,4}_[0-9a-hjkmnp-tv-z]{26}$/;

/** True when the string has the shape of an id with this prefix (checked before any query). */
export function isId(value: string, prefix: IdPrefix): boolean {
  return value.startsWith(prefix + '_') && ID_PATTERN.test(value);
}
