import fc from 'fast-check';
import { API_KEY_PREFIX, crc32, encodeChecksum } from '../../src/keys/key-format.js';

/** The seed every run checks first, so a failure on one machine fails on every machine. */
export const FIXED_SEED = 20261123;

/**
 * Checks a property twice: with the fixed seed, then with a random one (or FUZZ_SEED to replay
 * a failure) that is printed when it fails, so a new counter-example can be reproduced.
 */
export async function checkProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void> | void,
  numRuns: number,
): Promise<void> {
  const property = () => fc.asyncProperty(arbitrary, async (value) => predicate(value));
  await fc.assert(property(), { seed: FIXED_SEED, numRuns });
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Math.random() * 2 ** 31) | 0;
  try {
    await fc.assert(property(), { seed, numRuns });
  } catch (error) {
    console.error(`fuzz property "${name}" failed with seed ${seed}; replay with FUZZ_SEED=${seed}`);
    throw error;
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

/** Header-safe text: what a client can actually send in a header value. */
export const headerText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength });
export const base62 = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...BASE62.split('')), minLength, maxLength });

/** A server key with a valid checksum that no workspace holds. */
export const wellFormedKey: fc.Arbitrary<string> = base62(32, 32).map((random) => {
  const body = API_KEY_PREFIX + random;
  return body + encodeChecksum(crc32(body));
});

/** Strings shaped like every credential Woes knows, and near misses of them. */
export function credentialLike(realSecret: string): fc.Arbitrary<string> {
  const b64url = fc.string({ unit: fc.constantFrom(...(BASE62 + '-_').split('')), maxLength: 60 });
  return fc.oneof(
    headerText(),
    wellFormedKey,
    // Every prefix of a real key, and the real key with one character changed.
    fc.nat({ max: realSecret.length }).map((n) => realSecret.slice(0, n)),
    fc
      .tuple(fc.nat({ max: realSecret.length - 1 }), fc.constantFrom(...BASE62.split('')))
      .map(([i, c]) => realSecret.slice(0, i) + c + realSecret.slice(i + 1)),
    fc
      .tuple(fc.constantFrom('woesk_', 'woespk_', 'woesrt_', 'woescs_', 'whsec_', 'eyJ'), base62(0, 50))
      .map(([p, r]) => p + r),
    // JWT-shaped: header.payload.signature, with a real-looking header sometimes.
    fc
      .tuple(fc.oneof(b64url, fc.constant('eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9')), b64url, b64url)
      .map((parts) => parts.join('.')),
  );
}

/** Authorization header values: schemes, spacing and credential-like tokens combined. */
export function authorizationHeader(realSecret: string): fc.Arbitrary<{ header: string; token: string }> {
  return fc
    .tuple(
      fc.constantFrom('Bearer ', 'bearer ', 'BEARER   ', 'Bearer', 'Basic ', 'Token ', '', ' Bearer '),
      credentialLike(realSecret),
      fc.constantFrom('', ' ', '  ', ' x'),
    )
    .map(([scheme, token, tail]) => ({ header: scheme + token + tail, token }));
}

/** A value for any body field: right types, wrong types, edge sizes, and the planted secret. */
export function fieldValue(planted: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'admin',
      'agent',
      'owner',
      'read',
      'write',
      'tickets.read',
      'local',
      'google',
      'open',
      'closed',
      'user',
      'note',
      'a@example.com',
      'https://example.com',
      '2030-01-01T00:00:00Z',
    ),
    fc.constant(planted),
    fc.constant('x'.repeat(5000)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('conversations.read', 'admin', 'https://a.example')),
      { maxLength: 4 },
    ),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    fc.emailAddress(),
  );
}
