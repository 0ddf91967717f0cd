import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from './api-helpers.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function createMany(w: Tenant, n: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await w.call('POST', '/conversations', { subject: `${prefix} ${i}` })).json.id);
  return ids;
}

async function page(w: Tenant, cursor: string | null): Promise<{ ids: string[]; nextCursor: string | null }> {
  const response = await w.call('GET', `/conversations?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
  assert.equal(response.statusCode, 200);
  return { ids: response.json.data.map((c: { id: string }) => c.id), nextCursor: response.json.nextCursor };
}

test('25 conversations paged by 10 come back each exactly once, newest first', async () => {
  const w = await tenant(t);
  const created = await createMany(w, 25, 'c');
  const seen: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(w, cursor);
    seen.push(...p.ids);
    sizes.push(p.ids.length);
    cursor = p.nextCursor;
  } while (cursor);
  assert.deepEqual(sizes, [10, 10, 5]);
  assert.deepEqual(seen, created.slice().reverse());
});

test('conversations created between pages neither repeat nor shift the walk', async () => {
  const w = await tenant(t);
  const created = await createMany(w, 25, 'old');
  const seen: string[] = [];
  let cursor: string | null = null;
  let added: string[] = [];
  do {
    const p = await page(w, cursor);
    seen.push(...p.ids);
    cursor = p.nextCursor;
    added = added.concat(await createMany(w, 3, 'new'));
  } while (cursor);
  assert.equal(new Set(seen).size, seen.length, 'no conversation twice');
  assert.deepEqual(seen, created.slice().reverse(), 'every original exactly once, in order');
  const fresh = await page(w, null);
  assert.deepEqual(fresh.ids.slice(0, 3), added.slice(-3).reverse(), 'the new ones are at the front of a new walk');
});
