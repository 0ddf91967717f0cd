import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isoString } from '../../src/http/iso-time.js';
import { isoTime } from '../../src/http/schemas.js';

const same = (ms: number) => assert.equal(isoString(ms), new Date(ms).toISOString(), String(ms));

test('the ISO formatter writes what toISOString writes at the edges', () => {
  const edges = [
    0,
    1,
    999,
    1000,
    59_999,
    86_399_999,
    86_400_000,
    Date.UTC(1972, 1, 29, 12), // a leap day
    Date.UTC(1999, 11, 31, 23, 59, 59, 999),
    Date.UTC(2000, 1, 29), // a leap day in a century divisible by 400
    Date.UTC(2000, 2, 1) - 1,
    Date.UTC(2100, 1, 28, 23, 59, 59, 999), // 2100 is not a leap year
    Date.UTC(2100, 2, 1),
    Date.UTC(2400, 1, 29),
    Date.UTC(2026, 0, 1),
    Date.UTC(2026, 11, 31, 23, 59, 59, 999),
    253_402_300_799_999, // 9999-12-31T23:59:59.999Z, the last four-digit year
    253_402_300_800_000, // +010000-01-01: toISOString's own format
    8.64e15, // the largest time
    -1, // before 1970: toISOString's own path
    -62_198_755_200_000, // year 0
    -8.64e15,
    1.5, // a fraction: truncated as Date does
    1795452659122.9,
  ];
  for (const ms of edges) same(ms);
  // Alternating days (the one-day cache must not leak one day into another).
  for (const ms of [Date.UTC(2026, 4, 1, 1), Date.UTC(2026, 4, 2, 1), Date.UTC(2026, 4, 1, 2)]) same(ms);
});

test('the ISO formatter writes what toISOString writes across every day and time of day', () => {
  // Every day from 1970 to 2200 at a time of day that moves through every field.
  for (let day = 0, ms = 0; day < 84_000; day++, ms = (ms + 4_321_987) % 86_400_000) same(day * 86_400_000 + ms);
  let seed = 1;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  for (let i = 0; i < 100_000; i++) same(Math.floor(random() * 253_402_300_800_000));
});

test('an invalid time still throws as toISOString does; null stays null', () => {
  assert.throws(() => isoString(Number.NaN), RangeError);
  assert.throws(() => isoString(8.64e15 + 1), RangeError);
  assert.equal(isoTime(null), null);
  assert.equal(isoTime(undefined), null);
  assert.equal(isoTime('1795452659122' as unknown as number), '2026-11-23T16:50:59.122Z');
});
