import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey } from '../helpers/fixtures.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import {
  customerWithConversation,
  linkToken,
  openSession,
  portalAuth,
  portalMails,
  requestLink,
  settle,
} from './helpers.js';

// Where portal sign-in links go: a customer's stored email, which only customers.write moves.

let t: TestApp;
let a: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
});
after(() => t.close());

test("a key with conversations.write cannot move an existing customer's email, so it cannot take over their portal", async () => {
  const c = await customerWithConversation(a, 'vic', 'vic@example.com', 'Vic asks');
  const writer = bearer((await createApiKey(t, a.workspaceId, ['conversations.write'])).secret);
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: writer,
    payload: { subject: 'hi', customer: { id: 'vic', name: 'Vic V', email: 'attacker@evil.example' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json.customer.id, c.customerId, 'the conversation is still filed under the existing customer');
  assert.equal(created.json.customer.email, 'vic@example.com', 'the response shows the stored email');
  assert.equal(created.json.customer.name, 'Vic V', 'the name (which grants nothing) is updated');
  assert.equal((await a.call('GET', `/customers/${c.customerId}`)).json.email, 'vic@example.com');

  // A customer stored without an email does not get one this way either.
  const bare = await a.call('POST', '/customers', { externalId: 'no-mail' });
  assert.equal(bare.statusCode, 201, bare.body);
  const second = await t.request({
    method: 'POST',
    url: '/api/v1/conversations',
    headers: writer,
    payload: { customer: { id: 'no-mail', email: 'attacker@evil.example' } },
  });
  assert.equal(second.statusCode, 201, second.body);
  assert.equal(second.json.customer.email, null);

  assert.equal((await requestLink(t, a.workspaceId, 'attacker@evil.example')).statusCode, 202);
  await settle(t);
  assert.equal(portalMails(t, 'attacker@evil.example').length, 0, 'no sign-in link reaches the attacker');
});

test("changing a customer's email (customers.write) ends their portal sessions and voids their unused links", async () => {
  const c = await customerWithConversation(a, 'mo', 'mo@example.com', 'Mo asks');
  const session = await openSession(t, a.workspaceId, 'mo@example.com');
  const unused = await linkToken(t, a.workspaceId, 'mo@example.com');
  const get = (token: string) =>
    t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(token) });
  assert.equal((await get(session)).statusCode, 200);

  const renamed = await a.call('PATCH', `/customers/${c.customerId}`, { name: 'Mo M' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal((await get(session)).statusCode, 200, 'other changes leave portal access alone');

  const moved = await a.call('PATCH', `/customers/${c.customerId}`, { email: 'Mo.New@example.com' });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal(moved.json.email, 'mo.new@example.com');
  const ended = await get(session);
  assert.equal(ended.statusCode, 401, 'the old session ended');
  assert.equal(ended.json.code, 'unauthorized');
  const spent = await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token: unused } });
  assert.equal(spent.statusCode, 401, 'a link mailed to the old address no longer signs in');
  assert.equal(spent.json.code, 'unauthorized');

  const audit = await a.call('GET', '/audit-events?type=customer.email_changed');
  const event = audit.json.data.find((e: { target: { id: string } }) => e.target.id === c.customerId);
  assert.deepEqual(event.data, { hadEmail: true, hasEmail: true, portalSessionsEnded: 1, portalLinksVoided: 1 });
  assert.ok(!JSON.stringify(event).includes('example.com'), 'no address in the audit event');

  const fresh = await openSession(t, a.workspaceId, 'mo.new@example.com');
  const list = await get(fresh);
  assert.equal(list.statusCode, 200, 'the customer signs in again at the new address');
  assert.deepEqual(
    list.json.data.map((x: { id: string }) => x.id),
    [c.conversationId],
  );
});
