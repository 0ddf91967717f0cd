import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';
import { newId } from '../../src/storage/ids.js';
import { customersRepository } from '../../src/support/customers/customers-repository.js';
import { conversationsRepository } from '../../src/support/conversations/conversations-repository.js';
import { messagesRepository } from '../../src/support/messages/messages-repository.js';
import { articlesRepository } from '../../src/support/kb/articles-repository.js';
import { agentsRepository } from '../../src/support/agents/agents-repository.js';
import { idempotencyRepository } from '../../src/support/idempotency/idempotency-repository.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';

// Every support repository against a real database: SQLite by default, PostgreSQL in the CI pass.
let database: TestDatabase;
let storage: Storage;
let ws: string;
let other: string;
const first = { limit: 20, before: null };

async function workspace(): Promise<string> {
  const id = newId('ws');
  await storage.db
    .insertInto('workspaces')
    .values({ id, name: 'W', plan: 'pro', rateLimitPerHour: null, createdAt: 1, updatedAt: 1 })
    .execute();
  return id;
}

function customer(workspaceId: string, externalId: string | null, now = Date.now()) {
  return {
    id: newId('cust'),
    workspaceId,
    externalId,
    name: 'Ada',
    email: 'ada@example.com',
    emailUnverified: 0,
    company: null,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

function conversation(
  workspaceId: string,
  fields: { externalId?: string | null; customerId?: string | null; status?: string } = {},
) {
  const now = Date.now();
  return {
    id: newId('conv'),
    workspaceId,
    externalId: fields.externalId ?? null,
    subject: 'Help',
    status: fields.status ?? 'open',
    customerId: fields.customerId ?? null,
    assigneeId: null,
    messageCount: 0,
    lastMessageAt: null,
    createdAt: now,
    updatedAt: now,
    customerUpdatedAt: now,
  };
}

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
  ws = await workspace();
  other = await workspace();
});
after(async () => {
  await storage.destroy();
  await database.drop();
});

test('customers: insert refuses a taken externalId per workspace only; upsert updates given fields', async () => {
  const db = storage.db;
  const a = customer(ws, 'ext-1');
  assert.equal(await customersRepository.insert(db, a), true);
  assert.equal(await customersRepository.insert(db, customer(ws, 'ext-1')), false);
  assert.equal(
    await customersRepository.insert(db, customer(other, 'ext-1')),
    true,
    'another workspace may use the same externalId',
  );
  assert.equal(await customersRepository.insert(db, customer(ws, null)), true);
  assert.equal(
    await customersRepository.insert(db, customer(ws, null)),
    true,
    'customers without externalId never collide',
  );
  assert.equal(await customersRepository.idByExternalId(db, ws, 'ext-1'), a.id);

  const sameId = await customersRepository.upsertByExternalId(
    db,
    { ...customer(ws, 'ext-1'), externalId: 'ext-1', name: 'ignored', email: 'ignored' },
    { company: 'Acme' },
  );
  assert.equal(sameId, a.id);
  const row = await customersRepository.get(db, ws, a.id);
  assert.equal(row?.company, 'Acme');
  assert.equal(row?.name, 'Ada', 'a field left out keeps its value');
  assert.equal(await customersRepository.get(db, other, a.id), undefined, 'another workspace cannot read it');

  const listed = await customersRepository.list(db, ws, { externalId: 'ext-1' }, first);
  assert.deepEqual(
    listed.map((r) => r.id),
    [a.id],
  );
  assert.equal((await customersRepository.list(db, ws, { email: 'ada@example.com' }, first)).length, 3);

  assert.equal(await customersRepository.hasConversations(db, ws, a.id), false);
  await conversationsRepository.insert(db, conversation(ws, { customerId: a.id }));
  assert.equal(await customersRepository.hasConversations(db, ws, a.id), true);
  await customersRepository.anonymise(db, ws, a.id, 123);
  const gone = await customersRepository.get(db, ws, a.id);
  assert.deepEqual([gone?.name, gone?.email, gone?.externalId, gone?.deletedAt], [null, null, null, 123]);
  assert.equal(
    await customersRepository.update(db, ws, a.id, { name: 'x' }),
    false,
    'an anonymised customer is not patched',
  );
  assert.equal((await customersRepository.list(db, ws, { externalId: 'ext-1' }, first)).length, 0);
  assert.equal(await customersRepository.insert(db, customer(ws, 'ext-1')), true, 'the externalId is free again');

  const lone = customer(ws, null);
  await customersRepository.insert(db, lone);
  await customersRepository.delete(db, other, lone.id);
  assert.ok(await customersRepository.get(db, ws, lone.id), 'a delete in another workspace touches nothing');
  await customersRepository.delete(db, ws, lone.id);
  assert.equal(await customersRepository.get(db, ws, lone.id), undefined);
});

