import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/app.js';
import { createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { runWoes } from '../helpers/cli.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { widgetTenant, identityToken, type WidgetTenant } from '../widget/helpers.js';
import { customerWithConversation, openSession, portalAuth } from '../portal/helpers.js';
import { bearer, signUp } from '../accounts/helpers.js';
import { webhookOutbox, type WebhookEvent } from '../../src/events/webhook-outbox.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../src/events/webhook-events.js';
import { createSupportServices } from '../../src/support/services.js';
import type { WorkspaceCaller } from '../../src/http/caller.js';
import { OperatorKeys } from '../../src/keys/operator-keys.js';
import { UsageBuffer } from '../../src/keys/usage-buffer.js';

// Every event is written in the transaction of its change: once per change, with the API's own
// resource as payload, and never for a change that did not commit. Runs on SQLite and, with
// WOES_TEST_DATABASE_URL, on PostgreSQL.

let t: TestApp;
let a: Tenant;
let w: WidgetTenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
  w = await widgetTenant(t, { identity: true });
});
after(() => t.close());

async function events(workspaceId: string, type?: WebhookEventType): Promise<WebhookEvent[]> {
  return webhookOutbox.list(t.app.woes.db, workspaceId, { type, limit: 1000 });
}

/** The events of one type about one resource (by the payload's id). */
async function eventsAbout(workspaceId: string, type: WebhookEventType, id: string): Promise<WebhookEvent[]> {
  return (await events(workspaceId, type)).filter((event) => event.payload.id === id);
}

/** Exactly one event of `type` about `id`; its payload. */
async function onlyEvent(workspaceId: string, type: WebhookEventType, id: string): Promise<Record<string, unknown>> {
  const found = await eventsAbout(workspaceId, type, id);
  assert.equal(found.length, 1, `${type} events about ${id}: ${found.length}`);
  assert.match(found[0].id, /^evt_/);
  assert.equal(found[0].type, type);
  return found[0].payload;
}

/** The operator's key service, as `woes keys revoke` builds it. */
const operator = () => new OperatorKeys(t.app.woes, new UsageBuffer(t.app.woes.db, t.app.woes.logger, 60_000));

async function get(tenantOf: Tenant, url: string): Promise<Record<string, unknown>> {
  const response = await tenantOf.call('GET', url);
  assert.equal(response.statusCode, 200, response.body);
  return response.json;
}

/** A message as the API lists it. */
async function listedMessage(tenantOf: Tenant, conversationId: string, id: string) {
  const list = await get(tenantOf, `/conversations/${conversationId}/messages?limit=100`);
  const found = (list.data as Array<{ id: string }>).find((m) => m.id === id);
  assert.ok(found, `message ${id} is listed`);
  return found;
}

test('the event types are one list, and the schema offers exactly them', async () => {
  const { WebhookEventType } = await import('../../src/events/webhook-events.js');
  assert.equal((JSON.parse(JSON.stringify(WebhookEventType)) as { title: string }).title, 'WebhookEventType');
  assert.deepEqual(WebhookEventType.enum, [...WEBHOOK_EVENT_TYPES]);
  assert.equal((WebhookEventType as { type?: string }).type, 'string');
});

