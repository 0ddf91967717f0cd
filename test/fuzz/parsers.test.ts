import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../src/errors.js';
import { isWellFormedApiKey, isWellFormedWidgetKey } from '../../src/keys/key-format.js';
import { decodeCursor, encodeCursor } from '../../src/storage/pagination.js';
import { base62, checkProperty, credentialLike, wellFormedKey } from './fuzz.js';

/**
 * Any UTF-16 code unit, lone surrogates included. (fast-check's 'binary' unit would do, but
 * building it takes seconds.)
 */
const anyUtf16 = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength });

test('fuzz: a key with a valid checksum is accepted, and no proper prefix or one-character change of it is', async () => {
  await checkProperty(
    'key prefixes',
    fc.tuple(wellFormedKey, fc.nat(), base62(1, 1)),
    ([key, at, char]) => {
      assert.equal(isWellFormedApiKey(key), true);
      for (let n = 0; n < key.length; n++) assert.equal(isWellFormedApiKey(key.slice(0, n)), false);
      const i = at % key.length;
      const changed = key.slice(0, i) + char + key.slice(i + 1);
      if (changed !== key && i >= 'woesk_'.length) assert.equal(isWellFormedApiKey(changed), false);
    },
    200,
  );
});

test('fuzz: the key parsers never throw, whatever they are given', async () => {
  const inputs = {
    text: fc.string({ maxLength: 80 }),
    utf16: anyUtf16(80),
    credentials: credentialLike('woesk_' + 'a'.repeat(38)),
  };
  for (const [name, arbitrary] of Object.entries(inputs)) {
    await checkProperty(
      `key parsers (${name})`,
      arbitrary,
      (text) => {
        assert.equal(typeof isWellFormedApiKey(text), 'boolean');
        assert.equal(typeof isWellFormedWidgetKey(text), 'boolean');
      },
      100,
    );
  }
});

test('fuzz: the cursor decoder returns an id, null, or a 400 — nothing else', async () => {
  const id = fc
    .tuple(
      fc.constantFrom('cust', 'conv', 'msg', 'key', 'art', 'aud'),
      fc.string({
        unit: fc.constantFrom(...'0123456789abcdefghjkmnpqrstvwxyz'.split('')),
        minLength: 26,
        maxLength: 26,
      }),
    )
    .map(([p, r]) => `${p}_${r}`);
  await checkProperty('cursor round trip', id, (value) => assert.equal(decodeCursor(encodeCursor(value)), value), 100);
  await checkProperty(
    'cursor decoder',
    fc.oneof(fc.string({ maxLength: 80 }), fc.base64String({ maxLength: 80 }), anyUtf16(40)),
    (text) => {
      try {
        const result = decodeCursor(text);
        assert.ok(result === null || /^[a-z]{2,4}_[0-9a-z]{26}$/.test(result));
      } catch (error) {
        assert.ok(error instanceof AppError, `threw ${String(error)}`);
        assert.equal(error.code, 'invalid_request');
      }
    },
    300,
  );
});
