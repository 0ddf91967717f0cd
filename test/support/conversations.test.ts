import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { newId } from '../../src/storage/ids.js';
import { addMember } from '../helpers/fixtures.js';
import { tenant, type Tenant } from './api-helpers.js';

let t: TestApp;
let a: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
});
after(() => t.close());

test('a second create with the same externalId is a 409 carrying the existing id, and creates no customer', async () => {
  const first = await a.call('POST', '/conversations', { externalId: 'dup-1', customer: { id: 'cus-dup' } });
  assert.equal(first.statusCode, 201);
  const second = await a.call('POST', '/conversations', { externalId: 'dup-1', customer: { id: 'cus-other' } });
  assert.equal(second.statusCode, 409);
  assert.equal(second.json.code, 'conflict');
  assert.equal(second.json.id, first.json.id);
  const customers = await a.call('GET', '/customers?externalId=cus-other');
  assert.equal(customers.json.data.length, 0, 'the failed create rolled its customer upsert back');
});

test('the customer is upserted by the caller id within the workspace, never across workspaces', async () => {
  const one = await a.call('POST', '/conversations', {
    customer: { id: 'cus-up', name: 'Ada', email: 'ADA@Example.com' },
  });
  const two = await a.call('POST', '/conversations', { customer: { id: 'cus-up', company: 'Acme' } });
  assert.equal(one.json.customer.id, two.json.customer.id);
  assert.deepEqual(
    { name: two.json.customer.name, email: two.json.customer.email, company: two.json.customer.company },
    { name: 'Ada', email: 'ada@example.com', company: 'Acme' },
  );
  const b = await tenant(t);
  const three = await b.call('POST', '/conversations', { customer: { id: 'cus-up' } });
  assert.notEqual(three.json.customer.id, one.json.customer.id);
  assert.equal(three.json.customer.name, null);
});

test('filters by status, customerId and externalId', async () => {
  const w = await tenant(t);
  const x = await w.call('POST', '/conversations', { externalId: 'x', customer: { id: 'cx' } });
  const y = await w.call('POST', '/conversations', { externalId: 'y' });
  await w.call('PATCH', `/conversations/${y.json.id}`, { status: 'closed' });
  const ids = async (q: string) =>
    (await w.call('GET', `/conversations${q}`)).json.data.map((c: { id: string }) => c.id);
  assert.deepEqual(await ids(''), [y.json.id, x.json.id]);
  assert.deepEqual(await ids('?status=closed'), [y.json.id]);
  assert.deepEqual(await ids('?status=open'), [x.json.id]);
  assert.deepEqual(await ids(`?customerId=${x.json.customer.id}`), [x.json.id]);
  assert.deepEqual(await ids('?externalId=y'), [y.json.id]);
  assert.equal((await w.call('GET', '/conversations?status=archived')).json.code, 'invalid_request');
  assert.equal((await w.call('GET', '/conversations?cursor=nonsense')).json.code, 'invalid_request');
  assert.equal((await w.call('GET', '/conversations?limit=101')).statusCode, 400);
});

test('filters by assigneeId, alone and combined with status', async () => {
  const w = await tenant(t);
  const ana = await addMember(t, w.workspaceId, 'agent');
  const ben = await addMember(t, w.workspaceId, 'agent');
  const mineOpen = await w.call('POST', '/conversations', { subject: 'ana open' });
  const mineClosed = await w.call('POST', '/conversations', { subject: 'ana closed' });
  const theirs = await w.call('POST', '/conversations', { subject: 'ben' });
  await w.call('POST', '/conversations', { subject: 'nobody' });
  await w.call('PATCH', `/conversations/${mineOpen.json.id}`, { assigneeId: ana });
  await w.call('PATCH', `/conversations/${mineClosed.json.id}`, { assigneeId: ana, status: 'closed' });
  await w.call('PATCH', `/conversations/${theirs.json.id}`, { assigneeId: ben });
  const ids = async (q: string) =>
    (await w.call('GET', `/conversations${q}`)).json.data.map((c: { id: string }) => c.id);
  assert.deepEqual(await ids(`?assigneeId=${ana}`), [mineClosed.json.id, mineOpen.json.id]);
  assert.deepEqual(await ids(`?assigneeId=${ana}&status=open`), [mineOpen.json.id]);
  assert.deepEqual(await ids(`?assigneeId=${ben}`), [theirs.json.id]);
  assert.deepEqual(await ids(`?assigneeId=${newId('usr')}`), []);
  // Another workspace's member filter finds nothing here, whatever it holds there.
  const other = await tenant(t);
  assert.deepEqual((await other.call('GET', `/conversations?assigneeId=${ana}`)).json.data, []);
  const tooLong = await w.call('GET', `/conversations?assigneeId=${'x'.repeat(65)}`);
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json.code, 'invalid_request');
});