test('API: conversation and customer created, updated and messaged, each event once with the GET resource', async () => {
  const created = await a.call('POST', '/conversations', {
    subject: 'Login fails',
    externalId: 'ticket-events-1',
    customer: { id: 'cus-events-1', name: 'Ada', email: 'Ada@Example.com' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id: string = created.json.id;
  const customerId: string = created.json.customer.id;
  assert.deepEqual(await onlyEvent(a.workspaceId, 'conversation.created', id), await get(a, `/conversations/${id}`));
  assert.deepEqual(
    await onlyEvent(a.workspaceId, 'customer.created', customerId),
    await get(a, `/customers/${customerId}`),
  );

  // The same customer again is an update of it, not a second creation.
  const customersBefore = (await events(a.workspaceId, 'customer.created')).length;
  const again = await a.call('POST', '/conversations', { customer: { id: 'cus-events-1', name: 'Ada L.' } });
  assert.equal(again.statusCode, 201);
  assert.equal(again.json.customer.id, customerId);
  assert.equal((await events(a.workspaceId, 'customer.created')).length, customersBefore);
  await onlyEvent(a.workspaceId, 'conversation.created', again.json.id);

  const direct = await a.call('POST', '/customers', { externalId: 'cus-events-2', email: 'grace@example.com' });
  assert.equal(direct.statusCode, 201);
  assert.deepEqual(
    await onlyEvent(a.workspaceId, 'customer.created', direct.json.id),
    await get(a, `/customers/${direct.json.id}`),
  );

  // Every PATCH writes the conversation as it is after the change.
  const member = await signUp(t, 'events-agent@example.com', { workspaceName: 'Elsewhere' });
  await t.app.woes.db
    .insertInto('memberships')
    .values({ workspaceId: a.workspaceId, userId: member.userId, role: 'agent', createdAt: Date.now() })
    .execute();
  const patches = [{ status: 'pending' }, { subject: 'Login fails on Safari' }, { assigneeId: member.userId }];
  for (const [i, patch] of patches.entries()) {
    const patched = await a.call('PATCH', `/conversations/${id}`, patch);
    assert.equal(patched.statusCode, 200, patched.body);
    const updates = await eventsAbout(a.workspaceId, 'conversation.updated', id);
    assert.equal(updates.length, i + 1);
    assert.deepEqual(updates[0].payload, await get(a, `/conversations/${id}`), JSON.stringify(patch));
  }

  // Messages of every role, notes included (webhooks go to the workspace's own servers).
  for (const role of ['agent', 'note', 'bot', 'user']) {
    const message = await a.call('POST', `/conversations/${id}/messages`, { role, body: `a ${role} message` });
    assert.equal(message.statusCode, 201, message.body);
    const payload = await onlyEvent(a.workspaceId, 'message.created', message.json.id);
    assert.deepEqual(payload, message.json);
    assert.deepEqual(payload, await listedMessage(a, id, message.json.id));
  }
  // None of those reopened anything: the conversation was pending, not closed.
  assert.equal((await eventsAbout(a.workspaceId, 'conversation.updated', id)).length, 3);
});

test('a user message reopening a closed conversation writes conversation.updated; a note or agent reply does not', async () => {
  const created = await a.call('POST', '/conversations', { subject: 'Reopen me' });
  const id: string = created.json.id;
  await a.call('PATCH', `/conversations/${id}`, { status: 'closed' });
  for (const role of ['note', 'agent']) {
    assert.equal(
      (await a.call('POST', `/conversations/${id}/messages`, { role, body: 'still closed' })).statusCode,
      201,
    );
  }
  assert.equal((await eventsAbout(a.workspaceId, 'conversation.updated', id)).length, 1, 'only the PATCH');
  const user = await a.call('POST', `/conversations/${id}/messages`, { role: 'user', body: 'it broke again' });
  assert.equal(user.statusCode, 201);
  const updates = await eventsAbout(a.workspaceId, 'conversation.updated', id);
  assert.equal(updates.length, 2);
  const after = await get(a, `/conversations/${id}`);
  assert.equal(after.status, 'open');
  assert.deepEqual(updates[0].payload, after);
  // A second user message on the now open conversation changes no status: no event.
  await a.call('POST', `/conversations/${id}/messages`, { role: 'user', body: 'hello?' });
  assert.equal((await eventsAbout(a.workspaceId, 'conversation.updated', id)).length, 2);
});

test('a change that fails or rolls back leaves no event', async () => {
  const before = (await events(a.workspaceId)).length;
  const created = await a.call('POST', '/conversations', { externalId: 'dup-events' });
  assert.equal(created.statusCode, 201);
  const id: string = created.json.id;
  const count = (await events(a.workspaceId)).length;
  assert.equal(count, before + 1);

  const refusals = [
    a.call('PATCH', `/conversations/${id}`, { assigneeId: 'usr_01jd2k8m3q4r5s6t7v8w9x0yzg' }),
    a.call('PATCH', '/conversations/conv_01jd2k8m3q4r5s6t7v8w9x0yzg', { status: 'closed' }),
    a.call('POST', '/conversations/conv_01jd2k8m3q4r5s6t7v8w9x0yzg/messages', { role: 'user', body: 'lost' }),
    // A taken externalId with a new customer: the customer's upsert is rolled back with the 409.
    a.call('POST', '/conversations', { externalId: 'dup-events', customer: { id: 'never-created' } }),
    a.call('POST', '/customers', { externalId: 'cus-events-1' }),
  ];
  const statuses = [];
  for (const refusal of refusals) statuses.push((await refusal).statusCode);
  assert.deepEqual(statuses, [400, 404, 404, 409, 409]);
  assert.equal((await a.call('GET', '/customers?externalId=never-created')).json.data.length, 0);
  assert.equal((await events(a.workspaceId)).length, count, 'no event from a refused change');

  // The services' own writes, in a transaction that fails after them: nothing of it remains.
  const support = createSupportServices(t.app.woes);
  const caller = { workspaceId: a.workspaceId, actor: { type: 'api_key', id: a.keyId } } as unknown as WorkspaceCaller;
  await assert.rejects(
    t.app.woes.db.transaction().execute(async (trx) => {
      const conversation = await support.conversations.create(trx, caller, { customer: { id: 'rolled-back' } });
      await support.messages.create(trx, caller, conversation.id, { role: 'user', body: 'gone' });
      await support.customers.create(trx, caller, { externalId: 'rolled-back-2' });
      assert.equal((await webhookOutbox.list(trx, a.workspaceId, { limit: 1000 })).length, count + 4);
      throw new Error('forced failure after the writes');
    }),
    /forced failure/,
  );
  assert.equal((await events(a.workspaceId)).length, count, 'the rollback took the events with it');
});

test('an Idempotency-Key replay, or a concurrent repeat, writes no second event', async () => {
  const key = { 'idempotency-key': 'events-replay-1' };
  const body = { subject: 'Idempotent', customer: { id: 'cus-idem-events' } };
  const first = await a.call('POST', '/conversations', body, key);
  const second = await a.call('POST', '/conversations', body, key);
  assert.equal(second.headers['idempotent-replayed'], 'true');
  assert.equal(second.json.id, first.json.id);
  await onlyEvent(a.workspaceId, 'conversation.created', first.json.id);
  await onlyEvent(a.workspaceId, 'customer.created', first.json.customer.id);

  const id: string = first.json.id;
  const messageKey = { 'idempotency-key': 'events-replay-2' };
  const message = await a.call('POST', `/conversations/${id}/messages`, { role: 'user', body: 'once' }, messageKey);
  await a.call('POST', `/conversations/${id}/messages`, { role: 'user', body: 'once' }, messageKey);
  await onlyEvent(a.workspaceId, 'message.created', message.json.id);

  // Racing repeats: the losers' work (and events) roll back.
  const raced = await Promise.all(
    Array.from({ length: 4 }, () =>
      a.call('POST', `/conversations/${id}/messages`, { role: 'agent', body: 'raced' }, { 'idempotency-key': 'race' }),
    ),
  );
  assert.ok(raced.every((r) => r.statusCode === 201 && r.json.id === raced[0].json.id));
  await onlyEvent(a.workspaceId, 'message.created', raced[0].json.id);
  const raceEvents = (await events(a.workspaceId, 'message.created')).filter((e) => e.payload.body === 'raced');
  assert.equal(raceEvents.length, 1);
  assert.equal((await get(a, `/conversations/${id}`)).messageCount, 2);
});

test('concurrent writers: one customer.created for a customer created by racing conversations, one reopening', async () => {
  const racing = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      a.call('POST', '/conversations', { subject: `race ${i}`, customer: { id: 'cus-racing', name: 'Racer' } }),
    ),
  );
  assert.ok(racing.every((r) => r.statusCode === 201));
  const customerId: string = racing[0].json.customer.id;
  assert.ok(racing.every((r) => r.json.customer.id === customerId));
  await onlyEvent(a.workspaceId, 'customer.created', customerId);
  for (const r of racing) await onlyEvent(a.workspaceId, 'conversation.created', r.json.id);

  const id: string = racing[0].json.id;
  await a.call('PATCH', `/conversations/${id}`, { status: 'closed' });
  const replies = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      a.call('POST', `/conversations/${id}/messages`, { role: 'user', body: `${i}` }),
    ),
  );
  assert.ok(replies.every((r) => r.statusCode === 201));
  const updates = await eventsAbout(a.workspaceId, 'conversation.updated', id);
  assert.equal(updates.length, 2, 'the PATCH and one reopening');
  assert.equal(updates[0].payload.status, 'open');
});

