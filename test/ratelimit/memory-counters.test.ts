import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryCounters } from '../../src/ratelimit/memory-counters.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-limiter.js';

test('in embedded mode a rate limit is answered at once, not as a promise, and stays exact', () => {
  const limiter = new MemoryRateLimiter(() => 1_000_000);
  const rule = { points: 3, durationMs: 60_000 };
  const answers = [1, 2, 3, 4].map(() => limiter.take('apiKey', 'key_1', rule));
  for (const answer of answers) assert.ok(!(answer instanceof Promise), 'a promise on the warm path');
  assert.deepEqual(
    answers.map((a) => (a as { allowed: boolean }).allowed),
    [true, true, true, false],
  );
  // Other keys and buckets have their own counters.
  assert.equal((limiter.take('apiKey', 'key_2', rule) as { allowed: boolean }).allowed, true);
  assert.equal((limiter.take('session', 'key_1', rule) as { allowed: boolean }).allowed, true);
});

test('memory counters count, give back, expire and are swept', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const counters = new MemoryCounters();
  assert.equal(counters.penalty('a', 2, { customDuration: 5 }).consumedPoints, 2);
  assert.equal(counters.penalty('a', 1, { customDuration: 5 }).consumedPoints, 3);
  assert.equal(counters.reward('a', 1, { customDuration: 5 }).consumedPoints, 2);
  assert.equal(counters.get('a')?.consumedPoints, 2);
  counters.penalty('b', 1, { customDuration: 60 });
  t.mock.timers.tick(5_000);
  // Expired: reads as absent, and a new increment starts from zero.
  assert.equal(counters.get('a'), null);
  assert.equal(counters.penalty('c', 1, { customDuration: 60 }).consumedPoints, 1);
  t.mock.timers.tick(10_000);
  counters.penalty('b', 1, { customDuration: 60 });
  // The sweep (at most every 10 s) dropped 'a', which nobody touched again.
  assert.equal(counters.size, 2);
  assert.equal(counters.delete('b'), true);
  assert.equal(counters.get('b'), null);
});
