import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { customerWithConversation, linkToken, openSession, portalAuth } from './helpers.js';

// The Continue POST hands its session to the portal app in the URL fragment; the app keeps it
// only after POST /api/v1/portal/session/claim, which needs the cookie that POST set for it.

let t: TestApp;
let a: Tenant;
// Behind a TLS-terminating proxy: `x-forwarded-proto: https` makes request.protocol https.
let tls: TestApp;
let b: Tenant;
const HTTPS = { 'x-forwarded-proto': 'https' };

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
  await customerWithConversation(a, 'ada', 'ada@example.com', 'Ada asks');
  await customerWithConversation(a, 'eve', 'eve@example.com', 'Eve asks');
  tls = await createTestApp({ env: { WOES_TRUST_PROXY: 'true' } });
  b = await tenant(tls);
  await customerWithConversation(b, 'ada', 'ada@example.com', 'Ada asks');
});
after(async () => {
  await t.close();
  await tls.close();
});

function setCookiesOf(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
}

/** Opens the emailed link's page, as a browser does; returns the token, the form's nonce and the cookie set. */
async function openPage(email: string, on: { app: TestApp; tenant: Tenant; https?: boolean } = { app: t, tenant: a }) {
  const headers = on.https ? HTTPS : {};
  const token = await linkToken(on.app, on.tenant.workspaceId, email);
  const page = await on.app.request({
    method: 'GET',
    url: `/portal/${on.tenant.workspaceId}/continue?token=${token}`,
    headers,
  });
  assert.equal(page.statusCode, 200, page.body);
  const nonce = /name="nonce" value="([^"]+)"/.exec(page.body)![1];
  return { token, nonce, setCookie: setCookiesOf(page.headers['set-cookie'])[0] };
}

/** Presses Continue with this cookie header (a browser sends back the page's cookie). */
async function postContinue(
  opened: { token: string; nonce: string },
  cookie: string | undefined,
  on: { app: TestApp; tenant: Tenant; https?: boolean } = { app: t, tenant: a },
) {
  return on.app.request({
    method: 'POST',
    url: `/portal/${on.tenant.workspaceId}/continue`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(on.https ? HTTPS : {}),
      ...(cookie === undefined ? {} : { cookie }),
    },
    payload: new URLSearchParams({ token: opened.token, nonce: opened.nonce }).toString(),
  });
}

/** Opens the emailed link and presses Continue, as a browser does; returns the session and the cookies set. */
async function pressContinue(
  email: string,
  on: { app: TestApp; tenant: Tenant; https?: boolean } = { app: t, tenant: a },
): Promise<{ session: string; setCookies: string[] }> {
  const opened = await openPage(email, on);
  const posted = await postContinue(opened, opened.setCookie.split(';')[0], on);
  assert.equal(posted.statusCode, 303, posted.body);
  const session = /#session=(woesps_[A-Za-z0-9]+)$/.exec(String(posted.headers.location))![1];
  return { session, setCookies: setCookiesOf(posted.headers['set-cookie']) };
}

function claimCookieOf(setCookies: string[], name = 'woes_portal_claim'): { pair: string; attributes: string } {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  assert.ok(line, 'the Continue POST sets the claim cookie');
  return { pair: line.split(';')[0], attributes: line };
}

const claim = (session: string, cookie?: string, on: { app: TestApp; https?: boolean } = { app: t }) =>
  on.app.request({
    method: 'POST',
    url: '/api/v1/portal/session/claim',
    headers: { ...portalAuth(session), ...(on.https ? HTTPS : {}), ...(cookie === undefined ? {} : { cookie }) },
  });

function assertRefused(answer: Awaited<ReturnType<typeof claim>>): void {
  assert.equal(answer.statusCode, 401, answer.body);
  assert.equal(answer.json.code, 'unauthorized');
  assert.equal(typeof answer.json.error, 'string');
  assert.equal(typeof answer.json.requestId, 'string');
}

/** A `__Host-` cookie as browsers require it: Secure, Path=/, no Domain; still HttpOnly and Strict. */
function assertHostCookie(line: string, name: string, maxAge: number): void {
  assert.ok(line.startsWith(`__Host-${name}=`), line);
  assert.match(line, /; Secure(;|$)/);
  assert.match(line, /; Path=\/;/);
  assert.doesNotMatch(line, /Domain=/i);
  assert.match(line, new RegExp(`Max-Age=${maxAge}(;|$)`));
  assert.match(line, /HttpOnly/);
  assert.match(line, /SameSite=Strict/);
}

