import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClock } from '../helpers/app.js';
import { limiterKinds, unique } from './helpers.js';
import type { RateLimiter } from '../../src/ratelimit/rate-limiter.js';

const MINUTE = 60_000;
/** A clock at `fraction` of the way into a one-minute window. */
function clockAt(fraction: number): TestClock {
  return new TestClock(1_700_000_040_000 - (1_700_000_040_000 % MINUTE) + Math.round(fraction * MINUTE));
}

async function spend(
  limiter: RateLimiter,
  key: string,
  n: number,
  rule: { points: number; durationMs: number },
): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push((await limiter.consume('test', key, rule)).allowed);
  return out;
}

for (const kind of await limiterKinds()) {
  describe(`${kind.name} limiter`, () => {
    const rule = { points: 5, durationMs: MINUTE };

    test('trips at its number, says when to come back, and recovers then', async () => {
      const clock = clockAt(0.5);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        const first = await limiter.consume('test', key, rule);
        assert.equal(first.allowed, true);
        assert.equal(first.limit, 5);
        assert.equal(first.remaining, 4);
        assert.deepEqual(await spend(limiter, key, 4, rule), [true, true, true, true]);
        const refused = await limiter.consume('test', key, rule);
        assert.equal(refused.allowed, false);
        assert.equal(refused.remaining, 0);
        assert.ok(refused.retryAfterMs > 0 && refused.retryAfterMs <= 2 * MINUTE);
        assert.equal((await limiter.check('test', key, rule)).allowed, false);
        clock.advance(refused.retryAfterMs - 1000);
        assert.equal((await limiter.consume('test', key, rule)).allowed, false);
        clock.advance(1000);
        assert.equal((await limiter.consume('test', key, rule)).allowed, true);
        // Two windows later everything has slid out.
        clock.advance(2 * MINUTE);
        assert.equal((await limiter.consume('test', key, rule)).remaining, 4);
      } finally {
        await limiter.close();
      }
    });

    test('a client cannot get twice its quota across a window boundary', async () => {
      const clock = clockAt(0.999);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        assert.deepEqual(await spend(limiter, key, 5, rule), [true, true, true, true, true]);
        clock.advance(2 * 60); // just past the boundary
        assert.deepEqual(await spend(limiter, key, 5, rule), [false, false, false, false, false]);
        // Halfway into the new window, about half the quota has slid out.
        clock.advance(MINUTE / 2);
        const half = await spend(limiter, key, 5, rule);
        assert.deepEqual(half, [true, true, false, false, false]);
      } finally {
        await limiter.close();
      }
    });

    test('refused requests do not count: hammering a 429 does not extend it', async () => {
      const clock = clockAt(0.25);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        await spend(limiter, key, 5, rule);
        const refused = await limiter.consume('test', key, rule);
        await spend(limiter, key, 30, rule);
        clock.advance(refused.retryAfterMs);
        assert.equal((await limiter.consume('test', key, rule)).allowed, true);
      } finally {
        await limiter.close();
      }
    });

    test('with one request left, 50 parallel requests let exactly one through', async () => {
      const clock = clockAt(0.5);
      const limiter = await kind.make(() => clock.now());
      const big = { points: 20, durationMs: MINUTE };
      try {
        const key = unique();
        await spend(limiter, key, 19, big);
        const results = await Promise.all(Array.from({ length: 50 }, () => limiter.consume('test', key, big)));
        assert.equal(results.filter((r) => r.allowed).length, 1);
        for (const r of results.filter((r) => !r.allowed)) assert.ok(r.retryAfterMs > 0);
        // The 49 refused gave their points back: exactly the quota is spent, not more.
        clock.advance(2 * MINUTE + 1);
        const after = await limiter.consume('test', key, big);
        assert.equal(after.remaining, 19);
      } finally {
        await limiter.close();
      }
    });

    test('50 parallel first requests on a fresh key with a quota of 10 let exactly 10 through', async () => {
      const clock = clockAt(0.1);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        const results = await Promise.all(
          Array.from({ length: 50 }, () => limiter.consume('test', key, { points: 10, durationMs: MINUTE })),
        );
        assert.equal(results.filter((r) => r.allowed).length, 10);
      } finally {
        await limiter.close();
      }
    });

    test('blockedFor knows a spent key without a store call; reset forgets it; buckets never mix', async () => {
      const clock = clockAt(0.5);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        const small = { points: 2, durationMs: MINUTE };
        assert.equal(limiter.blockedFor('test', key), 0);
        await limiter.consume('test', key, small);
        assert.equal(limiter.blockedFor('test', key), 0);
        await limiter.consume('test', key, small);
        assert.ok(limiter.blockedFor('test', key) > 0);
        assert.equal(limiter.blockedFor('other', key), 0);
        assert.equal((await limiter.consume('other', key, small)).allowed, true);
        await limiter.reset('test', key);
        assert.equal(limiter.blockedFor('test', key), 0);
        assert.equal((await limiter.consume('test', key, small)).remaining, 1);
      } finally {
        await limiter.close();
      }
    });

    test('a larger quota (a workspace override) applies at once, even to a key seen blocked', async () => {
      const clock = clockAt(0.5);
      const limiter = await kind.make(() => clock.now());
      try {
        const key = unique();
        await spend(limiter, key, 5, rule);
        assert.equal((await limiter.consume('test', key, rule)).allowed, false);
        const raised = { points: 10, durationMs: MINUTE };
        const res = await limiter.consume('test', key, raised);
        assert.equal(res.allowed, true);
        assert.equal(res.remaining, 4);
      } finally {
        await limiter.close();
      }
    });
  });
}
