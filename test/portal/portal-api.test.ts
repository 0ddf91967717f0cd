import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
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

let t: TestApp;
let a: Tenant;
let b: Tenant;
const clock = new TestClock();
let ada: { conversationId: string; customerId: string };
let bob: { conversationId: string; customerId: string };

before(async () => {
  t = await createTestApp({ clock });
  a = await tenant(t);
  b = await tenant(t);
  ada = await customerWithConversation(a, 'ada', 'ada@example.com', 'Ada asks');
  bob = await customerWithConversation(a, 'bob', 'bob@example.com', 'Bob asks');
  await customerWithConversation(b, 'ada-b', 'ada@example.com', 'Ada asks B');
});
after(() => t.close());

test('a customer signs in with the emailed link, sees only their own conversations without notes, and replies', async () => {
  const token = await linkToken(t, a.workspaceId, 'Ada@Example.com');
  const mail = portalMails(t, 'ada@example.com').at(-1)!;
  assert.match(mail.subject, /Test workspace/, 'the email names the workspace');
  const session = await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
  assert.equal(session.statusCode, 201, session.body);
  assert.match(session.json.sessionToken, /^woesps_/);
  const auth = portalAuth(session.json.sessionToken);

  const list = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: auth });
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(
    list.json.data.map((c: { id: string }) => c.id),
    [ada.conversationId],
  );

  const thread = await t.request({
    method: 'GET',
    url: `/api/v1/portal/conversations/${ada.conversationId}`,
    headers: auth,
  });
  assert.equal(thread.statusCode, 200);
  assert.deepEqual(
    thread.json.messages.map((m: { role: string; body: string }) => `${m.role}:${m.body}`),
    ['customer:question from ada', 'support:answer to ada'],
  );
  assert.ok(!thread.body.includes('internal note'));

  const other = await t.request({
    method: 'GET',
    url: `/api/v1/portal/conversations/${bob.conversationId}`,
    headers: auth,
  });
  assert.equal(other.statusCode, 404, "another customer's conversation does not exist for Ada");
  const otherReply = await t.request({
    method: 'POST',
    url: `/api/v1/portal/conversations/${bob.conversationId}/messages`,
    headers: auth,
    payload: { body: 'hi' },
  });
  assert.equal(otherReply.statusCode, 404);

  const reply = await t.request({
    method: 'POST',
    url: `/api/v1/portal/conversations/${ada.conversationId}/messages`,
    headers: auth,
    payload: { body: 'Thanks, it works' },
  });
  assert.equal(reply.statusCode, 201, reply.body);
  const agentView = await a.call('GET', `/conversations/${ada.conversationId}/messages`);
  const seen = agentView.json.data.find((m: { body: string }) => m.body === 'Thanks, it works');
  assert.equal(seen.role, 'user');
  assert.deepEqual(seen.author, { type: 'customer', id: ada.customerId });

  const audit = await a.call('GET', '/audit-events?type=portal.signed_in');
  assert.equal(audit.json.data[0].actor.id, ada.customerId);
  assert.ok(!JSON.stringify(audit.json).includes('woesp'), 'no token in audit events');

  assert.equal((await t.request({ method: 'DELETE', url: '/api/v1/portal/session', headers: auth })).statusCode, 204);
  assert.equal(
    (await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: auth })).statusCode,
    401,
  );
});

test('a link works once', async () => {
  const token = await linkToken(t, a.workspaceId, 'ada@example.com');
  assert.equal(
    (await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token } })).statusCode,
    201,
  );
  const again = await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
  assert.equal(again.statusCode, 401);
  assert.equal(again.json.code, 'unauthorized');
});

test('a link expires after 15 minutes', async () => {
  const token = await linkToken(t, a.workspaceId, 'ada@example.com');
  clock.advance(15 * 60_000 + 1);
  try {
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token } })).statusCode,
      401,
    );
  } finally {
    clock.advance(-(15 * 60_000 + 1));
  }
});

