import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { JWKSServer, signIdToken } from '../helpers/jwks-server.js';
import { createCountingTestApp } from '../keys/helpers.js';
import { PASSWORD, signUp } from './helpers.js';

/**
 * Issue #11 item 3: failed sign-ins count per IP across every account (SPEC §5 "failed
 * sign-ins, any account"), so one IP cannot try one password against many accounts; wrong
 * ID, refresh and emailed tokens spend the same budget. A 3-point budget keeps the test short.
 */
const GOOGLE_ID = 'google-client.apps.example';
const BUDGET = 3;

let google: JWKSServer;
let t: Awaited<ReturnType<typeof createCountingTestApp>>;

before(async () => {
  google = new JWKSServer();
  await google.start();
  await google.addKey('g1');
  t = await createCountingTestApp({
    env: { GOOGLE_CLIENT_ID: GOOGLE_ID, GOOGLE_JWKS_URL: google.jwksUrl },
    deps: { rateRules: { signInFailuresPerIP: { points: BUDGET, durationMs: 60_000 } } },
  });
  await signUp(t, 'real@example.com');
});

after(async () => {
  await t.close();
  await google.close();
});

const local = (email: string, password: string, remoteAddress: string) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/session',
    payload: { provider: 'local', email, password },
    remoteAddress,
  });

test('one IP spraying one password across accounts is refused with 429 before any lookup or hash', async () => {
  const ip = '10.0.0.1';
  for (let i = 0; i < BUDGET; i++) {
    // A different account each time: the account+IP limit (10) never comes into play.
    const res = await local(`target${i}@example.com`, 'Spring2026!', ip);
    assert.equal(res.statusCode, 401, res.body);
  }
  const before = t.queries.count;
  const refused = await local('real@example.com', PASSWORD, ip);
  assert.equal(refused.statusCode, 429, refused.body);
  assert.equal(refused.json.code, 'rate_limited');
  assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After says when to come back');
  // The password hash follows the account lookup; no query at all means neither ran.
  assert.equal(t.queries.count, before, 'the refused attempt reached the database');
  const elsewhere = await local('real@example.com', PASSWORD, '10.0.0.2');
  assert.equal(elsewhere.statusCode, 200, 'another IP is not affected');
});

test('wrong ID, refresh and emailed tokens spend the same per-IP budget', async () => {
  const ip = '10.0.0.3';
  const stranger = await new JWKSServer().addKey('g1');
  const forged = await signIdToken(stranger, {
    iss: 'https://accounts.google.com',
    aud: GOOGLE_ID,
    sub: 'x',
    email: 'x@example.com',
    email_verified: true,
  });
  const idToken = await t.request({
    method: 'POST',
    url: '/api/v1/auth/session',
    payload: { provider: 'google', idToken: forged },
    remoteAddress: ip,
  });
  assert.equal(idToken.statusCode, 401, idToken.body);
  const refresh = await t.request({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: `woesrt_${'A'.repeat(43)}` },
    remoteAddress: ip,
  });
  assert.equal(refresh.statusCode, 401, refresh.body);
  const verify = await t.request({
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    payload: { token: 'B'.repeat(43) },
    remoteAddress: ip,
  });
  assert.equal(verify.statusCode, 400, verify.body);

  const reset = await t.request({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token: 'C'.repeat(43), password: PASSWORD },
    remoteAddress: ip,
  });
  assert.equal(reset.statusCode, 429, `a fourth guess of any kind is refused: ${reset.body}`);
  assert.ok(Number(reset.headers['retry-after']) >= 1);
  const invite = await t.request({
    method: 'POST',
    url: '/api/v1/auth/accept-invite',
    payload: { token: 'D'.repeat(43), password: PASSWORD },
    remoteAddress: ip,
  });
  assert.equal(invite.statusCode, 429);
  assert.equal(
    (await local('real@example.com', PASSWORD, ip)).statusCode,
    429,
    'the IP cannot sign in either until the window passes',
  );
});

test('a refused new password is not a guess: it costs nothing', async () => {
  const ip = '10.0.0.4';
  for (let i = 0; i < BUDGET + 2; i++) {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: 'E'.repeat(43), password: 'short' },
      remoteAddress: ip,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json.details[0].path, '/body/password');
  }
  assert.equal((await local('real@example.com', PASSWORD, ip)).statusCode, 200);
});
