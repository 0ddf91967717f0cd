import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptOf, keptHeaders, REDACTED, secretForms } from '../../src/apitests/redaction.js';

test('a secret across the 2 KiB cut is redacted before the cut: no prefix of it survives', () => {
  const secret = 'S3cr3t-Value-That-Is-Long-Enough';
  const forms = secretForms('bearer', secret);
  for (let at = 2000; at < 2060; at += 1) {
    const body = Buffer.from('x'.repeat(at) + secret + 'y'.repeat(100));
    const excerpt = excerptOf(body, forms)!;
    assert.ok(Buffer.byteLength(excerpt) <= 2048, `at ${at}`);
    assert.ok(!excerpt.includes(secret.slice(0, 8)), `a prefix of the secret survived at ${at}`);
  }
});

test('the cut never leaves half a character; headers outside the allowlist are dropped', () => {
  const forms = secretForms('bearer', 'irrelevant-secret');
  const excerpt = excerptOf(Buffer.from('a' + 'é'.repeat(2000)), forms)!;
  assert.ok(Buffer.byteLength(excerpt) <= 2048);
  assert.ok(!excerpt.includes('\uFFFD'));
  assert.deepEqual(keptHeaders({ 'set-cookie': 'x', 'content-type': 'text/plain', 'x-secret': 'y' }, forms), {
    'content-type': 'text/plain',
  });
});

test('basic: the pair, the password and their encodings are all forms; a short password alone is not', () => {
  const forms = secretForms('basic', 'ada:pa ss/word+1');
  for (const form of [
    'ada:pa ss/word+1',
    'pa ss/word+1',
    'pa%20ss%2Fword%2B1',
    'pa+ss%2Fword%2B1',
    Buffer.from('pa ss/word+1').toString('base64'),
  ]) {
    assert.ok(forms.includes(form), form);
  }
  assert.ok(!secretForms('basic', 'user-name:abc').includes('abc'));
  assert.equal(excerptOf(Buffer.from('{"auth":"ada:pa ss/word+1"}'), forms), `{"auth":"${REDACTED}"}`);
});
