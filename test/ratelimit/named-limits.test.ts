import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock } from '../helpers/app.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { AppError } from '../../src/errors.js';
import { enforceLimit } from '../../src/ratelimit/enforce.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-limiter.js';
import { DEFAULT_RULES } from '../../src/ratelimit/rate-limiter.js';
import { randomIP } from './helpers.js';

const ENV: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {};

test('enforceLimit spends a named limit and throws rate_limited with Retry-After when it is spent', async () => {
  const clock = new TestClock(1_700_000_000_000);
  const limiter = new MemoryRateLimiter(() => clock.now(), {
    rules: { widgetNewConversation: { points: 2, durationMs: 60_000 } },
  });
  assert.equal(limiter.rules.widgetNewConversation.points, 2);
  assert.deepEqual(limiter.rules.kbSearchAnonymous, DEFAULT_RULES.kbSearchAnonymous);
  await enforceLimit(limiter, 'widgetNewConversation', '10.0.0.1');
  await enforceLimit(limiter, 'widgetNewConversation', '10.0.0.1');
  await assert.rejects(enforceLimit(limiter, 'widgetNewConversation', '10.0.0.1'), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'rate_limited');
    assert.ok((error.options.retryAfter ?? 0) >= 1);
    return true;
  });
  // Another IP, and the same IP under another limit, are untouched.
  await enforceLimit(limiter, 'widgetNewConversation', '10.0.0.2');
  await enforceLimit(limiter, 'kbSearchAnonymous', '10.0.0.1');
  await limiter.close();
});

test('a route using a named per-IP limit answers 429 with Retry-After and the SPEC §4 body', async () => {
  const clock = new TestClock(Math.floor(Date.now() / 60_000) * 60_000 + 1000);
  const t = await createTestApp({
    env: ENV,
    clock,
    beforeReady(app) {
      app.get('/test/kb-search', async (request) => {
        await enforceLimit(app.woes.limiter, 'kbSearchAnonymous', request.ip);
        return { ok: true };
      });
    },
  });
  try {
    const ip = randomIP();
    for (let i = 0; i < 5; i++)
      assert.equal((await t.request({ method: 'GET', url: '/test/kb-search', remoteAddress: ip })).statusCode, 200);
    const refused = await t.request({ method: 'GET', url: '/test/kb-search', remoteAddress: ip });
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json.code, 'rate_limited');
    assert.equal(refused.json.requestId, refused.headers['x-correlation-id']);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1);
    clock.advance(retryAfter * 1000);
    assert.equal((await t.request({ method: 'GET', url: '/test/kb-search', remoteAddress: ip })).statusCode, 200);
  } finally {
    await t.close();
  }
});

test('rules given to the app replace the defaults (tests shrink quotas this way)', async () => {
  const t = await createTestApp({ env: ENV, deps: { rateRules: { session: { points: 3, durationMs: 1000 } } } });
  try {
    assert.equal(t.app.woes.limiter.rules.session.points, 3);
    assert.equal(t.app.woes.limiter.rules.apiKey.points, 1000);
  } finally {
    await t.close();
  }
});
