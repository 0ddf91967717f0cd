import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey } from '../helpers/fixtures.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { webhookEnv } from './helpers.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/events/webhook-events.js';

let t: TestApp;
let strict: TestApp;
before(async () => {
  t = await createTestApp({ env: webhookEnv() });
  strict = await createTestApp({ env: webhookEnv({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'false' }) });
});
after(async () => {
  await t.close();
  await strict.close();
});

const URL = 'http://127.0.0.1:9/hook';

async function create(w: Tenant, body: Record<string, unknown> = {}) {
  return w.call('POST', '/webhooks', { url: URL, events: ['conversation.created'], ...body });
}

test('create returns the whsec_ secret once; list, get and patch never show it', async () => {
  const w = await tenant(t);
  const created = await create(w, { description: 'CRM', events: ['conversation.created', 'message.created'] });
  assert.equal(created.statusCode, 201, created.body);
  const secret: string = created.json.secret;
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
  assert.match(created.json.id, /^whe_/);
  assert.deepEqual(created.json.events, ['conversation.created', 'message.created']);
  assert.equal(created.json.status, 'enabled');

  const list = await w.call('GET', '/webhooks');
  const got = await w.call('GET', `/webhooks/${created.json.id}`);
  const patched = await w.call('PATCH', `/webhooks/${created.json.id}`, { description: 'CRM 2' });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json.description, 'CRM 2');
  for (const response of [list, got, patched]) {
    assert.equal(response.statusCode, 200);
    assert.ok(!response.body.includes(secret.slice(6, 20)), 'the secret is never shown again');
    assert.ok(!response.body.includes('secret"'), 'no secret field');
  }
  assert.equal(list.json.data.length, 1);

  const rotated = await w.call('POST', `/webhooks/${created.json.id}/rotate-secret`);
  assert.equal(rotated.statusCode, 201);
  assert.notEqual(rotated.json.secret, secret);
  assert.ok(rotated.json.previousSecretExpiresAt);

  // Neither secret reaches the audit log or the logs.
  const audit = await w.call('GET', '/audit-events');
  const types = audit.json.data.map((e: any) => e.type);
  for (const type of ['webhook.created', 'webhook.updated', 'webhook.secret_rotated']) assert.ok(types.includes(type));
  for (const s of [secret, rotated.json.secret]) {
    const core = s.slice(6, 30);
    assert.ok(!audit.body.includes(core));
    assert.ok(!t.logs.text.includes(core));
    const stored = await t.app.woes.db.selectFrom('webhookEndpoints').selectAll().execute();
    assert.ok(!JSON.stringify(stored).includes(core), 'stored sealed, never in the clear');
  }

  const deleted = await w.call('DELETE', `/webhooks/${created.json.id}`);
  assert.equal(deleted.statusCode, 204);
  assert.equal((await w.call('GET', `/webhooks/${created.json.id}`)).statusCode, 404);
  assert.ok((await w.call('GET', '/audit-events')).json.data.some((e: any) => e.type === 'webhook.deleted'));
});

test('unknown event types are a 400 listing the valid ones; bad input never a 500', async () => {
  const w = await tenant(t);
  const bad = await create(w, { events: ['conversation.created', 'order.shipped'] });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json.code, 'invalid_request');
  // The request schema's enum (components.schemas.WebhookEventType) refuses it, naming the entry.
  assert.match(bad.json.error, /events\.1 must be one of: conversation\.created, .*message\.created/);
  assert.deepEqual(bad.json.details, [
    { path: '/body/events/1', message: `must be one of: ${WEBHOOK_EVENT_TYPES.join(', ')}` },
  ]);
  for (const body of [
    { url: URL, events: [] },
    { url: URL },
    { events: ['message.created'] },
    { url: 5, events: [] },
  ]) {
    const response = await w.call('POST', '/webhooks', body);
    assert.equal(response.statusCode, 400, JSON.stringify(body));
  }
  const endpoint = await create(w);
  const patch = await w.call('PATCH', `/webhooks/${endpoint.json.id}`, { events: ['ping'] });
  assert.equal(patch.statusCode, 400);
  assert.equal((await w.call('PATCH', `/webhooks/${endpoint.json.id}`, {})).statusCode, 400);
  assert.equal((await w.call('PATCH', `/webhooks/${endpoint.json.id}`, { status: 'paused' })).statusCode, 400);
});

test('a URL the outbound guard refuses is a 400 naming the reason, at create and at patch', async () => {
  const w = await tenant(strict);
  for (const url of ['http://127.0.0.1:8080/hook', 'http://169.254.169.254/latest', 'ftp://example.com/x', 'nope']) {
    const response = await strict.request({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: w.auth,
      payload: { url, events: ['message.created'] },
    });
    assert.equal(response.statusCode, 400, url);
    assert.equal(response.json.code, 'invalid_request');
    assert.equal(response.json.details[0].path, '/url');
    assert.ok(!/stack|Error:|at /.test(response.json.error), 'no internal detail');
  }
  // A public address is accepted (a literal: the test needs no DNS).
  const ok = await w.call('POST', '/webhooks', { url: 'https://93.184.215.14/woes', events: ['message.created'] });
  assert.equal(ok.statusCode, 201, ok.body);
  const patch = await w.call('PATCH', `/webhooks/${ok.json.id}`, { url: 'http://10.0.0.5/hook' });
  assert.equal(patch.statusCode, 400);
  assert.equal((await w.call('GET', `/webhooks/${ok.json.id}`)).json.url, 'https://93.184.215.14/woes');
});

