import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { GOOGLE_ID, googleClaims, msClaims, startIdProviders, type IdProviders } from '../helpers/id-providers.js';
import { JWKSServer, makeRSAKey, signIdToken, type SigningKey } from '../helpers/jwks-server.js';
import { IdTokenVerifier } from '../../src/accounts/auth/id-tokens.js';
import { systemClock } from '../../src/deps.js';
import type { AppError } from '../../src/errors.js';
import { bearer, signUp } from './helpers.js';

const OTHER_TENANT = 'ffffffff-0000-0000-0000-000000000000';

let providers: IdProviders;
let gKey: SigningKey;
let mKey: SigningKey;
let t: TestApp;

before(async () => {
  providers = await startIdProviders();
  ({ gKey, mKey } = providers);
  t = await createTestApp({ env: providers.env });
});

after(async () => {
  await t.close();
  await providers.close();
});

const session = (provider: string, idToken: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/session', payload: { provider, idToken } });

test('Google: a new identity creates a verified account and signs in', async () => {
  const res = await session('google', await signIdToken(gKey, googleClaims()));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json.user.email, 'gina@example.com');
  assert.equal(res.json.user.emailVerified, true);
  const again = await session('google', await signIdToken(gKey, googleClaims({ email: 'changed@example.com' })));
  assert.equal(again.json.user.id, res.json.user.id, 'identities are keyed by (provider, subject), not email');
});

test('Google with email_verified links to the existing verified account of that email', async () => {
  const local = await signUp(t, 'linda@example.com', { workspaceName: 'Linda' });
  const res = await session(
    'google',
    await signIdToken(gKey, googleClaims({ sub: 'g-linda', email: 'Linda@Example.com' })),
  );
  assert.equal(res.statusCode, 200);
  assert.equal(res.json.user.id, local.userId);
  assert.equal(res.json.workspace.id, local.workspaceId);
  const unverified = await session(
    'google',
    await signIdToken(gKey, googleClaims({ sub: 'g-linda-2', email: 'linda@example.com', email_verified: false })),
  );
  assert.equal(unverified.statusCode, 409, 'an unverified Google email proves nothing');
  assert.equal(unverified.json.code, 'conflict');
});

test('Microsoft never links by email: 409 conflict when the email already has an account', async () => {
  await signUp(t, 'mike@example.com');
  const res = await session(
    'microsoft',
    await signIdToken(mKey, msClaims({ sub: 'm-mike', email: 'mike@example.com' })),
  );
  assert.equal(res.statusCode, 409);
  assert.equal(res.json.code, 'conflict');
  const fresh = await session('microsoft', await signIdToken(mKey, msClaims()));
  assert.equal(fresh.statusCode, 200, fresh.body);
  assert.equal(fresh.json.user.email, 'mo@example.com');
  // The session works like any other.
  const me = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: bearer(fresh.json.accessToken) });
  assert.equal(me.statusCode, 200);
});

