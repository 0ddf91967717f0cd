import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCountingTestApp, type QueryCounter } from '../keys/helpers.js';
import type { TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from './api-helpers.js';

// GET /conversations must be one query however many rows (no N+1 for customers or counts).
let t: TestApp & { queries: QueryCounter };
let a: Tenant;

before(async () => {
  t = await createCountingTestApp();
  a = await tenant(t);
  for (let i = 0; i < 12; i++) {
    const c = await a.call('POST', '/conversations', { customer: { id: `cq-${i}`, name: `Customer ${i}` } });
    await a.call('POST', `/conversations/${c.json.id}/messages`, { role: 'user', body: 'hello' });
  }
});
after(() => t.close());

/** Queries made by one request; the least of a few tries, so a background poll cannot add to it. */
async function queriesFor(url: string): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < 5; i++) {
    const before = t.queries.count;
    const response = await a.call('GET', url);
    assert.equal(response.statusCode, 200);
    least = Math.min(least, t.queries.count - before);
  }
  return least;
}

test('listing conversations with a warm key is one database query', async () => {
  assert.equal(await queriesFor('/conversations?limit=10'), 1);
  assert.equal(await queriesFor('/conversations?limit=10&status=open'), 1);
  assert.equal(await queriesFor('/conversations?limit=10&status=open&assigneeId=usr_01jd2k8m3q4r5s6t7v8w9x0yzg'), 1);
  const page = await a.call('GET', '/conversations?limit=10');
  assert.equal(page.json.data.length, 10);
  assert.ok(
    page.json.data.every(
      (c: { customer: { name: string } | null; messageCount: number }) => c.customer?.name && c.messageCount === 1,
    ),
  );
});

/** Queries made by one write; the least of a few tries (after `prepare`), as for reads above. */
async function queriesForWrite(url: string, payload: object, prepare = async () => {}): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < 5; i++) {
    await prepare();
    const before = t.queries.count;
    const response = await a.call('POST', url, payload);
    assert.equal(response.statusCode, 201, response.body);
    least = Math.min(least, t.queries.count - before);
  }
  return least;
}

test('adding a message: the counting update (which reads the status), the message and its outbox event', async () => {
  const c = await a.call('POST', '/conversations', { subject: 'counted writes' });
  const url = `/conversations/${c.json.id}/messages`;
  // PostgreSQL writes all three in one statement (one round trip); SQLite runs them in-process.
  // Counting the message returns the conversation's status: a `user` message on an open
  // conversation costs no more than an agent's (it used to take a separate conditional reopen).
  const add = t.storage.dialect === 'postgres' ? 1 : 3;
  assert.equal(await queriesForWrite(url, { role: 'agent', body: 'hi' }), add);
  assert.equal(await queriesForWrite(url, { role: 'user', body: 'hi' }), add);
  // A closed one is reopened (a conditional update, so a webhook `conversation.updated` is written
  // only by the write that reopened it), then read for the event's payload and the event written.
  const close = async () => {
    assert.equal((await a.call('PATCH', `/conversations/${c.json.id}`, { status: 'closed' })).statusCode, 200);
  };
  // PostgreSQL first tries its one statement, which writes nothing when it would reopen.
  const reopen = t.storage.dialect === 'postgres' ? 1 + add + 3 : add + 3;
  assert.equal(await queriesForWrite(url, { role: 'user', body: 'hi again' }, close), reopen);
  const after = await a.call('GET', `/conversations/${c.json.id}`);
  assert.equal(after.json.status, 'open');
  assert.equal(after.json.messageCount, 15);
});

test('a message on PostgreSQL is one statement with no transaction around it; with an Idempotency-Key, one transaction', async () => {
  const c = await a.call('POST', '/conversations', { subject: 'transactions' });
  const url = `/conversations/${c.json.id}/messages`;
  const db = t.app.woes.db;
  const transaction = db.transaction.bind(db);
  let opened = 0;
  db.transaction = () => {
    // Only the request's own: the webhook worker and the usage flush open theirs on timers.
    if (t.queries.requests.getStore() === true) opened++;
    return transaction();
  };
  try {
    const counted = async (headers: Record<string, string>, role: string) => {
      const before = opened;
      const response = await a.call('POST', url, { role, body: 'hi' }, headers);
      assert.equal(response.statusCode, 201, response.body);
      return opened - before;
    };
    const postgres = t.storage.dialect === 'postgres';
    // SQLite writes its three statements in a transaction; PostgreSQL's one statement is atomic alone.
    assert.equal(await counted({}, 'agent'), postgres ? 0 : 1);
    assert.equal(await counted({}, 'user'), postgres ? 0 : 1);
    // With a key, the message and the stored response commit together.
    assert.equal(await counted({ 'idempotency-key': `tx-${Date.now()}` }, 'user'), 1);
    // A closed conversation is reopened in a transaction (the reopen and its event with the message).
    assert.equal((await a.call('PATCH', `/conversations/${c.json.id}`, { status: 'closed' })).statusCode, 200);
    assert.equal(await counted({}, 'user'), 1);
    const after = await a.call('GET', `/conversations/${c.json.id}`);
    assert.equal(after.json.status, 'open');
    assert.equal(after.json.messageCount, 4);
  } finally {
    db.transaction = transaction as typeof db.transaction;
  }
});