test('scopes: webhooks.read lists but cannot create; other scopes see nothing; other workspaces 404', async () => {
  const w = await tenant(t);
  const endpoint = await create(w);
  const reader = await createApiKey(t, w.workspaceId, ['webhooks.read']);
  const agentLike = await createApiKey(t, w.workspaceId, ['conversations.write', 'channels.read']);
  const call = (secret: string, method: string, url: string, payload?: object) =>
    t.request({ method: method as 'GET', url: `/api/v1${url}`, headers: bearer(secret), payload });
  assert.equal((await call(reader.secret, 'GET', '/webhooks')).statusCode, 200);
  assert.equal((await call(reader.secret, 'GET', `/webhooks/${endpoint.json.id}/deliveries`)).statusCode, 200);
  const denied = await call(reader.secret, 'POST', '/webhooks', { url: URL, events: ['message.created'] });
  assert.equal(denied.statusCode, 403);
  assert.deepEqual(denied.json.requiredScopes, ['webhooks.write']);
  assert.equal((await call(reader.secret, 'POST', `/webhooks/${endpoint.json.id}/rotate-secret`)).statusCode, 403);
  assert.equal((await call(agentLike.secret, 'GET', '/webhooks')).statusCode, 403);

  const other = await tenant(t);
  for (const [method, url] of [
    ['GET', `/webhooks/${endpoint.json.id}`],
    ['DELETE', `/webhooks/${endpoint.json.id}`],
    ['POST', `/webhooks/${endpoint.json.id}/test`],
    ['GET', `/webhooks/${endpoint.json.id}/deliveries`],
  ]) {
    assert.equal((await other.call(method, url)).statusCode, 404, `${method} ${url}`);
  }
});

test("an endpoint receives only what its creator can read: each event type needs its data's read scope", async () => {
  const w = await tenant(t);
  const writer = await createApiKey(t, w.workspaceId, ['webhooks.write']);
  const call = (secret: string, method: string, url: string, payload?: object) =>
    t.request({ method: method as 'GET', url: `/api/v1${url}`, headers: bearer(secret), payload });
  const events = ['message.created', 'conversation.created', 'customer.created'];
  const refused = await call(writer.secret, 'POST', '/webhooks', { url: URL, events });
  assert.equal(refused.statusCode, 403, refused.body);
  assert.equal(refused.json.code, 'insufficient_scope');
  assert.ok(refused.json.requestId);
  assert.deepEqual([...refused.json.requiredScopes].sort(), ['conversations.read', 'customers.read', 'messages.read']);
  const keyEvents = await call(writer.secret, 'POST', '/webhooks', { url: URL, events: ['key.revoked'] });
  assert.deepEqual(keyEvents.json.requiredScopes, ['keys.read']);
  assert.equal((await w.call('GET', '/webhooks')).json.data.length, 0, 'nothing was created');

  // With the read scope of each event it subscribes to, the same key may.
  const reader = await createApiKey(t, w.workspaceId, ['webhooks.write', 'conversations.read']);
  const ok = await call(reader.secret, 'POST', '/webhooks', { url: URL, events: ['conversation.created'] });
  assert.equal(ok.statusCode, 201, ok.body);
  const id: string = ok.json.id;

  // PATCH: adding an event it cannot read, or pointing an admin's endpoint elsewhere, is refused too.
  const added = await call(reader.secret, 'PATCH', `/webhooks/${id}`, {
    events: ['conversation.created', 'message.created'],
  });
  assert.equal(added.statusCode, 403);
  assert.deepEqual(added.json.requiredScopes, ['messages.read']);
  const admins = await create(w, { events: ['message.created'] });
  assert.equal(admins.statusCode, 201);
  const moved = await call(reader.secret, 'PATCH', `/webhooks/${admins.json.id}`, { url: 'http://127.0.0.1:10/x' });
  assert.equal(moved.statusCode, 403);
  assert.deepEqual(moved.json.requiredScopes, ['messages.read']);
  assert.equal((await w.call('GET', `/webhooks/${admins.json.id}`)).json.url, URL);
  // Once it receives only what the key reads, the key may point it anywhere.
  const narrowed = await call(reader.secret, 'PATCH', `/webhooks/${admins.json.id}`, {
    events: ['conversation.created'],
    url: 'http://127.0.0.1:10/x',
  });
  assert.equal(narrowed.statusCode, 200, narrowed.body);
  // What receives nothing new may still be described, disabled or pointed elsewhere.
  const described = await call(writer.secret, 'PATCH', `/webhooks/${id}`, { description: 'x', status: 'disabled' });
  assert.equal(described.statusCode, 200, described.body);
  // The admin key (all scopes) still creates any subscription.
  assert.equal((await create(w, { events })).statusCode, 201);
});

test('at most 16 endpoints per workspace', async () => {
  const w = await tenant(t);
  for (let i = 0; i < 16; i++) assert.equal((await create(w)).statusCode, 201);
  const over = await create(w);
  assert.equal(over.statusCode, 400);
  assert.match(over.json.error, /16/);
  const page = await w.call('GET', '/webhooks?limit=10');
  assert.equal(page.json.data.length, 10);
  const rest = await w.call('GET', `/webhooks?limit=10&cursor=${page.json.nextCursor}`);
  assert.equal(rest.json.data.length, 6);
  assert.equal(rest.json.nextCursor, null);
});
