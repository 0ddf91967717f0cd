import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { LogCapture, TestClock } from '../helpers/app.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { RedisRateLimiter } from '../../src/ratelimit/redis-limiter.js';
import { eventually, redisForTests, unique } from './helpers.js';

const url = await redisForTests();
const MINUTE = 60_000;
const rule = { points: 10, durationMs: MINUTE };

function limiterOn(redisUrl: string, clock: TestClock, namespace: string, logs = new LogCapture()): RedisRateLimiter {
  return new RedisRateLimiter({
    url: redisUrl,
    now: () => clock.now(),
    logger: pino({ level: 'debug' }, logs),
    namespace,
  });
}

describe('Redis limiter', { skip: url === null ? 'Redis is not reachable' : false }, () => {
  test('two instances share one budget, atomically', async () => {
    const clock = new TestClock(1_700_000_010_000);
    const namespace = unique('ns');
    const a = limiterOn(url!, clock, namespace);
    const b = limiterOn(url!, clock, namespace);
    await Promise.all([a.start(), b.start()]);
    try {
      const key = unique();
      for (let i = 0; i < 9; i++) assert.equal((await (i % 2 ? a : b).consume('apiKey', key, rule)).allowed, true);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).consume('apiKey', key, rule)),
      );
      assert.equal(results.filter((r) => r.allowed).length, 1);
      // b learns the block from Redis, not from a's memory.
      assert.equal((await b.check('apiKey', key, rule)).allowed, false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('Redis killed mid-test: requests still answer, limits hold per instance, then Redis is used again', async () => {
    const target = new URL(url!);
    const proxy = new TCPProxy(target.hostname, Number(target.port || 6379));
    await proxy.start();
    const proxied = new URL(url!);
    proxied.port = String(proxy.port);
    const clock = new TestClock(1_700_000_010_000);
    const namespace = unique('ns');
    const logs = new LogCapture();
    const limiter = limiterOn(proxied.toString(), clock, namespace, logs);
    // An observer that always talks to Redis directly, to see where the counts go.
    const observer = limiterOn(url!, clock, namespace);
    await Promise.all([limiter.start(), observer.start()]);
    try {
      const key = unique();
      for (let i = 0; i < 3; i++) assert.equal((await limiter.consume('apiKey', key, rule)).allowed, true);
      assert.equal((await observer.check('apiKey', key, rule)).remaining, 7);
      assert.equal(limiter.backendStatus(), 'up');

      await proxy.stop();
      await eventually(() => limiter.backendStatus() === 'down');
      // Per-instance counting: a fresh budget of 10 in this process, then 429s — never an exception.
      const outage = [];
      for (let i = 0; i < 12; i++) outage.push((await limiter.consume('apiKey', key, rule)).allowed);
      assert.equal(outage.filter(Boolean).length, 10);
      assert.equal(outage.at(-1), false);
      const other = unique();
      assert.equal((await limiter.check('apiKey', other, rule)).allowed, true);
      await limiter.reset('apiKey', other);
      assert.equal((await observer.check('apiKey', key, rule)).remaining, 7, 'Redis saw none of it');
      const warnings = logs.lines.filter((l) => l.includes('Redis is unreachable'));
      assert.equal(warnings.length, 1, 'logged once, not once per request');
      clock.advance(MINUTE + 1);
      await limiter.consume('apiKey', unique(), rule);
      // One warning per outage (#11.8), however long it lasts; the return is logged once too.
      assert.equal(logs.lines.filter((l) => l.includes('Redis is unreachable')).length, 1, 'not again a minute later');

      await proxy.restart();
      await eventually(() => limiter.backendStatus() === 'up');
      const fresh = unique();
      await limiter.consume('apiKey', fresh, rule);
      assert.equal((await observer.check('apiKey', fresh, rule)).remaining, 9, 'counting in Redis again');
      assert.ok(logs.lines.some((l) => l.includes('reachable again')));
    } finally {
      await Promise.all([limiter.close(), observer.close()]);
      await proxy.stop();
    }
  });
});