test('widget: anonymous and identified visitors create customer, conversation and message events', async () => {
  const anonymous = await w.widget('POST', '/conversations', {
    customer: { name: 'Visitor', email: 'visitor@example.com' },
    body: 'Where is my order?',
  });
  assert.equal(anonymous.statusCode, 201, anonymous.body);
  const id: string = anonymous.json.conversation.id;
  const conversation = await get(w, `/conversations/${id}`);
  const customer = conversation.customer as { id: string };
  assert.ok(customer, 'the visitor is the conversation customer');
  assert.deepEqual(
    await onlyEvent(w.workspaceId, 'customer.created', customer.id),
    await get(w, `/customers/${customer.id}`),
  );
  // Created before its first message is added in the same transaction: the resource at creation.
  const createdPayload = await onlyEvent(w.workspaceId, 'conversation.created', id);
  assert.deepEqual(createdPayload, {
    ...conversation,
    messageCount: 0,
    lastMessageAt: null,
    updatedAt: createdPayload.updatedAt,
  });
  assert.equal(createdPayload.updatedAt, conversation.createdAt);
  const [first] = (await get(w, `/conversations/${id}/messages`)).data as Array<{ id: string }>;
  assert.deepEqual(await onlyEvent(w.workspaceId, 'message.created', first.id), first);

  const secret = { 'x-woes-conversation-secret': anonymous.json.historySecret };
  await w.call('PATCH', `/conversations/${id}`, { status: 'closed' });
  const reply = await w.widget('POST', `/conversations/${id}/messages`, { body: 'Hello again' }, secret);
  assert.equal(reply.statusCode, 201, reply.body);
  const messages = (await get(w, `/conversations/${id}/messages`)).data as Array<{ id: string; author: unknown }>;
  assert.deepEqual(await onlyEvent(w.workspaceId, 'message.created', messages[0].id), messages[0]);
  assert.deepEqual(messages[0].author, { type: 'customer', id: customer.id });
  const updates = await eventsAbout(w.workspaceId, 'conversation.updated', id);
  assert.equal(updates.length, 2, 'the PATCH, then the reopening');
  assert.deepEqual(updates[0].payload, await get(w, `/conversations/${id}`));

  // An identified visitor: created once, updated (no event) on a second conversation.
  const token = () => identityToken(w.identitySecret!, { sub: 'vip-events', name: 'Vera' });
  const vip = await w.widget('POST', '/conversations', { identityToken: await token(), body: 'I am Vera' });
  assert.equal(vip.statusCode, 201, vip.body);
  const vipCustomer = (await get(w, `/conversations/${vip.json.conversation.id}`)).customer as { id: string };
  assert.deepEqual(
    await onlyEvent(w.workspaceId, 'customer.created', vipCustomer.id),
    await get(w, `/customers/${vipCustomer.id}`),
  );
  const customersBefore = (await events(w.workspaceId, 'customer.created')).length;
  const vipAgain = await w.widget('POST', '/conversations', { identityToken: await token(), body: 'Me again' });
  assert.equal(vipAgain.statusCode, 201);
  assert.equal((await events(w.workspaceId, 'customer.created')).length, customersBefore);
  await onlyEvent(w.workspaceId, 'conversation.created', vipAgain.json.conversation.id);
});

