import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { eventually, redisForTests } from './helpers.js';

const url = await redisForTests();
const HOUR = 3_600_000;

function me(t: TestApp, secret: string) {
  return t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
}

describe('scale-out limits on Redis', { skip: url === null ? 'Redis is not reachable' : false }, () => {
  test('two app instances sharing Redis share one key’s budget', async () => {
    const database = await createTestDatabase();
    const clock = new TestClock(Math.floor(Date.now() / HOUR) * HOUR + HOUR / 2);
    const a = await createTestApp({ database, env: { REDIS_URL: url! }, clock });
    const b = await createTestApp({ database, env: { REDIS_URL: url! }, clock });
    try {
      assert.equal((await a.request({ method: 'GET', url: '/health' })).json.redis, 'up');
      const ws = await createWorkspace(a);
      await a.app.woes.db.updateTable('workspaces').set({ rateLimitPerHour: 10 }).where('id', '=', ws).execute();
      const key = await createApiKey(a, ws, ['read']);
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await me(i % 2 ? a : b, key.secret)).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
      // Parallel requests spread over both instances, on a fresh key with 10 left: exactly 10 pass.
      const fresh = await createApiKey(a, ws, ['read']);
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => me(i % 2 ? a : b, fresh.secret)));
      assert.equal(results.filter((r) => r.statusCode === 200).length, 10);
    } finally {
      await a.close();
      await b.close();
      await database.drop();
    }
  });

  test('Redis killed mid-test: requests still answer, limits hold per instance, then Redis comes back', async () => {
    const target = new URL(url!);
    const proxy = new TCPProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const proxied = new URL(url!);
    proxied.port = String(proxy.port);
    const clock = new TestClock(Math.floor(Date.now() / HOUR) * HOUR + HOUR / 2);
    const t = await createTestApp({ env: { REDIS_URL: proxied.toString() }, clock });
    try {
      const ws = await createWorkspace(t);
      await t.app.woes.db.updateTable('workspaces').set({ rateLimitPerHour: 5 }).where('id', '=', ws).execute();
      const key = await createApiKey(t, ws, ['read']);
      const later = await createApiKey(t, ws, ['read']);
      assert.equal((await me(t, key.secret)).headers['ratelimit-remaining'], '4');
      assert.equal((await me(t, later.secret)).headers['ratelimit-remaining'], '4');

      await proxy.stop();
      await eventually(async () => (await t.request({ method: 'GET', url: '/health' })).json.redis === 'down');
      const health = await t.request({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
      assert.equal(health.json.status, 'degraded');
      // This instance counts on its own: a fresh budget of 5, then 429 — never a 500.
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await me(t, key.secret)).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
      const warning = t.logs.lines.filter((l) => l.includes('Redis is unreachable: rate limits'));
      assert.equal(warning.length, 1);
      // The warning says why, as the operator needs it (README, Scale-out: outages).
      const err = (JSON.parse(warning[0]) as { err?: { message?: string } }).err;
      assert.ok(err?.message, warning[0]);

      await proxy.restart();
      await eventually(async () => (await t.request({ method: 'GET', url: '/health' })).json.redis === 'up');
      // Counting in Redis again: the key used before the outage continues from its shared count.
      const back = await me(t, later.secret);
      assert.equal(back.statusCode, 200);
      assert.equal(back.headers['ratelimit-remaining'], '3');
    } finally {
      await t.close();
      await proxy.stop();
    }
  });
});
