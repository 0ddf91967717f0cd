import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  API_KEY_LENGTH,
  crc32,
  encodeChecksum,
  generateApiKey,
  generateWidgetKey,
  hashKey,
  isWellFormedApiKey,
  isWellFormedWidgetKey,
} from '../../src/keys/key-format.js';

test('a key is woesk_ + 32 base62 characters + a 6-character base62 CRC32 of what precedes it', () => {
  const key = generateApiKey();
  assert.equal(key.length, API_KEY_LENGTH);
  assert.match(key, /^woesk_[0-9A-Za-z]{38}$/);
  assert.equal(key.slice(38), encodeChecksum(crc32(key.slice(0, 38))));
  assert.ok(isWellFormedApiKey(key));
});

test('crc32 is the standard IEEE CRC-32', () => {
  assert.equal(crc32('123456789'), 0xcbf43926);
  assert.equal(crc32(''), 0);
});

test('keys are unique and their random part is uniform over base62 (≥ 128 bits)', () => {
  const keys = new Set<string>();
  const counts = new Map<string, number>();
  const N = 4000;
  for (let i = 0; i < N; i++) {
    const key = generateApiKey();
    keys.add(key);
    for (const ch of key.slice(6, 38)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  assert.equal(keys.size, N);
  assert.equal(counts.size, 62, 'every base62 character appears');
  // 32 * log2(62) ≈ 190 bits; check the spread loosely (chi-square with 61 degrees of freedom).
  const expected = (N * 32) / 62;
  let chi = 0;
  for (const count of counts.values()) chi += (count - expected) ** 2 / expected;
  assert.ok(chi < 130, `chi-square ${chi.toFixed(1)} too high: biased characters`);
  assert.ok(32 * Math.log2(62) >= 128);
});

test('a single changed character or a wrong length fails the checksum', () => {
  const key = generateApiKey();
  for (const index of [6, 20, 37, 38, 43]) {
    const ch = key[index] === 'a' ? 'b' : 'a';
    assert.equal(isWellFormedApiKey(key.slice(0, index) + ch + key.slice(index + 1)), false, `changed at ${index}`);
  }
  assert.equal(isWellFormedApiKey(key + 'x'), false);
  assert.equal(isWellFormedApiKey(key.slice(0, -1)), false);
  assert.equal(isWellFormedApiKey(key.replace('woesk_', 'woesx_')), false);
  assert.equal(isWellFormedApiKey(key.slice(0, 10) + '-' + key.slice(11)), false);
});

test('widget keys are woespk_ + 24 base62 characters and never pass as server keys', () => {
  const key = generateWidgetKey();
  assert.match(key, /^woespk_[0-9A-Za-z]{24}$/);
  assert.ok(isWellFormedWidgetKey(key));
  assert.equal(isWellFormedApiKey(key), false);
});

test('the stored form is the SHA-256 of the whole key', () => {
  const key = generateApiKey();
  assert.equal(hashKey(key), createHash('sha256').update(key, 'utf8').digest('hex'));
});