test('portal: a customer reply writes message.created (and reopens with conversation.updated)', async () => {
  const { conversationId } = await customerWithConversation(a, 'portal-events', 'portal-events@example.com', 'Portal');
  await a.call('PATCH', `/conversations/${conversationId}`, { status: 'closed' });
  const session = await openSession(t, a.workspaceId, 'portal-events@example.com');
  const reply = await t.request({
    method: 'POST',
    url: `/api/v1/portal/conversations/${conversationId}/messages`,
    headers: portalAuth(session),
    payload: { body: 'Any news?' },
  });
  assert.equal(reply.statusCode, 201, reply.body);
  assert.deepEqual(
    await onlyEvent(a.workspaceId, 'message.created', reply.json.id),
    await listedMessage(a, conversationId, reply.json.id),
  );
  const updates = await eventsAbout(a.workspaceId, 'conversation.updated', conversationId);
  assert.equal(updates.length, 2);
  assert.deepEqual(updates[0].payload, await get(a, `/conversations/${conversationId}`));
});

test('Inbox: an agent reply with a session writes message.created authored by the user', async () => {
  const owner = await signUp(t, 'events-owner@example.com', { workspaceName: 'Inbox Co' });
  const ws = owner.workspaceId!;
  const headers = bearer(owner.accessToken, ws);
  const call = (method: string, url: string, payload?: object) =>
    t.request({ method: method as 'GET', url: `/api/v1${url}`, headers, payload });
  const created = await call('POST', '/conversations', { subject: 'From the Inbox' });
  assert.equal(created.statusCode, 201, created.body);
  const reply = await call('POST', `/conversations/${created.json.id}/messages`, { role: 'agent', body: 'On it' });
  assert.equal(reply.statusCode, 201, reply.body);
  const payload = await onlyEvent(ws, 'message.created', reply.json.id);
  assert.deepEqual(payload, reply.json);
  assert.deepEqual(payload.author, { type: 'user', id: owner.userId });
  assert.equal((await events(a.workspaceId)).filter((e) => e.workspaceId !== a.workspaceId).length, 0);
});

