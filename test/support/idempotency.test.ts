import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey } from '../helpers/fixtures.js';
import { tenant, type Tenant } from './api-helpers.js';

let t: TestApp;
let a: Tenant;
const clock = new TestClock();

before(async () => {
  t = await createTestApp({ clock });
  a = await tenant(t);
});
after(() => t.close());

const count = async (
  table: 'conversations' | 'customers' | 'messages' | 'agents' | 'kbArticles',
  workspaceId: string,
) => (await t.app.woes.db.selectFrom(table).select('id').where('workspaceId', '=', workspaceId).execute()).length;

test('a repeat with the same key and body returns the first response and creates nothing', async () => {
  const body = { externalId: 'idem-1', subject: 'Hello', customer: { id: 'idem-cus', name: 'Ada' } };
  const first = await a.call('POST', '/conversations', body, { 'idempotency-key': 'k-1' });
  assert.equal(first.statusCode, 201);
  // The same JSON with keys in another order is the same request.
  const again = await a.call(
    'POST',
    '/conversations',
    { customer: { name: 'Ada', id: 'idem-cus' }, subject: 'Hello', externalId: 'idem-1' },
    { 'idempotency-key': 'k-1' },
  );
  assert.equal(again.statusCode, 201);
  assert.deepEqual(again.json, first.json);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(await count('conversations', a.workspaceId), 1);
  assert.equal(await count('customers', a.workspaceId), 1);
});

test('the same key with a different body is a 409', async () => {
  await a.call('POST', '/agents', { name: 'One' }, { 'idempotency-key': 'k-2' });
  const other = await a.call('POST', '/agents', { name: 'Two' }, { 'idempotency-key': 'k-2' });
  assert.equal(other.statusCode, 409);
  assert.equal(other.json.code, 'conflict');
  const otherRoute = await a.call('POST', '/customers', { name: 'One' }, { 'idempotency-key': 'k-2' });
  assert.equal(otherRoute.statusCode, 409, 'a key used on another endpoint is another request');
  assert.equal(await count('agents', a.workspaceId), 1);
});

test('messages, customers and articles are idempotent too', async () => {
  const c = await a.call('POST', '/conversations', {});
  for (let i = 0; i < 3; i++) {
    const m = await a.call(
      'POST',
      `/conversations/${c.json.id}/messages`,
      { role: 'user', body: 'hi' },
      { 'idempotency-key': 'k-msg' },
    );
    assert.equal(m.statusCode, 201);
    await a.call('POST', '/customers', { name: 'Once' }, { 'idempotency-key': 'k-cus' });
    await a.call('POST', '/kb/articles', { title: 'Once', body: '' }, { 'idempotency-key': 'k-art' });
  }
  assert.equal((await a.call('GET', `/conversations/${c.json.id}`)).json.messageCount, 1);
  assert.equal(
    (await a.call('GET', '/customers?limit=100')).json.data.filter((x: { name: string }) => x.name === 'Once').length,
    1,
  );
  assert.equal(await count('kbArticles', a.workspaceId), 1);
});

test('keys are per credential and per workspace', async () => {
  const second = bearer((await createApiKey(t, a.workspaceId, ['admin'])).secret);
  const mine = await a.call('POST', '/agents', { name: 'Mine' }, { 'idempotency-key': 'k-3' });
  const theirs = await t.request({
    method: 'POST',
    url: '/api/v1/agents',
    headers: { ...second, 'idempotency-key': 'k-3' },
    payload: { name: 'Mine' },
  });
  assert.equal(theirs.statusCode, 201);
  assert.notEqual(theirs.json.id, mine.json.id);
  const b = await tenant(t);
  const elsewhere = await b.call('POST', '/agents', { name: 'Mine' }, { 'idempotency-key': 'k-3' });
  assert.equal(elsewhere.statusCode, 201);
  assert.notEqual(elsewhere.json.id, mine.json.id);
});

test('after 24 hours the key is forgotten', async () => {
  const first = await a.call('POST', '/agents', { name: 'Daily' }, { 'idempotency-key': 'k-4' });
  clock.advance(23 * 3600_000);
  assert.equal(
    (await a.call('POST', '/agents', { name: 'Daily' }, { 'idempotency-key': 'k-4' })).json.id,
    first.json.id,
  );
  clock.advance(2 * 3600_000);
  const later = await a.call('POST', '/agents', { name: 'Daily' }, { 'idempotency-key': 'k-4' });
  assert.equal(later.statusCode, 201);
  assert.notEqual(later.json.id, first.json.id);
});

test('errors are not stored; a bad key is a 400; parallel repeats create once', async () => {
  await a.call('POST', '/conversations', { externalId: 'taken' });
  const conflict = await a.call('POST', '/conversations', { externalId: 'taken' }, { 'idempotency-key': 'k-5' });
  assert.equal(conflict.statusCode, 409);
  assert.equal(
    (await a.call('POST', '/agents', { name: 'x' }, { 'idempotency-key': 'x'.repeat(256) })).statusCode,
    400,
  );
  assert.equal((await a.call('POST', '/agents', { name: 'x' }, { 'idempotency-key': 'has space' })).statusCode, 400);

  const before = await count('agents', a.workspaceId);
  const responses = await Promise.all(
    Array.from({ length: 8 }, () => a.call('POST', '/agents', { name: 'Parallel' }, { 'idempotency-key': 'k-6' })),
  );
  assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
  assert.equal(new Set(responses.map((r) => r.json.id)).size, 1);
  assert.equal(await count('agents', a.workspaceId), before + 1);
});
