import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { openSession, portalAuth } from './helpers.js';

let t: TestApp;
let a: Tenant;
const clock = new TestClock(Date.UTC(2026, 5, 1, 9));

before(async () => {
  t = await createTestApp({ clock });
  a = await tenant(t);
});
after(() => t.close());

test('internal notes neither count nor date a conversation in the portal (list and detail); agents still see them', async () => {
  const created = await a.call('POST', '/conversations', {
    subject: 'Where is my order?',
    customer: { id: 'cara', name: 'Cara', email: 'cara@example.com' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id: string = created.json.id;
  const post = async (role: string, body: string) => {
    const message = await a.call('POST', `/conversations/${id}/messages`, { role, body });
    assert.equal(message.statusCode, 201, message.body);
    return message.json.createdAt as string;
  };
  await post('user', 'where is it?');
  clock.advance(60_000);
  const answeredAt = await post('agent', 'on its way');
  const auth = portalAuth(await openSession(t, a.workspaceId, 'cara@example.com'));
  const portal = async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: auth });
    assert.equal(list.statusCode, 200, list.body);
    const detail = await t.request({ method: 'GET', url: `/api/v1/portal/conversations/${id}`, headers: auth });
    assert.equal(detail.statusCode, 200, detail.body);
    const listed = list.json.data.find((c: { id: string }) => c.id === id);
    return {
      list: { messageCount: listed.messageCount, lastMessageAt: listed.lastMessageAt },
      detail: {
        messageCount: detail.json.conversation.messageCount,
        lastMessageAt: detail.json.conversation.lastMessageAt,
      },
      shown: detail.json.messages.length,
    };
  };
  const expected = { messageCount: 2, lastMessageAt: answeredAt };
  assert.deepEqual(await portal(), { list: expected, detail: expected, shown: 2 });

  clock.advance(60_000);
  await post('note', 'customer is grumpy, refund quietly');
  assert.deepEqual(await portal(), { list: expected, detail: expected, shown: 2 }, 'the note shows nowhere');

  // The agents' own view counts the note, as before.
  const staff = await a.call('GET', `/conversations/${id}`);
  assert.equal(staff.json.messageCount, 3);

  // A new visible message moves both.
  clock.advance(60_000);
  const repliedAt = await post('user', 'thanks');
  const moved = { messageCount: 3, lastMessageAt: repliedAt };
  assert.deepEqual(await portal(), { list: moved, detail: moved, shown: 3 });
});

test('a conversation with only an internal note shows no messages and no last-message time', async () => {
  const created = await a.call('POST', '/conversations', {
    subject: 'Proactive',
    customer: { id: 'dan', name: 'Dan', email: 'dan@example.com' },
  });
  const id: string = created.json.id;
  assert.equal(
    (await a.call('POST', `/conversations/${id}/messages`, { role: 'note', body: 'call him' })).statusCode,
    201,
  );
  const auth = portalAuth(await openSession(t, a.workspaceId, 'dan@example.com'));
  const list = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: auth });
  const listed = list.json.data.find((c: { id: string }) => c.id === id);
  assert.equal(listed.messageCount, 0);
  assert.equal(listed.lastMessageAt, null);
  const detail = await t.request({ method: 'GET', url: `/api/v1/portal/conversations/${id}`, headers: auth });
  assert.equal(detail.json.conversation.messageCount, 0);
  assert.equal(detail.json.conversation.lastMessageAt, null);
});