test('key.revoked: API and operator revocation, once each, with the key resource and never its secret or hash', async () => {
  const key = await a.call('POST', '/keys', { name: 'Revoke me', scopes: ['read'] });
  assert.equal(key.statusCode, 201);
  const revoked = await a.call('DELETE', `/keys/${key.json.id}`);
  assert.ok(revoked.statusCode < 300, revoked.body);
  const payload = await onlyEvent(a.workspaceId, 'key.revoked', key.json.id);
  assert.deepEqual(payload, await get(a, `/keys/${key.json.id}`));
  assert.ok(payload.revokedAt);
  const row = await t.app.woes.db
    .selectFrom('apiKeys')
    .select('hash')
    .where('id', '=', key.json.id)
    .executeTakeFirstOrThrow();
  const stored = JSON.stringify(await events(a.workspaceId, 'key.revoked'));
  assert.ok(!stored.includes(key.json.secret) && !stored.includes(row.hash), 'no secret or hash in the event');
  assert.equal((await a.call('DELETE', `/keys/${key.json.id}`)).statusCode, revoked.statusCode);
  assert.equal((await eventsAbout(a.workspaceId, 'key.revoked', key.json.id)).length, 1, 'a second revoke is no event');

  // The operator's revocation (`woes keys revoke`, run in a child process in the next test).
  const other = await a.call('POST', '/keys', { name: 'Operator revokes', scopes: ['read'] });
  assert.equal((await operator().revoke(other.json.id)).already, false);
  assert.deepEqual(
    await onlyEvent(a.workspaceId, 'key.revoked', other.json.id),
    await get(a, `/keys/${other.json.id}`),
  );
  assert.equal((await operator().revoke(other.json.id)).already, true);
  assert.equal((await eventsAbout(a.workspaceId, 'key.revoked', other.json.id)).length, 1);

  // Rolling sets the old key's expiry; it revokes nothing.
  const rolled = await a.call('POST', '/keys', { name: 'Roll me', scopes: ['read'] });
  assert.equal((await a.call('POST', `/keys/${rolled.json.id}/roll`, { expiresIn: 60 })).statusCode, 201);
  assert.equal((await eventsAbout(a.workspaceId, 'key.revoked', rolled.json.id)).length, 0);
});

