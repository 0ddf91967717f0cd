import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import {
  googleClaims as validGoogleClaims,
  msClaims as validMSClaims,
  startIdProviders,
  type IdProviders,
} from '../helpers/id-providers.js';
import { signIdToken, type SigningKey } from '../helpers/jwks-server.js';
import { within } from '../keys/helpers.js';
import { PASSWORD, bearer, mailedToken, signIn } from './helpers.js';

/**
 * Pre-account hijacking (issue #11 item 2): an account created through an unproven email
 * claim must not stay open to its creator once the real owner proves the address.
 */
let providers: IdProviders;
let gKey: SigningKey;
let mKey: SigningKey;
let database: TestDatabase;
let a: TestApp;
let b: TestApp;

before(async () => {
  providers = await startIdProviders();
  ({ gKey, mKey } = providers);
  const { env } = providers;
  database = await createTestDatabase();
  // Two instances on one database: the cut-off must hold on the one that did not do it.
  a = await createTestApp({ database, env });
  b = await createTestApp({ database, env });
});

after(async () => {
  await a.close();
  await b.close();
  await database.drop();
  await providers.close();
});

const googleClaims = (sub: string, email: string, verified: boolean) =>
  validGoogleClaims({ sub, email, email_verified: verified, name: 'G' });
const msClaims = (sub: string, email: string) => validMSClaims({ sub, email, name: 'M' });
const session = (t: TestApp, provider: string, idToken: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/session', payload: { provider, idToken } });
const workspaces = (t: TestApp, accessToken: string) =>
  t.request({ method: 'GET', url: '/api/v1/workspaces', headers: bearer(accessToken) });
const refresh = (t: TestApp, refreshToken: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

interface Squatter {
  provider: 'google' | 'microsoft';
  subject: string;
  idToken: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
}

/** Step 1: an unproven claim to `email` creates an unverified account; its sessions are warm on both instances. */
async function squat(provider: 'google' | 'microsoft', sub: string, email: string): Promise<Squatter> {
  const idToken =
    provider === 'google'
      ? await signIdToken(gKey, googleClaims(sub, email, false))
      : await signIdToken(mKey, msClaims(sub, email));
  const res = await session(a, provider, idToken);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json.user.emailVerified, false);
  assert.equal((await workspaces(a, res.json.accessToken)).statusCode, 200);
  assert.equal((await workspaces(b, res.json.accessToken)).statusCode, 200);
  return {
    provider,
    subject: sub,
    idToken,
    userId: res.json.user.id,
    accessToken: res.json.accessToken,
    refreshToken: res.json.refreshToken,
  };
}

/** Step 3 must fail on every count: the identity, its refresh token, its access token on both instances, and later workspaces. */
async function assertCutOff(squatter: Squatter, owner: { userId: string; accessToken: string }): Promise<void> {
  assert.equal(owner.userId, squatter.userId, 'the owner got the same account');
  assert.equal(
    (await workspaces(a, squatter.accessToken)).statusCode,
    401,
    'access token still works on the instance that proved the email',
  );
  await within(2000, async () => (await workspaces(b, squatter.accessToken)).statusCode === 401);
  const again = await session(a, squatter.provider, squatter.idToken);
  assert.notEqual(again.statusCode, 200, `the unproven identity still signs in: ${again.body}`);
  assert.notEqual(again.json.user?.id, squatter.userId);
  assert.equal((await refresh(a, squatter.refreshToken)).statusCode, 401, 'its refresh token still refreshes');
  const created = await a.request({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: bearer(owner.accessToken),
    payload: { name: 'Owner only' },
  });
  assert.equal(created.statusCode, 201, created.body);
  const identities = await a.storage.db
    .selectFrom('identities')
    .select(['provider', 'subject'])
    .where('userId', '=', squatter.userId)
    .execute();
  assert.ok(
    !identities.some((row) => row.provider === squatter.provider && row.subject === squatter.subject),
    'the unproven identity is unlinked',
  );
}

test('route 1: a Microsoft claim, then the owner signs in with a verified Google token', async () => {
  const squatter = await squat('microsoft', 'm-squat-1', 'victim1@example.com');
  const owner = await session(
    a,
    'google',
    await signIdToken(gKey, googleClaims('g-owner-1', 'victim1@example.com', true)),
  );
  assert.equal(owner.statusCode, 200, owner.body);
  assert.equal(owner.json.user.emailVerified, true);
  await assertCutOff(squatter, { userId: owner.json.user.id, accessToken: owner.json.accessToken });
  assert.equal((await workspaces(a, owner.json.accessToken)).statusCode, 200, 'the owner keeps the session just made');
});

test('route 2: a Google claim with email_verified false, then the owner proves it with Google', async () => {
  const squatter = await squat('google', 'g-squat-2', 'victim2@example.com');
  const owner = await session(
    a,
    'google',
    await signIdToken(gKey, googleClaims('g-owner-2', 'victim2@example.com', true)),
  );
  assert.equal(owner.statusCode, 200, owner.body);
  await assertCutOff(squatter, { userId: owner.json.user.id, accessToken: owner.json.accessToken });
});

test('route 3: a Microsoft claim, then the owner proves the address by a password reset', async () => {
  const squatter = await squat('microsoft', 'm-squat-3', 'victim3@example.com');
  assert.equal(
    (await a.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'victim3@example.com' } }))
      .statusCode,
    202,
  );
  const token = await mailedToken(a, 'victim3@example.com', /Reset/);
  const confirm = await a.request({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    payload: { token, password: PASSWORD },
  });
  assert.equal(confirm.statusCode, 204, confirm.body);
  const owner = await signIn(a, 'victim3@example.com');
  await assertCutOff(squatter, owner);
});

test('route 4: a Microsoft claim, then the owner follows an emailed verification link', async () => {
  const squatter = await squat('microsoft', 'm-squat-4', 'victim4@example.com');
  assert.equal(
    (
      await a.request({
        method: 'POST',
        url: '/api/v1/auth/resend-verification',
        payload: { email: 'victim4@example.com' },
      })
    ).statusCode,
    202,
  );
  const token = await mailedToken(a, 'victim4@example.com', /Verify/);
  const verified = await a.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json.user.emailVerified, true);
  assert.equal((await workspaces(a, squatter.accessToken)).statusCode, 401);
  await within(2000, async () => (await workspaces(b, squatter.accessToken)).statusCode === 401);
  assert.notEqual((await session(a, 'microsoft', squatter.idToken)).statusCode, 200);
  assert.equal((await refresh(a, squatter.refreshToken)).statusCode, 401);
});

test('a verified account is not stripped: a second proof changes nothing and a later link keeps the Google identity', async () => {
  const first = await session(a, 'google', await signIdToken(gKey, googleClaims('g-keep', 'keep@example.com', true)));
  assert.equal(first.statusCode, 200);
  assert.equal(
    (await a.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'keep@example.com' } }))
      .statusCode,
    202,
  );
  const token = await mailedToken(a, 'keep@example.com', /Reset/);
  assert.equal(
    (
      await a.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password: PASSWORD },
      })
    ).statusCode,
    204,
  );
  const again = await session(a, 'google', await signIdToken(gKey, googleClaims('g-keep', 'keep@example.com', true)));
  assert.equal(again.statusCode, 200, 'the proven Google identity survives a reset of a verified account');
  assert.equal(again.json.user.id, first.json.user.id);
});
