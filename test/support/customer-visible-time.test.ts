import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { addMember } from '../helpers/fixtures.js';
import { widgetTenant, type WidgetTenant } from '../widget/helpers.js';
import { openSession, portalAuth } from '../portal/helpers.js';
import { customerVisibleTimeMigration } from '../../src/storage/migrations/0017-customer-visible-time.js';

/**
 * A conversation's `updatedAt` as its customer sees it (portal, widget) moves only for what they
 * can see: a message that is not an internal note, a status or subject change. An internal note or
 * an assignment dated it before (the attacker's trial: "a customer can tell a note was written").
 */
let t: TestApp;
let w: WidgetTenant;
let agent: string;
const clock = new TestClock(Date.UTC(2026, 5, 1, 9));
const minute = () => clock.advance(60_000);
const iso = () => new Date(clock.now()).toISOString();

before(async () => {
  t = await createTestApp({ clock });
  w = await widgetTenant(t);
  agent = await addMember(t, w.workspaceId, 'agent');
});
after(() => t.close());

async function post(id: string, role: string, body: string) {
  const created = await w.call('POST', `/conversations/${id}/messages`, { role, body });
  assert.equal(created.statusCode, 201, created.body);
}

async function patch(id: string, body: Record<string, unknown>) {
  const patched = await w.call('PATCH', `/conversations/${id}`, body);
  assert.equal(patched.statusCode, 200, patched.body);
  return patched.json.updatedAt as string;
}

test('the widget dates a conversation by what its visitor can see, not by notes or assignment', async () => {
  const created = await w.widget('POST', '/conversations', { customer: { name: 'Ada' }, body: 'Hello' });
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.json.conversation;
  const headers = { 'x-woes-conversation-secret': created.json.historySecret };
  const seen = async () => {
    const read = await w.widget('GET', `/conversations/${id}`, undefined, headers);
    assert.equal(read.statusCode, 200, read.body);
    return read.json.updatedAt as string;
  };
  const start = await seen();

  minute();
  await post(id, 'note', 'VIP, be nice');
  minute();
  const agentsView = await patch(id, { assigneeId: agent });
  assert.equal(agentsView, iso(), "the API's own updatedAt moves for an assignment");
  assert.equal(await seen(), start, 'neither the note nor the assignment shows');

  minute();
  await post(id, 'agent', 'On it');
  const replied = iso();
  assert.equal(await seen(), replied, 'a reply does');

  minute();
  await patch(id, { status: 'closed' });
  assert.equal(await seen(), iso(), 'so does closing it');
});

test('the portal lists and shows the same time', async () => {
  const created = await w.call('POST', '/conversations', {
    subject: 'Refund',
    customer: { id: 'bea', name: 'Bea', email: 'bea@example.com' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id: string = created.json.id;
  minute();
  await post(id, 'agent', 'Looking into it');
  const replied = iso();
  const auth = portalAuth(await openSession(t, w.workspaceId, 'bea@example.com'));
  const portal = async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: auth });
    const detail = await t.request({ method: 'GET', url: `/api/v1/portal/conversations/${id}`, headers: auth });
    assert.equal(detail.statusCode, 200, detail.body);
    const listed = list.json.data.find((c: { id: string }) => c.id === id);
    return [listed.updatedAt, detail.json.conversation.updatedAt];
  };
  assert.deepEqual(await portal(), [replied, replied]);

  minute();
  await post(id, 'note', 'refund quietly');
  minute();
  await patch(id, { assigneeId: agent });
  assert.deepEqual(await portal(), [replied, replied], 'the note and the assignment show nowhere');

  minute();
  await patch(id, { subject: 'Refund for order 12' });
  assert.deepEqual(await portal(), [iso(), iso()], 'a new subject does');
});

test('the upgrade dates existing conversations by their creation and newest non-note message', async () => {
  const created = await w.call('POST', '/conversations', { subject: 'Old' });
  const id: string = created.json.id;
  const createdAt = clock.now();
  minute();
  await post(id, 'user', 'still broken');
  const messaged = clock.now();
  minute();
  await post(id, 'note', 'ignore');
  const quiet = (await w.call('POST', '/conversations', { subject: 'Quiet' })).json.id as string;
  const quietAt = clock.now();

  const { db, dialect } = t.storage;
  const migration = customerVisibleTimeMigration(dialect);
  await migration.down!(db);
  await migration.up(db);
  const rows = await sql<{ id: string; at: number | string }>`SELECT id, customer_updated_at AS at
    FROM conversations WHERE id IN (${id}, ${quiet})`.execute(db);
  assert.deepEqual(Object.fromEntries(rows.rows.map((r) => [r.id, Number(r.at)])), {
    [id]: messaged,
    [quiet]: quietAt,
  });
  assert.ok(messaged > createdAt);
});
