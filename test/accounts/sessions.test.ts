import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { createTestApp, TestClock } from '../helpers/app.js';
import { PASSWORD, bearer, signIn, signUp } from './helpers.js';
import { endSession, slideSession } from '../../src/accounts/auth/session-repository.js';

test('access token: EdDSA with kid, verifiable with /.well-known/jwks.json, 15 minutes, then token_expired', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  try {
    const s = await signUp(t, 'jwt@example.com', { workspaceName: 'JWT' });
    const jwks = await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
    assert.equal(jwks.statusCode, 200);
    const { payload, protectedHeader } = await jwtVerify(s.accessToken, createLocalJWKSet(jwks.json), {
      currentDate: new Date(clock.now()),
    });
    assert.equal(protectedHeader.alg, 'EdDSA');
    assert.equal(protectedHeader.kid, jwks.json.keys[0].kid);
    assert.equal(payload.sub, s.userId);
    assert.equal(payload.exp! - payload.iat!, 900);
    assert.ok(typeof payload.sid === 'string');
    assert.equal(jwks.json.keys[0].d, undefined, 'no private part');

    clock.advance(15 * 60_000 + 1000);
    const expired = await t.request({
      method: 'GET',
      url: '/api/v1/workspace',
      headers: bearer(s.accessToken, s.workspaceId!),
    });
    assert.equal(expired.statusCode, 401);
    assert.equal(expired.json.code, 'token_expired');
    // A tampered token is not "expired", it is invalid.
    const [h, p] = s.accessToken.split('.');
    const forged = `${h}.${p}.${Buffer.from('x'.repeat(64)).toString('base64url')}`;
    const bad = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(forged, s.workspaceId!) });
    assert.equal(bad.json.code, 'unauthorized');
  } finally {
    await t.close();
  }
});

test('refresh rotates; reusing a spent refresh token revokes the whole family', async () => {
  const t = await createTestApp();
  try {
    const s = await signUp(t, 'rot@example.com', { workspaceName: 'Rot' });
    const r1 = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    assert.equal(r1.statusCode, 200, r1.body);
    assert.notEqual(r1.json.refreshToken, s.refreshToken);
    assert.equal(r1.json.tokenType, 'Bearer');
    const r2 = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: r1.json.refreshToken },
    });
    assert.equal(r2.statusCode, 200);
    const live = await t.request({
      method: 'GET',
      url: '/api/v1/workspace',
      headers: bearer(r2.json.accessToken, s.workspaceId!),
    });
    assert.equal(live.statusCode, 200);

    // The first token again: a thief or a replay. Everything of this session ends.
    const reuse = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: s.refreshToken },
    });
    assert.equal(reuse.statusCode, 401);
    assert.equal(reuse.json.code, 'unauthorized');
    const latest = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: r2.json.refreshToken },
    });
    assert.equal(latest.statusCode, 401, 'the newest token of the family is dead too');
    for (const token of [s.accessToken, r1.json.accessToken, r2.json.accessToken]) {
      const res = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(token, s.workspaceId!) });
      assert.equal(res.statusCode, 401);
    }
    // Another session of the same user is untouched.
    const other = await signIn(t, 'rot@example.com');
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(other.accessToken, s.workspaceId!) }))
        .statusCode,
      200,
    );
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: 'woesrt_nonsense' } }))
        .statusCode,
      401,
    );
    assert.equal((await t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: {} })).statusCode, 401);
  } finally {
    await t.close();
  }
});

test('the woes_refresh cookie: HttpOnly, Strict, scoped to /api/v1/auth; refresh reads it; sign-out clears it', async () => {
  const t = await createTestApp({ env: { WOES_PUBLIC_URL: 'https://app.example.com' } });
  try {
    await signUp(t, 'cookie@example.com');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'cookie@example.com', password: PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^woes_refresh=woesrt_/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\/api\/v1\/auth/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /Max-Age=2592000/);
    const value = /^woes_refresh=([^;]+)/.exec(cookie)![1];
    assert.equal(value, res.json.refreshToken);

    const refreshed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { cookie: `woes_refresh=${value}` },
    });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    const next = /^woes_refresh=([^;]+)/.exec(String(refreshed.headers['set-cookie']))![1];
    assert.equal(next, refreshed.json.refreshToken);

    const out = await t.request({
      method: 'DELETE',
      url: '/api/v1/auth/session',
      headers: { cookie: `woes_refresh=${next}` },
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /woes_refresh=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.request({
      method: 'GET',
      url: '/api/v1/workspaces',
      headers: bearer(refreshed.json.accessToken),
    });
    assert.equal(after.statusCode, 401);
    assert.ok(!t.logs.text.includes(next) && !t.logs.text.includes(value), 'refresh tokens never reach the log');
  } finally {
    await t.close();
  }
});

