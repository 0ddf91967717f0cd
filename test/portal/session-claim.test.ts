import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { customerWithConversation, linkToken, openSession, portalAuth } from './helpers.js';

// The Continue POST hands its session to the portal app in the URL fragment; the app keeps it
// only after POST /api/v1/portal/session/claim, which needs the cookie that POST set for it.

let t: TestApp;
let a: Tenant;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
  await customerWithConversation(a, 'ada', 'ada@example.com', 'Ada asks');
  await customerWithConversation(a, 'eve', 'eve@example.com', 'Eve asks');
});
after(() => t.close());

/** Opens the emailed link and presses Continue, as a browser does; returns the session and the cookies set. */
async function pressContinue(email: string): Promise<{ session: string; setCookies: string[] }> {
  const token = await linkToken(t, a.workspaceId, email);
  const page = await t.request({ method: 'GET', url: `/portal/${a.workspaceId}/continue?token=${token}` });
  const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1];
  const posted = await t.request({
    method: 'POST',
    url: `/portal/${a.workspaceId}/continue`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: String(page.headers['set-cookie']).split(';')[0],
    },
    payload: new URLSearchParams({ token, nonce }).toString(),
  });
  assert.equal(posted.statusCode, 303, posted.body);
  const session = /#session=(woesps_[A-Za-z0-9]+)$/.exec(String(posted.headers.location))![1];
  const raw = posted.headers['set-cookie'];
  const setCookies = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  return { session, setCookies };
}

function claimCookieOf(setCookies: string[]): { pair: string; attributes: string } {
  const line = setCookies.find((c) => c.startsWith('woes_portal_claim='));
  assert.ok(line, 'the Continue POST sets the claim cookie');
  return { pair: line.split(';')[0], attributes: line };
}

const claim = (session: string, cookie?: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/portal/session/claim',
    headers: { ...portalAuth(session), ...(cookie === undefined ? {} : { cookie }) },
  });

function assertRefused(answer: Awaited<ReturnType<typeof claim>>): void {
  assert.equal(answer.statusCode, 401, answer.body);
  assert.equal(answer.json.code, 'unauthorized');
  assert.equal(typeof answer.json.error, 'string');
  assert.equal(typeof answer.json.requestId, 'string');
}

test('the browser that pressed Continue claims its session once; the cookie is short-lived, HttpOnly and Strict', async () => {
  const { session, setCookies } = await pressContinue('ada@example.com');
  const cookie = claimCookieOf(setCookies);
  assert.match(cookie.attributes, /Path=\/api\/v1\/portal\/session\/claim/);
  assert.match(cookie.attributes, /Max-Age=120/);
  assert.match(cookie.attributes, /HttpOnly/);
  assert.match(cookie.attributes, /SameSite=Strict/);
  assert.ok(!cookie.attributes.includes(session), 'the cookie holds a hash, not the session');

  const claimed = await claim(session, cookie.pair);
  assert.equal(claimed.statusCode, 204, claimed.body);
  assert.match(
    String(claimed.headers['set-cookie']),
    /^woes_portal_claim=; .*Max-Age=0/,
    'the claim clears the cookie',
  );
});

test("a session without this browser's cookie, or with another session's, is not claimed", async () => {
  const attacker = await pressContinue('eve@example.com');
  const victim = await pressContinue('ada@example.com');
  assertRefused(await claim(attacker.session));
  assertRefused(await claim(attacker.session, claimCookieOf(victim.setCookies).pair));
  assertRefused(await claim(attacker.session, 'woes_portal_claim='));
  // A session made by POST /api/v1/portal/session (no Continue page) has no cookie to match either.
  assertRefused(
    await claim(await openSession(t, a.workspaceId, 'eve@example.com'), claimCookieOf(victim.setCookies).pair),
  );
  // Nothing else needs the claim: the attacker's own session still works for them.
  const list = await t.request({
    method: 'GET',
    url: '/api/v1/portal/conversations',
    headers: portalAuth(attacker.session),
  });
  assert.equal(list.statusCode, 200);
});

test('an ended session is not claimed even with its cookie', async () => {
  const { session, setCookies } = await pressContinue('ada@example.com');
  assert.equal(
    (await t.request({ method: 'DELETE', url: '/api/v1/portal/session', headers: portalAuth(session) })).statusCode,
    204,
  );
  assertRefused(await claim(session, claimCookieOf(setCookies).pair));
});
