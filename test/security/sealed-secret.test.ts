import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { isUnderCurrentKey, keyId, open, seal, sealedKeyId } from '../../src/security/sealed-secret.js';
import * as legacy from '../../src/widget/sealed-secret.js';

/** A value in the widget's original `v1.` form (no key id), as rows written before key ids hold it. */
function sealV1(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url');
}

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

test('a sealed value names its key and opens only with that key and context', () => {
  const sealed = seal({ current: newKey }, 's3cret', 'ctx:a');
  assert.match(sealed, new RegExp(`^v2\\.${keyId(newKey)}\\.`));
  assert.equal(sealedKeyId(sealed), keyId(newKey));
  assert.equal(open({ current: newKey }, sealed, 'ctx:a'), 's3cret');
  assert.equal(open({ current: newKey }, sealed, 'ctx:b'), null, 'another context (moved value)');
  assert.equal(open({ current: oldKey }, sealed, 'ctx:a'), null, 'unknown key id');
  assert.equal(open({ current: oldKey, previous: newKey }, sealed, 'ctx:a'), 's3cret', 'found as the previous key');
  assert.notEqual(seal(newKey, 's3cret', 'ctx:a'), seal(newKey, 's3cret', 'ctx:a'), 'a fresh nonce per value');
});

test('tampering with any part fails closed (null), never throws', () => {
  const sealed = seal(newKey, 'payload', 'ctx');
  const prefix = `v2.${keyId(newKey)}.`;
  const raw = Buffer.from(sealed.slice(prefix.length), 'base64url');
  for (let i = 0; i < raw.length; i += 1) {
    const bad = Buffer.from(raw);
    bad[i]! ^= 1;
    assert.equal(open(newKey, prefix + bad.toString('base64url'), 'ctx'), null, `byte ${i}`);
  }
  for (const junk of ['', 'v2.', 'v2.zzzzzzzz.abc', `${prefix}`, `${prefix}AAAA`, 'v3.x', 'v1.', 'v1.AAAA']) {
    assert.equal(open(newKey, junk, 'ctx'), null, junk);
  }
});

test('v1 values (no key id) open under the current key, then the previous one', () => {
  const v1 = sealV1(oldKey, 'legacy', 'ctx');
  assert.equal(open({ current: oldKey }, v1, 'ctx'), 'legacy');
  assert.equal(open({ current: newKey, previous: oldKey }, v1, 'ctx'), 'legacy');
  assert.equal(open({ current: newKey }, v1, 'ctx'), null);
  assert.equal(sealedKeyId(v1), null);
  assert.equal(isUnderCurrentKey({ current: oldKey }, v1), false, 'a rotation re-seals v1 values to record the key id');
});

test('the widget path keeps working exports for code written against it', () => {
  assert.equal(legacy.open(newKey, legacy.seal(newKey, 'x', 'c'), 'c'), 'x');
});
