import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { signUp } from '../accounts/helpers.js';
import { unique } from './helpers.js';

/** In the suite's Redis pass the apps count in Redis, as scale-out instances do. */
const ENV: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {};
const HOUR = 3_600_000;

async function setLimit(t: TestApp, workspaceId: string, perHour: number): Promise<void> {
  await t.app.woes.db
    .updateTable('workspaces')
    .set({ rateLimitPerHour: perHour })
    .where('id', '=', workspaceId)
    .execute();
}

function me(t: TestApp, headers: Record<string, string>, remoteAddress = '127.0.0.1') {
  return t.request({ method: 'GET', url: '/api/v1/me', headers, remoteAddress });
}

function assertRateLimited(res: { statusCode: number; headers: Record<string, unknown>; json: any }): number {
  assert.equal(res.statusCode, 429);
  assert.equal(res.json.code, 'rate_limited');
  assert.equal(typeof res.json.error, 'string');
  assert.equal(typeof res.json.requestId, 'string');
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After ${res.headers['retry-after']}`);
  return retryAfter;
}

describe('API-key limit', () => {
  test('default 1000 per hour: trips at 1001 with RateLimit-* headers, recovers after its window', async () => {
    const clock = new TestClock(Math.floor(Date.now() / HOUR) * HOUR + HOUR / 2);
    const t = await createTestApp({ env: ENV, clock });
    try {
      const ws = await createWorkspace(t);
      const key = await createApiKey(t, ws, ['read']);
      const first = await me(t, bearer(key.secret));
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['ratelimit-limit'], '1000');
      assert.equal(first.headers['ratelimit-remaining'], '999');
      const reset = Number(first.headers['ratelimit-reset']);
      assert.ok(reset > 0 && reset <= 2 * 3600);
      for (let i = 2; i <= 1000; i++) {
        const res = await me(t, bearer(key.secret));
        assert.equal(res.statusCode, 200, `request ${i}`);
      }
      const refused = await me(t, bearer(key.secret));
      const retryAfter = assertRateLimited(refused);
      assert.equal(refused.headers['ratelimit-limit'], '1000');
      assert.equal(refused.headers['ratelimit-remaining'], '0');
      assert.ok(retryAfter <= 2 * 3600);
      // Other keys of the workspace have budgets of their own.
      const other = await createApiKey(t, ws, ['read']);
      assert.equal((await me(t, bearer(other.secret))).statusCode, 200);
      clock.advance(retryAfter * 1000);
      const back = await me(t, bearer(key.secret));
      assert.equal(back.statusCode, 200);
    } finally {
      await t.close();
    }
  });

  test('the workspace override sets the number; 50 parallel requests with one left let exactly one through', async () => {
    const t = await createTestApp({ env: ENV, clock: new TestClock(Math.floor(Date.now() / HOUR) * HOUR + 1000) });
    try {
      const ws = await createWorkspace(t);
      await setLimit(t, ws, 5);
      const key = await createApiKey(t, ws, ['read']);
      for (let i = 0; i < 4; i++)
        assert.equal((await me(t, bearer(key.secret))).headers['ratelimit-remaining'], String(4 - i));
      const results = await Promise.all(Array.from({ length: 50 }, () => me(t, bearer(key.secret))));
      assert.equal(results.filter((r) => r.statusCode === 200).length, 1);
      for (const r of results.filter((r) => r.statusCode !== 200)) assertRateLimited(r);
      assert.ok(results.every((r) => r.headers['ratelimit-limit'] === '5'));
    } finally {
      await t.close();
    }
  });

  test('every API-key response carries the headers, errors included; session responses do not', async () => {
    const t = await createTestApp({ env: ENV });
    try {
      const ws = await createWorkspace(t);
      const key = await createApiKey(t, ws, ['conversations.read']);
      const forbidden = await t.request({ method: 'GET', url: '/api/v1/audit-events', headers: bearer(key.secret) });
      assert.equal(forbidden.statusCode, 403);
      assert.equal(forbidden.headers['ratelimit-limit'], '1000');
      const session = await signUp(t, `${unique('rl')}@example.com`);
      const mine = await t.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
      assert.equal(mine.statusCode, 200);
      assert.equal(mine.headers['ratelimit-limit'], undefined);
    } finally {
      await t.close();
    }
  });
});

describe('session limit', () => {
  test('600 per minute per user: trips at 601, recovers after its window, other users unaffected', async () => {
    const clock = new TestClock(Math.floor(Date.now() / 60_000) * 60_000 + 30_000);
    const t = await createTestApp({ env: ENV, clock });
    try {
      const alice = await signUp(t, `${unique('alice')}@example.com`);
      const headers = { authorization: `Bearer ${alice.accessToken}` };
      for (let i = 1; i <= 600; i++) assert.equal((await me(t, headers)).statusCode, 200, `request ${i}`);
      const retryAfter = assertRateLimited(await me(t, headers));
      const bob = await signUp(t, `${unique('bob')}@example.com`);
      assert.equal((await me(t, { authorization: `Bearer ${bob.accessToken}` })).statusCode, 200);
      clock.advance(retryAfter * 1000);
      // The access token lives 15 minutes; a minute or two later it is still good.
      assert.equal((await me(t, headers)).statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