test('conversations: one joined query with the customer, filters, paging, externalId unique per workspace', async () => {
  const db = storage.db;
  const w = await workspace();
  const c = customer(w, 'c-1');
  await customersRepository.insert(db, c);
  const one = conversation(w, { externalId: 't-1', customerId: c.id });
  const two = conversation(w, { status: 'closed' });
  const three = conversation(w, { status: 'pending' });
  for (const row of [one, two, three]) assert.equal(await conversationsRepository.insert(db, row), true);
  assert.equal(await conversationsRepository.insert(db, conversation(w, { externalId: 't-1' })), false);
  assert.equal(await conversationsRepository.insert(db, conversation(other, { externalId: 't-1' })), true);
  assert.equal(await conversationsRepository.idByExternalId(db, w, 't-1'), one.id);

  const all = await conversationsRepository.list(db, w, {}, first);
  assert.deepEqual(
    all.map((r) => r.id),
    [three.id, two.id, one.id],
    'newest first',
  );
  assert.equal(all[2].customer?.name, 'Ada');
  assert.equal(all[0].customer, null);
  assert.deepEqual(
    (await conversationsRepository.list(db, w, { status: 'closed' }, first)).map((r) => r.id),
    [two.id],
  );
  assert.deepEqual(
    (await conversationsRepository.list(db, w, { customerId: c.id }, first)).map((r) => r.id),
    [one.id],
  );
  assert.deepEqual(
    (await conversationsRepository.list(db, w, { externalId: 't-1' }, first)).map((r) => r.id),
    [one.id],
  );
  const page = await conversationsRepository.list(db, w, {}, { limit: 1, before: three.id });
  assert.deepEqual(
    page.map((r) => r.id),
    [two.id, one.id],
    'limit + 1 rows after the cursor',
  );

  assert.equal(await conversationsRepository.update(db, other, one.id, { status: 'closed' }), false);
  assert.equal(await conversationsRepository.update(db, w, one.id, { status: 'pending' }), true);
  assert.equal((await conversationsRepository.get(db, w, one.id))?.status, 'pending');
  assert.equal(await conversationsRepository.get(db, other, one.id), undefined);
  assert.equal(await conversationsRepository.exists(db, w, one.id), true);
  assert.equal(await conversationsRepository.exists(db, other, one.id), false);
  assert.equal(await conversationsRepository.isMember(db, w, newId('usr')), false);
});

test('conversations read as arrays map to what the object rows of the same join give', async () => {
  const db = storage.db;
  const w = await workspace();
  const member = newId('usr');
  await db
    .insertInto('users')
    .values({
      id: member,
      email: `${member}@example.com`,
      name: 'M',
      passwordHash: null,
      emailVerifiedAt: null,
      createdAt: 1,
      updatedAt: 1,
    })
    .execute();
  const full = { ...customer(w, 'ext-full'), company: 'Acme' };
  const bare = { ...customer(w, null), name: null, email: null };
  for (const row of [full, bare]) await customersRepository.insert(db, row);
  const rows = [
    conversation(w),
    { ...conversation(w, { customerId: full.id, externalId: 't-9', status: 'pending' }), assigneeId: member },
    { ...conversation(w, { customerId: bare.id }), subject: null, messageCount: 7, lastMessageAt: 0 },
    { ...conversation(w, { status: 'closed' }), createdAt: 951782400000, updatedAt: 4102444799999, lastMessageAt: 1 },
  ];
  for (const row of rows) assert.equal(await conversationsRepository.insert(db, row), true);
  // The object path: every column by name through the app's plugins, mapped field by field.
  const objects = await db
    .selectFrom('conversations as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customerId')
    .selectAll('c')
    .select(['cu.externalId as cx', 'cu.name as cn', 'cu.email as ce', 'cu.company as cc'])
    .where('c.workspaceId', '=', w)
    .orderBy('c.id', 'desc')
    .execute();
  const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
  const expected = objects.map((o) => ({
    id: o.id,
    externalId: o.externalId,
    subject: o.subject,
    status: o.status,
    customer:
      o.customerId === null ? null : { id: o.customerId, externalId: o.cx, name: o.cn, email: o.ce, company: o.cc },
    assigneeId: o.assigneeId,
    messageCount: Number(o.messageCount),
    lastMessageAt: iso(o.lastMessageAt),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  }));
  assert.equal(expected.length, rows.length);
  assert.deepEqual(await conversationsRepository.list(db, w, {}, first), expected);
  for (const conv of expected) assert.deepEqual(await conversationsRepository.get(db, w, conv.id), conv);
  // In a transaction too (the arrays come from the transaction's connection).
  await db.transaction().execute(async (trx) => {
    assert.deepEqual(await conversationsRepository.list(trx, w, {}, first), expected);
  });
});

