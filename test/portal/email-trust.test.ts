import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { sendInbound } from '../channels/helpers.js';
import { sql } from 'kysely';
import { customerEmailTrustMigration } from '../../src/storage/migrations/0016-customer-email-trust.js';
import { widgetTenant, type WidgetTenant } from '../widget/helpers.js';
import { openSession, portalAuth, portalMails, requestLink, settle } from './helpers.js';

// SPEC §7: an email typed by an anonymous widget visitor never leads anyone to that visitor's
// customer: not the portal's sign-in link, not inbound email.

let t: TestApp;
let w: WidgetTenant;
let mailbox: { id: string; secret: string };

before(async () => {
  t = await createTestApp({
    deps: {
      rateRules: {
        widgetNewConversation: { points: 30, durationMs: 3_600_000 },
        portalMagicLinkPerIP: { points: 30, durationMs: 15 * 60_000 },
      },
    },
  });
  w = await widgetTenant(t);
  const channel = await w.call('POST', '/channels', { type: 'email', name: 'Support mailbox' });
  assert.equal(channel.statusCode, 201, channel.body);
  mailbox = { id: channel.json.id, secret: channel.json.secret };
});
after(() => t.close());

/** An anonymous widget visitor who types `email`; returns their customer id. */
async function anonymousVisitor(email: string): Promise<string> {
  const created = await w.widget('POST', '/conversations', { body: 'hi', customer: { name: 'Typed', email } });
  assert.equal(created.statusCode, 201, created.body);
  const conversation = await w.call('GET', `/conversations/${created.json.conversation.id}`);
  return conversation.json.customer.id;
}

async function emailFrom(email: string, text: string): Promise<string> {
  const sent = await sendInbound(t, mailbox, { from: { email }, text, messageId: `<${randomUUID()}@mail.example>` });
  assert.equal(sent.statusCode, 201, sent.body);
  const conversation = await w.call('GET', `/conversations/${sent.json.conversationId}`);
  return conversation.json.customer.id;
}

test("a visitor who types someone's email first gets neither their portal link nor their inbound email", async () => {
  const attacker = await anonymousVisitor('dana@example.com');
  const shown = await w.call('GET', `/customers/${attacker}`);
  assert.equal(shown.json.email, 'dana@example.com', 'agents still see the typed email');
  assert.equal(shown.json.emailUnverified, true);

  assert.equal((await requestLink(t, w.workspaceId, 'dana@example.com')).statusCode, 202);
  await settle(t);
  assert.equal(portalMails(t, 'dana@example.com').length, 0, "the typed email signs no one in to the visitor's record");

  const dana = await emailFrom('Dana@example.com', 'my real question');
  assert.notEqual(dana, attacker, "Dana's email is filed under a customer of her own");
  assert.equal((await w.call('GET', `/customers/${dana}`)).json.emailUnverified, false);
  const session = await openSession(t, w.workspaceId, 'dana@example.com');
  const mine = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(session) });
  assert.equal(mine.json.data.length, 1, 'the portal opens the customer her email created');
  const again = await emailFrom('dana@example.com', 'a second email');
  assert.equal(again, dana, 'and her next email joins it');

  const listed = await w.call('GET', '/customers?email=dana@example.com');
  assert.deepEqual(
    listed.json.data.map((c: { id: string }) => c.id).sort(),
    [attacker, dana].sort(),
    'GET /customers?email= still lists both for agents',
  );
});

test("a visitor who types a known customer's email later does not take over their inbound email", async () => {
  const erin = await emailFrom('erin@example.com', 'first');
  await anonymousVisitor('erin@example.com');
  assert.equal(await emailFrom('erin@example.com', 'second'), erin);
});

test('an agent who sets the email (PATCH, customers.write) makes it the one lookups use', async () => {
  const visitor = await anonymousVisitor('fay@example.com');
  const patched = await w.call('PATCH', `/customers/${visitor}`, { email: 'fay@example.com' });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.equal(patched.json.emailUnverified, false);
  assert.equal(await emailFrom('fay@example.com', 'hello'), visitor);
});

test('portal sign-in and inbound email pick the same customer when several share an address: the oldest', async () => {
  const first = await w.call('POST', '/customers', { email: 'gil@example.com', name: 'Gil 1' });
  const second = await w.call('POST', '/customers', { email: 'gil@example.com', name: 'Gil 2' });
  assert.equal(second.statusCode, 201, second.body);
  assert.equal(await emailFrom('gil@example.com', 'by email'), first.json.id);
  const session = await openSession(t, w.workspaceId, 'gil@example.com');
  const mine = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(session) });
  assert.equal(mine.json.data.length, 1, "the portal opens the first customer's conversation");
});

test("the upgrade marks existing anonymous visitors' customers unverified, and no one else", async () => {
  const visitor = await anonymousVisitor('hal@example.com');
  const known = (await w.call('POST', '/customers', { email: 'hal@example.com' })).json.id;
  const { db, dialect } = t.storage;
  const migration = customerEmailTrustMigration(dialect);
  await migration.down!(db);
  await migration.up(db);
  const rows = await sql<{ id: string; flag: number }>`SELECT id, email_unverified AS flag FROM customers
    WHERE id IN (${visitor}, ${known})`.execute(db);
  assert.deepEqual(Object.fromEntries(rows.rows.map((r) => [r.id, Number(r.flag)])), { [visitor]: 1, [known]: 0 });
});