test("a link for workspace A does not open workspace B's portal (and stays usable for A)", async () => {
  const token = await linkToken(t, a.workspaceId, 'ada@example.com');
  const inB = await t.request({
    method: 'POST',
    url: '/api/v1/portal/session',
    payload: { token, workspaceId: b.workspaceId },
  });
  assert.equal(inB.statusCode, 401);
  const form = await t.request({ method: 'GET', url: `/portal/${b.workspaceId}/continue?token=${token}` });
  const nonce = /name="nonce" value="([^"]+)"/.exec(form.body)![1];
  const cookie = String(form.headers['set-cookie']).split(';')[0];
  const posted = await t.request({
    method: 'POST',
    url: `/portal/${b.workspaceId}/continue`,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ token, nonce }).toString(),
  });
  assert.equal(posted.statusCode, 401);
  const inA = await t.request({
    method: 'POST',
    url: '/api/v1/portal/session',
    payload: { token, workspaceId: a.workspaceId },
  });
  assert.equal(inA.statusCode, 201);
  const list = await t.request({
    method: 'GET',
    url: '/api/v1/portal/conversations',
    headers: portalAuth(inA.json.sessionToken),
  });
  assert.deepEqual(
    list.json.data.map((c: { id: string }) => c.id),
    [ada.conversationId],
  );
});

test('an unknown email gets the same answer and no email', async () => {
  const known = await requestLink(t, a.workspaceId, 'bob@example.com', '127.0.0.2');
  const unknown = await requestLink(t, a.workspaceId, 'nobody@example.com', '127.0.0.2');
  const noWorkspace = await requestLink(t, 'ws_doesnotexist', 'bob@example.com', '127.0.0.2');
  await settle(t);
  for (const answer of [known, unknown, noWorkspace]) {
    assert.equal(answer.statusCode, 202);
    assert.equal(answer.body, '{"status":"accepted"}');
  }
  assert.deepEqual(Object.keys(unknown.headers).sort(), Object.keys(known.headers).sort());
  assert.equal(portalMails(t, 'nobody@example.com').length, 0);
  assert.ok(portalMails(t, 'bob@example.com').length >= 1);
});

test('the link page (GET) spends nothing: only the Continue POST with its cookie signs in', async () => {
  const token = await linkToken(t, a.workspaceId, 'bob@example.com');
  const url = `/portal/${a.workspaceId}/continue?token=${token}`;
  const page = await t.request({ method: 'GET', url });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.match(page.body, /Test workspace/);
  assert.match(page.body, /Continue/);
  // It names the address the link signs in: a visitor handed someone else's link can tell.
  assert.match(page.body, /Continue as <strong>bob@example\.com<\/strong>/);
  const forged = await t.request({
    method: 'GET',
    url: `/portal/${a.workspaceId}/continue?token=woespl_${'x'.repeat(43)}`,
  });
  assert.equal(forged.statusCode, 200);
  assert.doesNotMatch(forged.body, /Continue as/, 'an unknown link names nobody');
  assert.equal(
    (await t.request({ method: 'GET', url })).statusCode,
    200,
    'a second GET (scanner, then person) still shows the page',
  );
  const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1];
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const noCookie = await t.request({
    method: 'POST',
    url: `/portal/${a.workspaceId}/continue`,
    headers: form,
    payload: new URLSearchParams({ token, nonce }).toString(),
  });
  assert.equal(noCookie.statusCode, 403, 'a POST without the page cookie (another site) is refused');
  const cookie = String(page.headers['set-cookie']).split(';')[0];
  assert.match(String(page.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  const posted = await t.request({
    method: 'POST',
    url: `/portal/${a.workspaceId}/continue`,
    headers: { ...form, cookie },
    payload: new URLSearchParams({ token, nonce }).toString(),
  });
  assert.equal(posted.statusCode, 303, posted.body);
  const session = /#session=(woesps_[A-Za-z0-9]+)$/.exec(String(posted.headers.location))![1];
  const list = await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(session) });
  assert.deepEqual(
    list.json.data.map((c: { id: string }) => c.id),
    [bob.conversationId],
  );
});

test('a Continue form over its 4 KiB limit is a 413 that names that limit', async () => {
  const big = await t.request({
    method: 'POST',
    url: `/portal/${a.workspaceId}/continue`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ token: 'x', nonce: 'y'.repeat(5000) }).toString(),
  });
  assert.equal(big.statusCode, 413);
  assert.match(big.json.error, /larger than 4 KiB/);
});