test('messages on PostgreSQL: the counting update, the message and its event are one statement, all or nothing', async (t) => {
  if (storage.dialect !== 'postgres') return t.skip('PostgreSQL only (SQLite runs the three statements)');
  const db = storage.db;
  const conv = conversation(ws, { status: 'closed' });
  await conversationsRepository.insert(db, conv);
  const message = (workspaceId: string, createdAt: number) => ({
    id: newId('msg'),
    workspaceId,
    conversationId: conv.id,
    role: 'user',
    body: 'hi',
    authorType: 'api_key',
    authorId: 'key_x',
    createdAt,
  });
  const event = (workspaceId: string, now: number) =>
    webhookOutbox.row({ workspaceId, type: 'message.created', payload: { n: now }, now });
  // Another workspace's conversation: nothing is counted or written.
  assert.equal(await messagesRepository.addWithEvent(db, message(other, 10), event(other, 10)), undefined);
  assert.equal((await messagesRepository.list(db, other, conv.id, first)).length, 0);
  assert.equal((await webhookOutbox.list(db, other)).length, 0);
  // Its own: the status before any reopen, the counters, the message and the event.
  assert.equal(await messagesRepository.addWithEvent(db, message(ws, 20), event(ws, 20)), 'closed');
  const after = await conversationsRepository.get(db, ws, conv.id);
  assert.deepEqual(
    [after?.status, after?.messageCount, after?.lastMessageAt],
    ['closed', 1, '1970-01-01T00:00:00.020Z'],
  );
  assert.equal((await messagesRepository.list(db, ws, conv.id, first)).length, 1);
  const events = await webhookOutbox.list(db, ws, { type: 'message.created' });
  assert.deepEqual(events[0].payload, { n: 20 });
  await assert.rejects(messagesRepository.addWithEvent(db, message(ws, 30), event(ws, 31)), /workspace and time/);
});

