import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientKey } from '../../src/ratelimit/client-key.js';
import { createTestApp } from '../helpers/app.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { signUp } from '../accounts/helpers.js';

test('an IPv6 client counts as its /64, an IPv4-mapped one as its IPv4 address; other keys are untouched', () => {
  assert.equal(clientKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:db8:1:3::1'), '2001:db8:1:3::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
  assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(clientKey('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(clientKey('::ffff:cb00:7109'), '203.0.113.9');
  assert.equal(clientKey('2001:db8:1:2::abcd|conv_123'), '2001:db8:1:2::/64|conv_123');
  for (const key of ['203.0.113.9', '203.0.113.9|list', 'key_01abc', 'usr_01abc', 'ws_1:someone@example.com', 'a:b'])
    assert.equal(clientKey(key), key);
});

test('failed credentials from any address of one IPv6 /64 spend one budget; another /64 has its own', async () => {
  const t = await createTestApp({ env: TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {} });
  try {
    const junk = { authorization: `Bearer woesk_${'x'.repeat(38)}` };
    const from = (remoteAddress: string) =>
      t.request({ method: 'GET', url: '/api/v1/me', headers: junk, remoteAddress });
    const budget = t.app.woes.limiter.rules.failedCredentials.points;
    // A new address of the same /64 for every guess, as a client rotating through its prefix would.
    for (let i = 1; i <= budget; i++) assert.equal((await from(`2001:db8:77:1::${i.toString(16)}`)).statusCode, 401);
    const blocked = await from('2001:db8:77:1::beef');
    assert.equal(blocked.statusCode, 429, 'the /64 has spent its budget, whatever address it uses');
    assert.equal((await from('2001:db8:77:2::1')).statusCode, 401, 'the next /64 is another client');
  } finally {
    await t.close();
  }
});

test("wrong passwords for one account from any address of one IPv6 /64 spend that account's one budget for it", async () => {
  const t = await createTestApp({ env: TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {} });
  try {
    const email = 'rotating@example.com';
    await signUp(t, email);
    const guess = (remoteAddress: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/session',
        payload: { provider: 'local', email, password: 'not the password at all' },
        remoteAddress,
      });
    const budget = t.app.woes.limiter.rules.signInFailures.points;
    for (let i = 1; i <= budget; i++) assert.equal((await guess(`2001:db8:99:1::${i.toString(16)}`)).statusCode, 401);
    assert.equal((await guess('2001:db8:99:1::beef')).statusCode, 429, 'the /64 has spent its budget for this account');
  } finally {
    await t.close();
  }
});