test('bad ID tokens are 401: alg none, HS256 with the RSA public key, wrong aud/iss, expired, nbf future, wrong tenant, unknown kid', async () => {
  const now = Math.floor(Date.now() / 1000);
  const none = new UnsecuredJWT(googleClaims()).setIssuedAt().setExpirationTime('10m').encode();
  const publicPem = createPublicKey({ key: gKey.publicJwk as JsonWebKey, format: 'jwk' }).export({
    type: 'spki',
    format: 'pem',
  });
  const hs256 = await new SignJWT(googleClaims())
    .setProtectedHeader({ alg: 'HS256', kid: 'g1' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(String(publicPem)));
  const stranger = await makeRSAKey('g1');
  const cases: Array<[string, string, string]> = [
    ['alg none', 'google', none],
    ['HS256 keyed with the public key', 'google', hs256],
    ['wrong audience', 'google', await signIdToken(gKey, googleClaims({ aud: 'someone-else' }))],
    ['wrong issuer', 'google', await signIdToken(gKey, googleClaims({ iss: 'https://evil.example.com' }))],
    ['expired', 'google', await signIdToken(gKey, googleClaims({ iat: now - 7200, exp: now - 3600 }))],
    ['nbf in the future', 'google', await signIdToken(gKey, googleClaims({ nbf: now + 3600 }))],
    ['signed by another key with the same kid', 'google', await signIdToken(stranger, googleClaims())],
    ['unknown kid', 'google', await signIdToken({ ...stranger, kid: 'nope' }, googleClaims())],
    ['Microsoft token at Google', 'google', await signIdToken(mKey, msClaims())],
    [
      'wrong tenant',
      'microsoft',
      await signIdToken(
        mKey,
        msClaims({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      ),
    ],
    [
      'issuer disagrees with tid',
      'microsoft',
      await signIdToken(mKey, msClaims({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
    ],
    ['Microsoft wrong audience', 'microsoft', await signIdToken(mKey, msClaims({ aud: GOOGLE_ID }))],
  ];
  for (const [name, provider, token] of cases) {
    const res = await session(provider, token);
    assert.equal(res.statusCode, 401, `${name}: ${res.body}`);
    assert.equal(res.json.code, 'unauthorized', name);
  }
});

test('a session JWT is not an ID token, and an ID token is not a session token', async () => {
  const local = await signUp(t, 'swap@example.com', { workspaceName: 'Swap' });
  const asId = await session('google', local.accessToken);
  assert.equal(asId.statusCode, 401);
  const idToken = await signIdToken(gKey, googleClaims({ sub: 'g-swap', email: 'swap2@example.com' }));
  const asSession = await t.request({
    method: 'GET',
    url: '/api/v1/workspace',
    headers: bearer(idToken, local.workspaceId!),
  });
  assert.equal(asSession.statusCode, 401);
  assert.equal(asSession.json.code, 'unauthorized');
});

test('a JWKS answering 500 makes sign-in fail closed (503), and a provider not configured is refused', async () => {
  const broken = new JWKSServer();
  await broken.start();
  const key = await broken.addKey('b1');
  broken.mode = 'error';
  const other = await createTestApp({ env: { GOOGLE_CLIENT_ID: GOOGLE_ID, GOOGLE_JWKS_URL: broken.jwksUrl } });
  try {
    const res = await other.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'google', idToken: await signIdToken(key, googleClaims()) },
    });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json.code, 'unavailable');
    const ms = await other.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'microsoft', idToken: await signIdToken(key, msClaims()) },
    });
    assert.equal(ms.statusCode, 400, 'Microsoft is off without MICROSOFT_CLIENT_ID');
    assert.equal(await other.storage.db.selectFrom('users').select('id').executeTakeFirst(), undefined);
  } finally {
    await other.close();
    await broken.close();
  }
});

test('an unknown kid refetches the JWKS at most once per cooldown; a hanging JWKS times out closed', async () => {
  const server = new JWKSServer();
  await server.start();
  const k1 = await server.addKey('k1');
  const config = {
    googleClientId: GOOGLE_ID,
    microsoftClientId: null,
    microsoftAllowedTenants: [],
    googleJwksUrl: server.jwksUrl,
    microsoftJwksUrl: server.jwksUrl,
  };
  const verifier = new IdTokenVerifier(config, systemClock, { cooldownMs: 3000, timeoutMs: 2000 });
  // The rotated key and its token are made before the first fetch: RSA key generation on a loaded
  // machine can take longer than the cooldown, which would let the refetch happen legitimately.
  const rotated = await makeRSAKey('k2');
  const k2Token = await signIdToken(rotated, googleClaims());
  const k1Token = await signIdToken(k1, googleClaims());
  try {
    await verifier.verify('google', k1Token);
    assert.equal(server.fetches, 1);
    for (let i = 0; i < 5; i++) {
      await assert.rejects(verifier.verify('google', k2Token), (e: AppError) => e.code === 'unauthorized');
    }
    assert.equal(server.fetches, 1, 'no refetch inside the cooldown, however many unknown kids arrive');
    server.keys.push(rotated);
    await new Promise((r) => setTimeout(r, 3100));
    const ok = await verifier.verify('google', k2Token);
    assert.equal(ok.subject, 'g-123');
    assert.equal(server.fetches, 2, 'one refetch once the cooldown passed');

    server.mode = 'hang';
    const slow = new IdTokenVerifier(config, systemClock, { cooldownMs: 3000, timeoutMs: 200 });
    await assert.rejects(
      slow.verify('google', await signIdToken(k1, googleClaims())),
      (e: AppError) => e.code === 'unavailable',
    );
  } finally {
    await server.close();
  }
});