test('messages: counters move with the insert; a user message reopens a closed conversation', async () => {
  const db = storage.db;
  const conv = conversation(ws, { status: 'closed' });
  await conversationsRepository.insert(db, conv);
  assert.equal(await messagesRepository.touchConversation(db, other, conv.id, 5, 'user'), undefined);
  assert.equal(await messagesRepository.reopenIfClosed(db, other, conv.id), false, 'another workspace');
  assert.equal(
    await messagesRepository.touchConversation(db, ws, conv.id, 1000, 'user'),
    'closed',
    'returns the status',
  );
  assert.equal((await conversationsRepository.get(db, ws, conv.id))?.status, 'closed', 'counting does not reopen');
  assert.equal(await messagesRepository.reopenIfClosed(db, ws, conv.id), true);
  assert.equal(await messagesRepository.reopenIfClosed(db, ws, conv.id), false, 'only a closed one is reopened');
  assert.equal(await messagesRepository.touchConversation(db, ws, conv.id, 2000, 'user'), 'open');
  const after = await conversationsRepository.get(db, ws, conv.id);
  assert.deepEqual([after?.status, after?.messageCount, after?.lastMessageAt], ['open', 2, '1970-01-01T00:00:02.000Z']);
  // An internal note counts and dates the conversation for the API, not for its customer.
  assert.equal(await messagesRepository.touchConversation(db, ws, conv.id, 3000, 'note'), 'open');
  const times = await db
    .selectFrom('conversations')
    .select(['updatedAt', 'customerUpdatedAt'])
    .where('id', '=', conv.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([Number(times.updatedAt), Number(times.customerUpdatedAt)], [3000, 2000]);

  const ids = [newId('msg'), newId('msg')];
  for (const id of ids) {
    await messagesRepository.insert(db, {
      id,
      workspaceId: ws,
      conversationId: conv.id,
      role: 'user',
      body: 'hi',
      authorType: 'api_key',
      authorId: 'key_x',
      createdAt: 1,
    });
  }
  assert.deepEqual(
    (await messagesRepository.list(db, ws, conv.id, first)).map((m) => m.id),
    ids.slice().reverse(),
  );
  assert.equal((await messagesRepository.list(db, other, conv.id, first)).length, 0);
  assert.deepEqual(
    (await messagesRepository.list(db, ws, conv.id, { limit: 5, before: ids[1] })).map((m) => m.id),
    [ids[0]],
  );
});

test('articles and agents: CRUD bounded by the workspace', async () => {
  const db = storage.db;
  const art = {
    id: newId('art'),
    workspaceId: ws,
    title: 'T',
    body: 'B',
    tags: '["a"]',
    published: 1,
    createdAt: 1,
    updatedAt: 1,
  };
  await articlesRepository.insert(db, art);
  assert.equal((await articlesRepository.get(db, ws, art.id))?.title, 'T');
  assert.equal(await articlesRepository.get(db, other, art.id), undefined);
  assert.equal((await articlesRepository.list(db, ws, { published: false }, first)).length, 0);
  assert.equal((await articlesRepository.list(db, ws, { published: true }, first)).length, 1);
  assert.equal(await articlesRepository.update(db, other, art.id, { title: 'X' }), false);
  assert.equal(await articlesRepository.update(db, ws, art.id, { title: 'U' }), true);
  assert.equal(await articlesRepository.delete(db, other, art.id), false);
  assert.equal(await articlesRepository.delete(db, ws, art.id), true);
  assert.equal(await articlesRepository.get(db, ws, art.id), undefined);

  const agent = {
    id: newId('agt'),
    workspaceId: ws,
    name: 'Bot',
    instructions: '',
    enabled: 1,
    createdAt: 1,
    updatedAt: 1,
  };
  await agentsRepository.insert(db, agent);
  assert.deepEqual(
    (await agentsRepository.list(db, ws, first)).map((a) => a.id),
    [agent.id],
  );
  assert.equal((await agentsRepository.list(db, other, first)).length, 0);
  assert.equal(await agentsRepository.update(db, other, agent.id, { enabled: 0 }), false);
  assert.equal(await agentsRepository.update(db, ws, agent.id, { enabled: 0 }), true);
  assert.equal(Number((await agentsRepository.get(db, ws, agent.id))?.enabled), 0);
  assert.equal(await agentsRepository.delete(db, other, agent.id), false);
  assert.equal(await agentsRepository.delete(db, ws, agent.id), true);
});

test('idempotency records: one per workspace + credential + key, expired ones deleted', async () => {
  const db = storage.db;
  const scope = { workspaceId: ws, credential: 'key:key_a', idempotencyKey: 'k1' };
  const row = { ...scope, requestHash: 'h', statusCode: 201, responseBody: '{}', createdAt: 1000 };
  assert.equal(await idempotencyRepository.insert(db, row), true);
  assert.equal(await idempotencyRepository.insert(db, { ...row, requestHash: 'other' }), false);
  assert.equal(await idempotencyRepository.insert(db, { ...row, credential: 'key:key_b' }), true);
  assert.equal((await idempotencyRepository.find(db, scope, 0))?.requestHash, 'h');
  assert.equal(await idempotencyRepository.find(db, scope, 1000), undefined, 'outside the window');
  await idempotencyRepository.deleteExpired(db, ws, 1000);
  assert.equal(
    await idempotencyRepository.insert(db, { ...row, createdAt: 5000 }),
    true,
    'an expired key can be used again',
  );
});