test('a turned-off portal sends no links and ends its sessions; the display name is used', async () => {
  await customerWithConversation(b, 'dora', 'dora@example.com', 'Dora asks');
  const session = await openSession(t, b.workspaceId, 'dora@example.com');
  const named = await b.call('PATCH', '/workspace/portal', { displayName: 'Bee Support' });
  assert.deepEqual(named.json, { enabled: true, displayName: 'Bee Support' });
  await linkToken(t, b.workspaceId, 'dora@example.com');
  assert.match(portalMails(t, 'dora@example.com').at(-1)!.subject, /Bee Support/);
  assert.equal((await b.call('PATCH', '/workspace/portal', { enabled: false })).statusCode, 200);
  assert.equal(
    (await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(session) })).statusCode,
    401,
  );
  const count = portalMails(t, 'dora@example.com').length;
  assert.equal((await requestLink(t, b.workspaceId, 'dora@example.com', '127.0.0.3')).statusCode, 202);
  await settle(t);
  assert.equal(portalMails(t, 'dora@example.com').length, count);
  assert.deepEqual((await b.call('GET', '/workspace/portal')).json, { enabled: false, displayName: 'Bee Support' });
  await b.call('PATCH', '/workspace/portal', { enabled: true });
});

test('deleting the customer ends their portal session on another instance at its next request', async () => {
  const other = await createTestApp({ database: t.database, clock });
  try {
    const c = await customerWithConversation(a, 'cleo', 'cleo@example.com', 'Cleo asks');
    const session = await openSession(t, a.workspaceId, 'cleo@example.com');
    const before = await other.request({
      method: 'GET',
      url: '/api/v1/portal/conversations',
      headers: portalAuth(session),
    });
    assert.equal(before.statusCode, 200, 'the session works on the second instance');
    assert.equal((await a.call('DELETE', `/customers/${c.customerId}`)).statusCode, 204);
    const after = await other.request({
      method: 'GET',
      url: '/api/v1/portal/conversations',
      headers: portalAuth(session),
    });
    assert.equal(after.statusCode, 401);
  } finally {
    await other.close();
  }
});

test('an idle portal session ends after 30 minutes; use keeps it alive', async () => {
  const session = await openSession(t, a.workspaceId, 'bob@example.com');
  const get = () => t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(session) });
  clock.advance(20 * 60_000);
  assert.equal((await get()).statusCode, 200);
  clock.advance(20 * 60_000);
  assert.equal((await get()).statusCode, 200, 'the last use moved the expiry on');
  clock.advance(31 * 60_000);
  assert.equal((await get()).statusCode, 401);
});

test('magic-link requests are limited per IP (10 per 15 minutes)', async () => {
  for (let i = 0; i < 10; i++)
    assert.equal((await requestLink(t, a.workspaceId, `x${i}@example.com`, '127.0.0.9')).statusCode, 202);
  const limited = await requestLink(t, a.workspaceId, 'x@example.com', '127.0.0.9');
  assert.equal(limited.statusCode, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.equal(
    (await requestLink(t, a.workspaceId, 'x@example.com', '127.0.0.10')).statusCode,
    202,
    'another IP is not limited',
  );
});

test('no link or session token reaches a log line', async () => {
  await settle(t);
  assert.ok(t.logs.text.includes('/portal/'), 'the portal requests were logged');
  assert.doesNotMatch(t.logs.text, /woesp[ls]_[A-Za-z0-9]{8}/);
});

test('a secret in a portal URL is refused before the route runs: portal tokens, and every other secret Woes issues', async () => {
  const token = await linkToken(t, a.workspaceId, 'ada@example.com');
  for (const [method, url] of [
    ['GET', `/api/v1/portal/conversations?token=${token}`],
    ['POST', `/api/v1/portal/session?t=${token}`],
    // Portal routes take no API credential, so the API's own check must run on them too.
    ['POST', `/api/v1/portal/session?x=${'woesk_'}${'a'.repeat(40)}`],
    ['POST', `/api/v1/portal/session?x=%77hsec_${'b'.repeat(32)}`],
  ] as const) {
    const res = await t.request({ method, url, ...(method === 'POST' ? { payload: { token } } : {}) });
    assert.equal(res.statusCode, 401, url);
    assert.equal(res.json.code, 'unauthorized');
    assert.match(res.json.error, /never in the URL/);
  }
  // The link was not spent by the refused requests.
  const session = await t.request({ method: 'POST', url: '/api/v1/portal/session', payload: { token } });
  assert.equal(session.statusCode, 201, session.body);
  // An API route refuses a portal token in its URL as well (every secret prefix, src/security/redact.ts).
  const other = await t.request({ method: 'GET', url: `/api/v1/conversations?externalId=${token}`, headers: a.auth });
  assert.equal(other.statusCode, 401);
  assert.match(other.json.error, /never in the URL/);
  const plain = await t.request({ method: 'GET', url: '/api/v1/conversations?externalId=order-12', headers: a.auth });
  assert.equal(plain.statusCode, 200);
});
