import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { PrivateRedis, hasRedisServer } from '../helpers/private-redis.js';
import { tenant } from '../support/api-helpers.js';
import { IN_CI } from '../helpers/env.js';

/** ioredis's command timeout in the limiter: a request that waited on Redis took at least this. */
const COMMAND_TIMEOUT_MS = 500;

test(
  'a frozen Redis does not stall requests: the limiter stops waiting on it, /health says so, and it is used again when it answers',
  { skip: !hasRedisServer() && !IN_CI && 'no redis-server' },
  async () => {
    const redis = await new PrivateRedis().start();
    const t = await createTestApp({ env: { REDIS_URL: redis.url } });
    try {
      const caller = await tenant(t);
      assert.equal((await caller.call('GET', '/me')).statusCode, 200);
      assert.equal((await t.request({ method: 'GET', url: '/health' })).json.redis, 'up');

      redis.freeze();
      const times: number[] = [];
      for (let i = 0; i < 8; i++) {
        const start = Date.now();
        const res = await caller.call('GET', '/me');
        times.push(Date.now() - start);
        assert.equal(res.statusCode, 200);
      }
      // The first request may wait out one command timeout; none after it waits on Redis.
      const waited = times.slice(1).filter((ms) => ms >= COMMAND_TIMEOUT_MS);
      assert.deepEqual(waited, [], `requests after the first waited on the frozen Redis: ${times.join(', ')} ms`);
      const health = await t.request({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
      assert.equal(health.json.redis, 'down');
      assert.equal(health.json.status, 'degraded');

      redis.thaw();
      let state = 'down';
      for (let i = 0; i < 50 && state !== 'up'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await t.request({ method: 'GET', url: '/health' })).json.redis;
      }
      assert.equal(state, 'up');
      assert.equal((await caller.call('GET', '/me')).statusCode, 200);
    } finally {
      redis.thaw();
      await t.close();
      await redis.stop();
    }
  },
);
