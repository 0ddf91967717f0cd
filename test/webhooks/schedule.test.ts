import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_ATTEMPTS,
  RETRY_AFTER_CAP_MS,
  RETRY_SCHEDULE_MS,
  isSuccess,
  nextAttemptAt,
  parseRetryAfter,
  scheduledDelay,
} from '../../src/webhooks/schedule.js';

const HOUR = 3_600_000;

test('the Standard Webhooks schedule: ten attempts over about three days', () => {
  assert.deepEqual(
    RETRY_SCHEDULE_MS.map((ms) => ms / 1000),
    [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400],
  );
  assert.equal(MAX_ATTEMPTS, 10);
  const total = RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
  assert.ok(total > 3 * 24 * HOUR && total < 3.5 * 24 * HOUR);
  assert.equal(scheduledDelay(1, 1, 0), 5000);
  assert.equal(scheduledDelay(9, 1, 0), 24 * HOUR);
  assert.equal(scheduledDelay(10, 1, 0), null);
  assert.equal(scheduledDelay(0, 1, 0), null);
  assert.equal(scheduledDelay(2, 0.001, 0), 300);
});

test('jitter adds at most 10 %, never less than the schedule', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, random) => {
      const delay = scheduledDelay(n, 1, random)!;
      const base = RETRY_SCHEDULE_MS[n - 1];
      return delay >= base && delay <= Math.ceil(base * 1.1);
    }),
  );
});

test('Retry-After: delta-seconds or an HTTP date; anything else is ignored', () => {
  const now = Date.parse('2026-11-23T09:00:00Z');
  assert.equal(parseRetryAfter('120', now), 120_000);
  assert.equal(parseRetryAfter(' 0 ', now), 0);
  assert.equal(parseRetryAfter('Mon, 23 Nov 2026 09:01:00 GMT', now), 60_000);
  assert.equal(parseRetryAfter('Mon, 23 Nov 2026 08:00:00 GMT', now), 0, 'a date in the past: now');
  for (const bad of [undefined, '', '-5', '1.5', 'soon', '2026-11-23T09:01:00Z', '99999999999']) {
    assert.equal(parseRetryAfter(bad, now), null, String(bad));
  }
});

test('the next attempt: the schedule, Retry-After on 429/503 when later (capped at 24 h), none when exhausted', () => {
  const now = 1_000_000;
  const base = { attempts: 1, attemptsAllowed: 10, status: 500, retryAfter: undefined, now, scale: 1, random: 0 };
  assert.equal(nextAttemptAt(base), now + 5000);
  assert.equal(nextAttemptAt({ ...base, status: 429, retryAfter: '60' }), now + 60_000);
  assert.equal(nextAttemptAt({ ...base, status: 503, retryAfter: '60' }), now + 60_000);
  assert.equal(nextAttemptAt({ ...base, status: 500, retryAfter: '60' }), now + 5000, 'only on 429 and 503');
  assert.equal(nextAttemptAt({ ...base, status: 429, retryAfter: '1' }), now + 5000, 'never earlier than the schedule');
  assert.equal(nextAttemptAt({ ...base, status: 429, retryAfter: String(7 * 24 * 3600) }), now + RETRY_AFTER_CAP_MS);
  assert.equal(nextAttemptAt({ ...base, status: null }), now + 5000, 'no response: the schedule');
  assert.equal(nextAttemptAt({ ...base, attempts: 10 }), null);
  assert.equal(nextAttemptAt({ ...base, attempts: 3, attemptsAllowed: 3 }), null, 'a manual retry is one attempt');
});

test('only 2xx is a success', () => {
  assert.ok(isSuccess(200) && isSuccess(204) && isSuccess(299));
  for (const status of [100, 199, 301, 302, 304, 400, 410, 429, 500]) assert.ok(!isSuccess(status));
});