test('the browser that pressed Continue claims its session once; the cookie is short-lived, HttpOnly and Strict', async () => {
  const { session, setCookies } = await pressContinue('ada@example.com');
  const cookie = claimCookieOf(setCookies);
  assert.match(cookie.attributes, /Path=\/api\/v1\/portal\/session\/claim/);
  assert.doesNotMatch(cookie.attributes, /Secure|Domain=/, 'plain http: no Secure (the browser would drop it)');
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

test('over https both cookies are __Host- (Secure, Path=/, no Domain) and only those names count', async () => {
  const https = { app: tls, tenant: b, https: true };
  const opened = await openPage('ada@example.com', https);
  assertHostCookie(opened.setCookie, `woes_portal_continue_${b.workspaceId}`, 900);

  // A cookie tossed from a sibling subdomain can only carry the plain name: the Continue POST refuses it.
  const tossed = await postContinue(opened, `woes_portal_continue_${b.workspaceId}=${opened.nonce}`, https);
  assert.equal(tossed.statusCode, 403, 'an https Continue with only the unprefixed nonce cookie is refused');

  const posted = await postContinue(opened, opened.setCookie.split(';')[0], https);
  assert.equal(posted.statusCode, 303, posted.body);
  const session = /#session=(woesps_[A-Za-z0-9]+)$/.exec(String(posted.headers.location))![1];
  const setCookies = setCookiesOf(posted.headers['set-cookie']);
  const cleared = setCookies.find((c) => c.startsWith(`__Host-woes_portal_continue_${b.workspaceId}=;`));
  assert.ok(cleared, 'the nonce cookie is cleared under its own name');
  assertHostCookie(cleared, `woes_portal_continue_${b.workspaceId}`, 0);
  const cookie = claimCookieOf(setCookies, '__Host-woes_portal_claim');
  assertHostCookie(cookie.attributes, 'woes_portal_claim', 120);
  assert.ok(!setCookies.some((c) => c.startsWith('woes_portal_')), 'no unprefixed cookie is set over https');

  // The same binding under the plain name (what a sibling subdomain could plant) is not accepted.
  const value = cookie.pair.slice('__Host-woes_portal_claim='.length);
  assertRefused(await claim(session, `woes_portal_claim=${value}`, { app: tls, https: true }));
  // Over plain http only the plain name counts, so the prefixed one is no key there either.
  assertRefused(await claim(session, cookie.pair, { app: tls }));

  const claimed = await claim(session, cookie.pair, { app: tls, https: true });
  assert.equal(claimed.statusCode, 204, claimed.body);
  assertHostCookie(String(claimed.headers['set-cookie']), 'woes_portal_claim', 0);
});

test("over https one browser can open two portals' links and press Continue on either: one nonce cookie per portal", async () => {
  const c = await tenant(tls);
  await customerWithConversation(c, 'ada', 'ada@example.com', 'Ada asks elsewhere');
  const first = { app: tls, tenant: b, https: true };
  const second = { app: tls, tenant: c, https: true };
  const openedFirst = await openPage('ada@example.com', first);
  const openedSecond = await openPage('ada@example.com', second);
  const jar = [openedFirst.setCookie, openedSecond.setCookie].map((line) => line.split(';')[0]);
  assert.notEqual(jar[0].split('=')[0], jar[1].split('=')[0], 'two names, so the second did not replace the first');
  // The browser sends both (Path=/); each portal's Continue reads its own.
  const pressedFirst = await postContinue(openedFirst, jar.join('; '), first);
  assert.equal(pressedFirst.statusCode, 303, pressedFirst.body);
  const pressedSecond = await postContinue(openedSecond, jar.join('; '), second);
  assert.equal(pressedSecond.statusCode, 303, pressedSecond.body);
  // One portal's cookie is no key to the other's Continue.
  const crossed = await postContinue(openedFirst, jar[1], first);
  assert.equal(crossed.statusCode, 403);
});

test('behind a TLS proxy Woes does not trust, an https public URL still makes both cookies __Host- and Secure', async () => {
  // No WOES_TRUST_PROXY: request.protocol is http, but every browser reaches this Woes over https.
  const proxied = await createTestApp({ env: { WOES_PUBLIC_URL: 'https://support.example.com' } });
  try {
    const d = await tenant(proxied);
    await customerWithConversation(d, 'ada', 'ada@example.com', 'Ada asks');
    const on = { app: proxied, tenant: d };
    const opened = await openPage('ada@example.com', on);
    assertHostCookie(opened.setCookie, `woes_portal_continue_${d.workspaceId}`, 900);
    // Only the prefixed names count, as over https.
    const tossed = await postContinue(opened, `woes_portal_continue_${d.workspaceId}=${opened.nonce}`, on);
    assert.equal(tossed.statusCode, 403);
    const posted = await postContinue(opened, opened.setCookie.split(';')[0], on);
    assert.equal(posted.statusCode, 303, posted.body);
    const session = /#session=(woesps_[A-Za-z0-9]+)$/.exec(String(posted.headers.location))![1];
    const cookie = claimCookieOf(setCookiesOf(posted.headers['set-cookie']), '__Host-woes_portal_claim');
    assertHostCookie(cookie.attributes, 'woes_portal_claim', 120);
    const claimed = await claim(session, cookie.pair, { app: proxied });
    assert.equal(claimed.statusCode, 204, claimed.body);
  } finally {
    await proxied.close();
  }
});