test('PATCH changes status, subject and assignee (a member only); refuses unknown fields', async () => {
  const c = await a.call('POST', '/conversations', { subject: 'Old' });
  const patched = await a.call('PATCH', `/conversations/${c.json.id}`, { status: 'pending', subject: 'New' });
  assert.equal(patched.statusCode, 200);
  assert.equal(patched.json.status, 'pending');
  assert.equal(patched.json.subject, 'New');

  const stranger = await a.call('PATCH', `/conversations/${c.json.id}`, { assigneeId: newId('usr') });
  assert.equal(stranger.statusCode, 400);
  assert.equal(stranger.json.code, 'invalid_request');

  const userId = await addMember(t, a.workspaceId, 'agent');
  const assigned = await a.call('PATCH', `/conversations/${c.json.id}`, { assigneeId: userId });
  assert.equal(assigned.json.assigneeId, userId);
  const unassigned = await a.call('PATCH', `/conversations/${c.json.id}`, { assigneeId: null });
  assert.equal(unassigned.json.assigneeId, null, unassigned.body);

  for (const body of [
    { workspaceId: newId('ws') },
    { messageCount: 99 },
    { id: newId('conv') },
    { status: 'archived' },
    {},
  ]) {
    const response = await a.call('PATCH', `/conversations/${c.json.id}`, body);
    assert.equal(response.statusCode, 400, JSON.stringify(body));
    assert.equal(response.json.code, 'invalid_request');
  }
  const created = await a.call('POST', '/conversations', { subject: 'x', workspaceId: newId('ws') });
  assert.equal(created.statusCode, 400);
  const counters = await a.call('POST', '/conversations', { subject: 'x', messageCount: 5 });
  assert.equal(counters.statusCode, 400);
});

test('messages: counted on the conversation, a user message reopens it, the author is recorded', async () => {
  const c = await a.call('POST', '/conversations', {});
  await a.call('PATCH', `/conversations/${c.json.id}`, { status: 'closed' });
  const note = await a.call('POST', `/conversations/${c.json.id}/messages`, { role: 'note', body: 'internal' });
  assert.equal(note.statusCode, 201);
  assert.equal((await a.call('GET', `/conversations/${c.json.id}`)).json.status, 'closed', 'a note does not reopen');
  const user = await a.call('POST', `/conversations/${c.json.id}/messages`, { role: 'user', body: 'still broken' });
  assert.deepEqual(user.json.author, { type: 'api_key', id: a.keyId });
  const got = await a.call('GET', `/conversations/${c.json.id}`);
  assert.equal(got.json.status, 'open');
  assert.equal(got.json.messageCount, 2);
  assert.equal(got.json.lastMessageAt, user.json.createdAt);

  const list = await a.call('GET', `/conversations/${c.json.id}/messages`);
  assert.deepEqual(
    list.json.data.map((m: { id: string }) => m.id),
    [user.json.id, note.json.id],
  );
  const badRole = await a.call('POST', `/conversations/${c.json.id}/messages`, { role: 'system', body: 'x' });
  assert.equal(badRole.statusCode, 400);
  // One detail naming the allowed roles, not one "must be equal to constant" per role.
  assert.equal(badRole.json.error, 'The request is not valid: role must be one of: user, agent, bot, note.');
  assert.deepEqual(badRole.json.details, [{ path: '/body/role', message: 'must be one of: user, agent, bot, note' }]);
  assert.equal(
    (await a.call('POST', `/conversations/${c.json.id}/messages`, { role: 'user', body: '' })).statusCode,
    400,
  );

  const empty = await a.call('POST', '/conversations', {});
  assert.deepEqual((await a.call('GET', `/conversations/${empty.json.id}/messages`)).json, {
    data: [],
    nextCursor: null,
  });
  const missing = await a.call('GET', `/conversations/${newId('conv')}/messages`);
  assert.equal(missing.statusCode, 404);
  assert.equal(
    (await a.call('POST', `/conversations/${newId('conv')}/messages`, { role: 'user', body: 'x' })).statusCode,
    404,
  );
  assert.equal((await a.call('GET', '/conversations/not-an-id')).statusCode, 404);
});
