import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';

// Seed 000's three curl examples, as an integrator sends them, with an admin key as `woes init` prints.
let t: TestApp;
let auth: { authorization: string };

before(async () => {
  t = await createTestApp();
  const workspaceId = await createWorkspace(t);
  auth = bearer((await createApiKey(t, workspaceId, ['admin'])).secret);
});
after(() => t.close());

test('seed 000: create a conversation, add a message, list open conversations', async () => {
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: `{
    "externalId": "ticket_123",
    "subject": "Need help with auth",
    "customer": {
      "id": "cus_123",
      "name": "Ada Lovelace",
      "email": "ada@example.com",
      "company": "Example API Co"
    }
  }`,
  });
  assert.equal(created.statusCode, 201, created.body);
  const conversation = created.json;
  assert.match(conversation.id, /^conv_/);
  assert.equal(conversation.externalId, 'ticket_123');
  assert.equal(conversation.subject, 'Need help with auth');
  assert.equal(conversation.status, 'open');
  assert.match(conversation.customer.id, /^cust_/);
  assert.equal(conversation.customer.externalId, 'cus_123');
  assert.equal(conversation.customer.name, 'Ada Lovelace');
  assert.equal(conversation.messageCount, 0);
  assert.equal(conversation.lastMessageAt, null);

  const message = await t.request({
    method: 'POST',
    url: `/api/v1/conversations/${conversation.id}/messages`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: `{
    "role": "user",
    "body": "I am getting a 401 from POST /orders."
  }`,
  });
  assert.equal(message.statusCode, 201, message.body);
  assert.match(message.json.id, /^msg_/);
  assert.equal(message.json.role, 'user');
  assert.equal(message.json.body, 'I am getting a 401 from POST /orders.');
  assert.equal(message.json.author.type, 'api_key');
  assert.match(message.json.author.id, /^key_/);

  const list = await t.request({ method: 'GET', url: '/api/v1/conversations?status=open&limit=10', headers: auth });
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(list.json.nextCursor, null);
  assert.equal(list.json.data.length, 1);
  const listed = list.json.data[0];
  assert.equal(listed.id, conversation.id);
  assert.equal(listed.messageCount, 1);
  assert.equal(listed.lastMessageAt, message.json.createdAt);
  assert.equal(listed.customer.email, 'ada@example.com');
});

test('seed 000: the documented error body for a missing or unknown key', async () => {
  const missing = await t.request({ method: 'GET', url: '/api/v1/conversations' });
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json.code, 'unauthorized');
  const unknown = await t.request({
    method: 'GET',
    url: '/api/v1/conversations',
    headers: bearer('woesk_' + 'a'.repeat(38)),
  });
  assert.equal(unknown.statusCode, 401);
  assert.equal(unknown.json.code, 'unauthorized');
});
