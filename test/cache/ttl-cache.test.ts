import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TTLCache } from '../../src/cache/ttl-cache.js';

test('a full cache evicts the least recently used entry, not the first one set', () => {
  const cache = new TTLCache<string, number>(2, 60_000, () => 0);
  cache.set('a', 1);
  cache.set('b', 2);
  // A hit makes `a` the most recently used: the next insert must evict `b`.
  assert.equal(cache.get('a'), 1);
  cache.set('c', 3);
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('c'), 3);
  assert.equal(cache.size, 2);
});

test('setting an existing key refreshes its recency and never evicts another entry', () => {
  const cache = new TTLCache<string, number>(2, 60_000, () => 0);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('a', 10);
  cache.set('c', 3);
  assert.equal(cache.get('a'), 10);
  assert.equal(cache.get('b'), undefined);
});

test('entries leave by age whatever their recency', () => {
  let now = 0;
  const cache = new TTLCache<string, number>(10, 1_000, () => now);
  cache.set('a', 1);
  now = 999;
  assert.equal(cache.get('a'), 1);
  now = 1_000;
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 0);
});

test('when every entry was used since the last sweep, the oldest goes and the others keep their place', () => {
  const cache = new TTLCache<string, number>(3, 60_000, () => 0);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.set('c', 3);
  for (const key of ['a', 'b', 'c']) cache.get(key);
  cache.set('d', 4);
  assert.equal(cache.size, 3);
  assert.equal(cache.get('a'), undefined);
  // b and c lost their mark in the sweep; b is now the oldest unmarked one, unless it is used again.
  cache.get('c');
  cache.set('e', 5);
  assert.equal(cache.get('b'), undefined);
  assert.deepEqual(
    ['c', 'd', 'e'].map((k) => cache.get(k)),
    [3, 4, 5],
  );
});

test('an expired entry is evicted before a live unused one', () => {
  let now = 0;
  const cache = new TTLCache<string, number>(2, 60_000, () => now);
  cache.set('short', 1, 10);
  cache.set('long', 2);
  cache.get('short');
  now = 20;
  cache.set('new', 3);
  assert.equal(cache.get('long'), 2);
  assert.equal(cache.get('new'), 3);
  assert.equal(cache.size, 2);
});
