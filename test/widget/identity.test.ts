import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { identityToken, widgetTenant, type WidgetTenant } from './helpers.js';

let t: TestApp;
let w: WidgetTenant;
const clock = new TestClock();

before(async () => {
  t = await createTestApp({
    clock,
    deps: {
      rateRules: {
        widgetNewConversation: { points: 50, durationMs: 3_600_000 },
        widgetReadConversation: { points: 50, durationMs: 60_000 },
      },
    },
  });
  w = await widgetTenant(t, { identity: true });
});
after(() => t.close());

const token = (sub: string, options: { expiresInS?: number } = {}) =>
  identityToken(w.identitySecret!, { sub, email: `${sub}@example.com`, name: sub }, { ...options, now: clock.now() });

test('the identity secret is shown once, never listed, and audited when created and rotated', async () => {
  assert.match(w.identitySecret!, /^woesis_[0-9A-Za-z]{38}$/);
  const settings = await w.call('GET', '/widget-settings');
  assert.equal(settings.statusCode, 200);
  assert.ok(settings.json.identitySecret.start && !settings.body.includes(w.identitySecret!));
  const stored = await t.app.woes.db
    .selectFrom('widgetSettings')
    .selectAll()
    .where('workspaceId', '=', w.workspaceId)
    .executeTakeFirstOrThrow();
  assert.ok(!JSON.stringify(stored).includes(w.identitySecret!.slice(7)), 'stored sealed, not in clear');
  const audit = await w.call('GET', '/audit-events?type=widget.identity_secret_created');
  assert.equal(audit.json.data.length, 1);
});

test('a verified visitor sees their own conversations from a second browser, without the history secret', async () => {
  const created = await w.widget('POST', '/conversations', { identityToken: await token('vip-1'), body: 'I am Vera' });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json.conversation.verified, true);
  // A second browser context: no localStorage, only a fresh token from the host site.
  const other = { 'x-woes-identity-token': await token('vip-1') };
  const list = await w.widget('GET', '/conversations', undefined, other, '198.51.100.9');
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(
    list.json.data.map((c: any) => c.id),
    [created.json.conversation.id],
  );
  const read = await w.widget(
    'GET',
    `/conversations/${created.json.conversation.id}`,
    undefined,
    other,
    '198.51.100.9',
  );
  assert.equal(read.statusCode, 200);
  assert.equal(read.json.messages[0].body, 'I am Vera');
  // The identified customer is the integrator's own customer vip-1.
  const customers = await w.call('GET', '/customers?externalId=vip-1');
  assert.equal(customers.json.data.length, 1);
  assert.equal(customers.json.data[0].email, 'vip-1@example.com');
});

test("an unverified visitor with a verified customer's email and id sees nothing of theirs and creates no link to them", async () => {
  const vip = await w.widget('POST', '/conversations', {
    identityToken: await token('vip-2'),
    body: 'private to vip-2',
  });
  assert.equal(vip.statusCode, 201);
  const impostor = await w.widget('POST', '/conversations', {
    customer: { id: 'vip-2', email: 'vip-2@example.com', name: 'vip-2' },
    body: 'let me in',
  });
  assert.equal(impostor.statusCode, 201, impostor.body);
  assert.equal(impostor.json.conversation.verified, false);
  assert.deepEqual(
    impostor.json.conversation.messages.map((m: any) => m.body),
    ['let me in'],
  );
  // A separate anonymous customer: no external id, and vip-2 still has only their own conversation.
  const anonymous = await w.call('GET', `/conversations/${impostor.json.conversation.id}`);
  assert.equal(anonymous.json.customer.externalId, null);
  const vipCustomer = (await w.call('GET', '/customers?externalId=vip-2')).json.data[0];
  assert.notEqual(anonymous.json.customer.id, vipCustomer.id);
  const vipConversations = await w.call('GET', `/conversations?customerId=${vipCustomer.id}`);
  assert.deepEqual(
    vipConversations.json.data.map((c: any) => c.id),
    [vip.json.conversation.id],
  );
  // Listing or reading the VIP's thread needs the identity; an id alone (or the impostor's secret) opens nothing.
  assert.equal((await w.widget('GET', '/conversations', undefined, { 'x-woes-customer-id': 'vip-2' })).statusCode, 401);
  const peek = await w.widget('GET', `/conversations/${vip.json.conversation.id}`, undefined, {
    'x-woes-conversation-secret': impostor.json.historySecret,
  });
  assert.equal(peek.statusCode, 401);
});

test("after a sign-out (no identity) or with another identity, the previous identity's secret opens nothing", async () => {
  const vip = await w.widget('POST', '/conversations', { identityToken: await token('vip-3'), body: 'mine' });
  const secret = { 'x-woes-conversation-secret': vip.json.historySecret };
  assert.equal(
    (await w.widget('GET', `/conversations/${vip.json.conversation.id}`, undefined, secret)).statusCode,
    401,
    'signed out',
  );
  const switched = { ...secret, 'x-woes-identity-token': await token('someone-else') };
  assert.equal(
    (await w.widget('GET', `/conversations/${vip.json.conversation.id}`, undefined, switched)).statusCode,
    401,
    'another identity',
  );
  const list = await w.widget('GET', '/conversations', undefined, {
    'x-woes-identity-token': await token('someone-else'),
  });
  assert.deepEqual(list.json.data, []);
});

