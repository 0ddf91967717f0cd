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
