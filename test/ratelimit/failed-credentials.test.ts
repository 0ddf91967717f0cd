import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { createCountingTestApp } from '../keys/helpers.js';
import { randomIP } from './helpers.js';

const ENV: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {};
const JUNK = { authorization: 'Bearer not-a-credential' };
/** A well-formed prefix with a wrong checksum: the verifier refuses it without the database. */
const BAD_KEY = { authorization: `Bearer woesk_${'A'.repeat(38)}` };

function me(t: TestApp, headers: Record<string, string>, remoteAddress: string) {
  return t.request({ method: 'GET', url: '/api/v1/me', headers, remoteAddress });
}

describe('failed credentials per IP', () => {
  test('20 per minute: the 21st attempt is a 429 before any lookup, even with a valid key; other IPs unaffected', async () => {
    const clock = new TestClock(Math.floor(Date.now() / 60_000) * 60_000 + 30_000);
    const t = await createCountingTestApp({ env: ENV, clock });
    try {
      const ws = await createWorkspace(t);
      const key = await createApiKey(t, ws, ['read']);
      const attacker = randomIP();
      for (let i = 0; i < 20; i++) {
        const res = await me(t, i % 2 ? JUNK : BAD_KEY, attacker);
        assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
      }
      const before = t.queries.count;
      const blocked = await me(t, bearer(key.secret), attacker);
      assert.equal(blocked.statusCode, 429);
      assert.equal(blocked.json.code, 'rate_limited');
      const retryAfter = Number(blocked.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 120);
      // A flood of unknown but well-formed keys touches no database either.
      for (let i = 0; i < 50; i++)
        assert.equal((await me(t, { authorization: `Bearer woesk_${i}${'b'.repeat(37)}` }, attacker)).statusCode, 429);
      assert.equal(t.queries.count, before, 'no lookup for a blocked IP');
      assert.equal((await me(t, bearer(key.secret), randomIP())).statusCode, 200);
      clock.advance(retryAfter * 1000);
      assert.equal((await me(t, bearer(key.secret), attacker)).statusCode, 200);
      assert.equal((await me(t, JUNK, attacker)).statusCode, 401);
    } finally {
      await t.close();
    }
  });

  test('missing credentials and a widget key on the REST API are mistakes, not guesses: they do not count', async () => {
    const t = await createTestApp({ env: ENV });
    try {
      const ip = randomIP();
      for (let i = 0; i < 25; i++) {
        assert.equal((await me(t, {}, ip)).statusCode, 401);
        assert.equal((await me(t, { authorization: `Bearer woespk_${'a'.repeat(24)}` }, ip)).statusCode, 401);
      }
      assert.equal((await me(t, JUNK, ip)).statusCode, 401);
    } finally {
      await t.close();
    }
  });

  test('a spoofed X-Forwarded-For changes nothing unless WOES_TRUST_PROXY is true', async () => {
    const t = await createTestApp({ env: ENV });
    try {
      const socket = randomIP();
      for (let i = 0; i < 20; i++) {
        const res = await t.request({
          method: 'GET',
          url: '/api/v1/me',
          headers: { ...JUNK, 'x-forwarded-for': randomIP() },
          remoteAddress: socket,
        });
        assert.equal(res.statusCode, 401);
      }
      const spoofed = await t.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { ...JUNK, 'x-forwarded-for': randomIP() },
        remoteAddress: socket,
      });
      assert.equal(spoofed.statusCode, 429, 'the socket address is the client');
    } finally {
      await t.close();
    }

    const trusted = await createTestApp({ env: { ...ENV, WOES_TRUST_PROXY: 'true' } });
    try {
      const proxy = randomIP();
      const client = randomIP();
      for (let i = 0; i < 20; i++) {
        const res = await trusted.request({
          method: 'GET',
          url: '/api/v1/me',
          headers: { ...JUNK, 'x-forwarded-for': client },
          remoteAddress: proxy,
        });
        assert.equal(res.statusCode, 401);
      }
      const same = await trusted.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { ...JUNK, 'x-forwarded-for': client },
        remoteAddress: proxy,
      });
      assert.equal(same.statusCode, 429);
      const another = await trusted.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { ...JUNK, 'x-forwarded-for': randomIP() },
        remoteAddress: proxy,
      });
      assert.equal(another.statusCode, 401, 'behind a trusted proxy each client has its own budget');
    } finally {
      await trusted.close();
    }
  });
});