test('expired, tampered, too long-lived, wrongly signed and alg=none identity tokens are refused', async () => {
  const expired = await token('vip-4', { expiresInS: 60 });
  clock.advance(120_000);
  const refusals = [
    expired,
    (await token('vip-4')).replace(/\.[^.]+$/, '.' + 'A'.repeat(43)),
    await token('vip-4', { expiresInS: 7200 }),
    await identityToken('woesis_' + 'x'.repeat(38), { sub: 'vip-4' }, { now: clock.now() }),
    'eyJhbGciOiJub25lIn0.' +
      Buffer.from(JSON.stringify({ sub: 'vip-4', exp: Math.floor(clock.now() / 1000) + 60 })).toString('base64url') +
      '.',
    await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('vip-4')
      .sign(new TextEncoder().encode(w.identitySecret!)),
  ];
  for (const [i, bad] of refusals.entries()) {
    const created = await w.widget('POST', '/conversations', { identityToken: bad, body: 'x' });
    assert.equal(created.statusCode, 401, `token ${i}: ${created.body}`);
    assert.equal(
      (await w.widget('GET', '/conversations', undefined, { 'x-woes-identity-token': bad })).statusCode,
      401,
    );
  }
  assert.equal((await w.call('GET', '/customers?externalId=vip-4')).json.data.length, 0);
});

test('userHash (HMAC-SHA256 of the customer id) verifies; a wrong one is refused', async () => {
  const hash = createHmac('sha256', w.identitySecret!).update('vip-5').digest('hex');
  const ok = await w.widget('POST', '/conversations', { customer: { id: 'vip-5', userHash: hash }, body: 'hashed' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.equal(ok.json.conversation.verified, true);
  const bad = await w.widget('POST', '/conversations', { customer: { id: 'vip-6', userHash: hash }, body: 'x' });
  assert.equal(bad.statusCode, 401);
  const list = await w.widget('GET', '/conversations', undefined, {
    'x-woes-customer-id': 'vip-5',
    'x-woes-user-hash': hash,
  });
  assert.equal(list.json.data.length, 1);
});

test('rotating the identity secret stops the old one at once', async () => {
  const old = await token('vip-7');
  const rotated = await w.call('POST', '/widget-settings/identity-secret');
  assert.equal(rotated.statusCode, 201);
  assert.equal((await w.widget('GET', '/conversations', undefined, { 'x-woes-identity-token': old })).statusCode, 401);
  w.identitySecret = rotated.json.secret;
  assert.equal(
    (await w.widget('GET', '/conversations', undefined, { 'x-woes-identity-token': await token('vip-7') })).statusCode,
    200,
  );
  assert.equal((await w.call('GET', '/audit-events?type=widget.identity_secret_rotated')).json.data.length, 1);
  assert.ok(!t.logs.text.includes(rotated.json.secret) && !t.logs.text.includes(old));
});

test('with verification required, anonymous visitors are refused; a mobile key needs no Origin but an identity', async () => {
  assert.equal((await w.call('PATCH', '/widget-settings', { requireVerification: true })).statusCode, 200);
  assert.equal((await w.widget('POST', '/conversations', { body: 'anon' })).statusCode, 401);
  assert.equal(
    (await w.widget('POST', '/conversations', { identityToken: await token('vip-8'), body: 'ok' })).statusCode,
    201,
  );
  assert.equal((await w.call('PATCH', '/widget-settings', { requireVerification: false })).statusCode, 200);

  const created = await w.call('POST', '/widget-keys', { name: 'iOS', allowedOrigins: [], mobile: true });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json.mobile, true);
  const mobile = { origin: undefined, 'x-woes-widget-key': created.json.key };
  assert.equal((await w.widget('POST', '/conversations', { body: 'anon' }, mobile)).statusCode, 401);
  assert.equal(
    (await w.widget('POST', '/conversations', { identityToken: await token('vip-9'), body: 'app' }, mobile)).statusCode,
    201,
  );
  assert.equal(
    (await w.call('POST', '/widget-keys', { name: 'none', allowedOrigins: [] })).statusCode,
    400,
    'a browser key needs an origin',
  );
});

test('creating or rotating the identity secret needs every scope the secret is worth, not only keys.write', async () => {
  const before = (await w.call('GET', '/widget-settings')).json.identitySecret;
  const as = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const narrow = await w.call('POST', '/keys', {
    name: 'keys only',
    scopes: ['keys.read', 'keys.write', 'conversations.read'],
  });
  assert.equal(narrow.statusCode, 201, narrow.body);
  const refused = await w.call('POST', '/widget-settings/identity-secret', undefined, as(narrow.json.secret));
  assert.equal(refused.statusCode, 403, refused.body);
  assert.equal(refused.json.code, 'insufficient_scope');
  assert.deepEqual([...refused.json.requiredScopes].sort(), [
    'conversations.write',
    'customers.read',
    'customers.write',
    'messages.read',
    'messages.write',
  ]);
  assert.ok(refused.json.requestId);
  // Nothing changed: the host site's sign-in keeps working with the secret it has.
  assert.deepEqual((await w.call('GET', '/widget-settings')).json.identitySecret, before);
  assert.equal(
    (await w.widget('GET', '/conversations', undefined, { 'x-woes-identity-token': await token('vip-10') })).statusCode,
    200,
  );

  const worth = await w.call('POST', '/keys', {
    name: 'widget admin',
    scopes: ['keys.write', 'conversations.write', 'messages.write', 'customers.write'],
  });
  assert.equal(worth.statusCode, 201, worth.body);
  const rotated = await w.call('POST', '/widget-settings/identity-secret', undefined, as(worth.json.secret));
  assert.equal(rotated.statusCode, 201, rotated.body);
  w.identitySecret = rotated.json.secret;
});