test('key.expiring carries the key resource as the keys API shows it', async () => {
  const key = await a.call('POST', '/keys', { name: 'Expiring', scopes: ['read'], expiresIn: 3 * 24 * 3600 });
  assert.equal(key.statusCode, 201);
  const job = (
    t.app.woes.modules.find((m) => m.name === 'keys') as unknown as { governance: { run(): Promise<unknown> } }
  ).governance;
  await job.run();
  assert.deepEqual(await onlyEvent(a.workspaceId, 'key.expiring', key.json.id), await get(a, `/keys/${key.json.id}`));
  await job.run();
  assert.equal((await eventsAbout(a.workspaceId, 'key.expiring', key.json.id)).length, 1);
});

test('key.revoked: `woes keys revoke` in a child process writes the event with its revocation', async () => {
  // The CLI opens the database its env names; test databases on PostgreSQL are schemas it cannot
  // name, so this runs on an embedded file (the in-process operator path above runs on both).
  const database = await createTestDatabase({ postgres: null });
  const local = await createTestApp({ database });
  try {
    const workspaceId = await createWorkspace(local);
    const key = await createApiKey(local, workspaceId, ['read']);
    const env = { ...database.env, LOG_LEVEL: 'silent' };
    const revoked = await runWoes(env, 'keys', 'revoke', key.id);
    assert.equal(revoked.code, 0, revoked.stderr);
    const found = await webhookOutbox.list(local.app.woes.db, workspaceId, { type: 'key.revoked' });
    assert.equal(found.length, 1);
    const listed = await runWoes(env, 'keys', 'list', '--workspace', workspaceId, '--json');
    assert.deepEqual(found[0].payload, JSON.parse(listed.stdout).data[0]);
    assert.ok(!JSON.stringify(found).includes(key.secret));
    assert.equal((await runWoes(env, 'keys', 'revoke', key.id)).code, 0);
    assert.equal((await webhookOutbox.list(local.app.woes.db, workspaceId, { type: 'key.revoked' })).length, 1);
  } finally {
    await local.close();
    await database.drop();
  }
});

test('key.revoked: a leaked key reported by secret scanning is revoked with its event', async () => {
  const reporter = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyIdentifier = 'events-leak-key';
  const publicKeys = JSON.stringify({
    public_keys: [{ key_identifier: keyIdentifier, key: reporter.publicKey.export({ type: 'spki', format: 'pem' }) }],
  });
  const database = await createTestDatabase();
  const local = await createTestApp({ database, env: { WOES_LEAK_REPORT_PUBLIC_KEYS: publicKeys } });
  try {
    const leaky = await tenant(local);
    const key = await leaky.call('POST', '/keys', { name: 'Leaked', scopes: ['read'] });
    const body = JSON.stringify([
      { token: key.json.secret, type: 'woes_api_key', url: 'https://github.com/x', source: 'content' },
    ]);
    const report = () =>
      local.request({
        method: 'POST',
        url: '/api/v1/keys/leaked',
        headers: {
          'content-type': 'application/json',
          'github-public-key-identifier': keyIdentifier,
          'github-public-key-signature': sign('sha256', Buffer.from(body), {
            key: reporter.privateKey,
            dsaEncoding: 'der',
          }).toString('base64'),
        },
        payload: body,
      });
    const first = await report();
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json[0].label, 'true_positive');
    const found = await webhookOutbox.list(local.app.woes.db, leaky.workspaceId, { type: 'key.revoked' });
    assert.equal(found.length, 1);
    const shown = await leaky.call('GET', `/keys/${key.json.id}`);
    assert.deepEqual(found[0].payload, shown.json);
    assert.ok(!JSON.stringify(found).includes(key.json.secret));
    assert.equal((await report()).json[0].label, 'false_positive', 'reported again: already revoked');
    assert.equal((await webhookOutbox.list(local.app.woes.db, leaky.workspaceId, { type: 'key.revoked' })).length, 1);
  } finally {
    await local.close();
    await database.drop();
  }
});