test('sign-out ends the session on the very next request; sign-out everywhere ends them all', async () => {
  const t = await createTestApp();
  try {
    const a = await signUp(t, 'out@example.com', { workspaceName: 'Out' });
    const b = await signIn(t, 'out@example.com');
    const c = await signIn(t, 'out@example.com');
    const ws = a.workspaceId!;
    const get = (token: string) => t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(token, ws) });
    assert.equal((await get(a.accessToken)).statusCode, 200, 'warm the cache');
    const out = await t.request({ method: 'DELETE', url: '/api/v1/auth/session', headers: bearer(a.accessToken) });
    assert.equal(out.statusCode, 204);
    assert.equal((await get(a.accessToken)).statusCode, 401);
    assert.equal((await get(b.accessToken)).statusCode, 200);
    const everywhere = await t.request({
      method: 'DELETE',
      url: '/api/v1/auth/sessions',
      headers: bearer(b.accessToken),
    });
    assert.equal(everywhere.statusCode, 204);
    assert.equal((await get(b.accessToken)).statusCode, 401);
    assert.equal((await get(c.accessToken)).statusCode, 401);
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: c.refreshToken } }))
        .statusCode,
      401,
    );
    const types = (
      await t.storage.db.selectFrom('auditEvents').select('type').where('workspaceId', '=', ws).execute()
    ).map((r) => r.type);
    assert.ok(types.includes('sign_in') && types.includes('sign_out'));
  } finally {
    await t.close();
  }
});

test('sign-in throttling: 10 failures per account and IP, then 429 with Retry-After; another IP is not locked out', async () => {
  const t = await createTestApp();
  try {
    await signUp(t, 'brute@example.com');
    const attempt = (password: string, ip: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/session',
        remoteAddress: ip,
        payload: { provider: 'local', email: 'brute@example.com', password },
      });
    for (let i = 0; i < 10; i++) assert.equal((await attempt(`wrong guess ${i}`, '10.0.0.1')).statusCode, 401);
    const locked = await attempt(PASSWORD, '10.0.0.1');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json.code, 'rate_limited');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal((await attempt(PASSWORD, '10.0.0.2')).statusCode, 200, 'the real user elsewhere still signs in');
  } finally {
    await t.close();
  }
});

test('x-workspace-id: required with a session on workspace routes, 403 for a non-member, ignored by /workspaces', async () => {
  const t = await createTestApp();
  try {
    const a = await signUp(t, 'a@example.com', { workspaceName: 'A' });
    const b = await signUp(t, 'b@example.com', { workspaceName: 'B' });
    const missing = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(a.accessToken) });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json.code, 'invalid_request');
    const foreign = await t.request({
      method: 'GET',
      url: '/api/v1/workspace',
      headers: bearer(a.accessToken, b.workspaceId!),
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json.code, 'forbidden');
    const list = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: bearer(a.accessToken) });
    assert.deepEqual(
      list.json.data.map((w: { id: string }) => w.id),
      [a.workspaceId],
    );
    const chooseForeign = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'a@example.com', password: PASSWORD, workspaceId: b.workspaceId },
    });
    assert.equal(chooseForeign.statusCode, 403);

    const created = await t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: bearer(a.accessToken),
      payload: { name: 'Second' },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json.role, 'owner');
    assert.equal(created.json.plan, 'pro');
    const two = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: bearer(a.accessToken) });
    assert.equal(two.json.data.length, 2);
    const switched = await t.request({
      method: 'GET',
      url: '/api/v1/workspace',
      headers: bearer(a.accessToken, created.json.id),
    });
    assert.equal(switched.json.name, 'Second');
    const renamed = await t.request({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: bearer(a.accessToken, created.json.id),
      payload: { name: 'Renamed' },
    });
    assert.equal(renamed.json.name, 'Renamed');
    const mass = await t.request({
      method: 'PATCH',
      url: '/api/v1/workspace',
      headers: bearer(a.accessToken, created.json.id),
      payload: { plan: 'enterprise' },
    });
    assert.equal(mass.statusCode, 400, 'plan is not writable here');
    const noSession = await t.request({ method: 'GET', url: '/api/v1/workspaces' });
    assert.equal(noSession.statusCode, 401);
  } finally {
    await t.close();
  }
});

test('a sign-out landing between a refresh’s read and its slide: 401, no new token, the ended expiry stays', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  try {
    const user = await signUp(t, 'race@example.com');
    const db = t.app.woes.db;
    const { id: sessionId } = await db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', user.userId)
      .executeTakeFirstOrThrow();
    const tokensBefore = await db.selectFrom('refreshTokens').selectAll().where('familyId', '=', sessionId).execute();
    clock.advance(60_000);
    // The refresh reads the session, then opens its transaction: the sign-out commits in between.
    const transaction = db.transaction;
    db.transaction = function racedBySignOut(this: typeof db) {
      db.transaction = transaction;
      const builder = transaction.call(db);
      return {
        execute: async (work: Parameters<typeof builder.execute>[0]) => {
          await endSession(db, sessionId, 'sign_out', clock.now());
          return builder.execute(work);
        },
      } as unknown as ReturnType<typeof transaction>;
    };
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: user.refreshToken },
    });
    db.transaction = transaction;
    assert.equal(refreshed.statusCode, 401, refreshed.body);
    assert.equal(refreshed.json.code, 'unauthorized');
    const session = await db
      .selectFrom('sessions')
      .select(['endedAt', 'expiresAt', 'endedReason'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    assert.equal(session.endedReason, 'sign_out');
    assert.equal(Number(session.expiresAt), Number(session.endedAt), 'the ended session’s expiry moved on');
    const tokensAfter = await db.selectFrom('refreshTokens').select('id').where('familyId', '=', sessionId).execute();
    assert.equal(tokensAfter.length, tokensBefore.length, 'a refresh token was issued for an ended session');
    // The repository refuses on its own too, whoever calls it.
    assert.equal(await slideSession(db, sessionId, clock.now()), false);
  } finally {
    await t.close();
  }
});
