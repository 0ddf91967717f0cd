import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import { bearer as keyBearer, createApiKey } from '../helpers/fixtures.js';
import { bearer, outbox, signUp, waitFor } from '../accounts/helpers.js';
import { generateApiKey } from '../../src/keys/key-format.js';
import { within } from './helpers.js';

/** A reporter's key pair, made here: the app trusts only its public half (as it would GitHub's). */
const reporter = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KEY_ID = 'e8c2b6d1a3f7test';
const PUBLIC_KEYS = JSON.stringify({
  public_keys: [
    { key_identifier: KEY_ID, key: reporter.publicKey.export({ type: 'spki', format: 'pem' }), is_current: true },
  ],
});

let database: TestDatabase;
let a: TestApp;
let b: TestApp;
let ws: string;
let owner: { accessToken: string; workspaceId: string | null };

before(async () => {
  database = await createTestDatabase();
  const env = { WOES_LEAK_REPORT_PUBLIC_KEYS: PUBLIC_KEYS };
  a = await createTestApp({ database, env });
  b = await createTestApp({ database, env });
  owner = await signUp(a, 'leak-owner@example.com', { workspaceName: 'Leaky Co' });
  ws = owner.workspaceId!;
});
after(async () => {
  await a.close();
  await b.close();
  await database.drop();
});

function report(
  t: TestApp,
  candidates: unknown,
  options: { keyId?: string; privateKey?: typeof reporter.privateKey; tamper?: boolean; ip?: string } = {},
) {
  const body = JSON.stringify(candidates);
  const signature = sign('sha256', Buffer.from(body), {
    key: options.privateKey ?? reporter.privateKey,
    dsaEncoding: 'der',
  }).toString('base64');
  return t.request({
    method: 'POST',
    url: '/api/v1/keys/leaked',
    headers: {
      'content-type': 'application/json',
      'github-public-key-identifier': options.keyId ?? KEY_ID,
      'github-public-key-signature': signature,
    },
    payload: options.tamper ? body.replace('github.com', 'gitlab.com') : body,
    remoteAddress: options.ip ?? '192.0.2.10',
  });
}

const createKey = async (name: string) => {
  const res = await a.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(owner.accessToken, ws),
    payload: { name, scopes: ['read'] },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json as { id: string; secret: string };
};
const me = (t: TestApp, secret: string) => t.request({ method: 'GET', url: '/api/v1/me', headers: keyBearer(secret) });
const sha = (token: string) => createHash('sha256').update(token).digest('hex');

test('a signed report revokes the live key on a second instance within 1 s, emails the owners and is audited', async () => {
  const leaked = await createKey('Leaked in a gist');
  assert.equal((await me(b, leaked.secret)).statusCode, 200, 'B has the key cached');
  const url = 'https://github.com/acme/app/blob/abc/config.js';
  const res = await report(a, [{ token: leaked.secret, type: 'woes_api_key', url, source: 'commit' }]);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json, [{ token_hash: sha(leaked.secret), token_type: 'woes_api_key', label: 'true_positive' }]);
  assert.equal((await me(a, leaked.secret)).statusCode, 401, 'A still accepts the leaked key');
  await within(1000, async () => (await me(b, leaked.secret)).statusCode === 401);

  const shown = await a.request({
    method: 'GET',
    url: `/api/v1/keys/${leaked.id}`,
    headers: bearer(owner.accessToken, ws),
  });
  assert.ok(shown.json.revokedAt, 'the key is revoked, not just refused');
  const [event] = await a.app.woes.audit.list(a.app.woes.db, ws, { type: 'key.leaked' }, { limit: 1, before: null });
  assert.equal(event.target?.id, leaked.id);
  assert.equal((event.data as { url: string }).url, url);
  assert.ok(!JSON.stringify(event).includes(leaked.secret), 'the audit event carries the secret');

  const mail = await waitFor(() =>
    outbox(a).find((m) => m.to.includes('leak-owner@example.com') && /leaked API key/.test(m.subject)),
  );
  assert.match(mail.text, /Leaked in a gist/);
  assert.ok(mail.text.includes(url), 'the email says where the key was found');
  assert.ok(!mail.text.includes(leaked.secret), 'the email carries the secret');
});

test('a leaked key takes the keys it created with it, on every instance, audited as the scanner', async () => {
  const parent = await a.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(owner.accessToken, ws),
    payload: { name: 'Leaked parent', scopes: ['keys.write', 'conversations.read'] },
  });
  assert.equal(parent.statusCode, 201, parent.body);
  const made = await a.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: keyBearer(parent.json.secret),
    payload: { name: 'Made by the leaked key', scopes: ['conversations.read'] },
  });
  assert.equal(made.statusCode, 201, made.body);
  assert.equal((await me(b, made.json.secret)).statusCode, 200, 'B has the child cached');
  const url = 'https://github.com/acme/app/blob/def/.env';
  const res = await report(a, [{ token: parent.json.secret, type: 'woes_api_key', url, source: 'commit' }]);
  assert.equal(res.json[0].label, 'true_positive');
  assert.equal((await me(a, made.json.secret)).statusCode, 401);
  await within(1000, async () => (await me(b, made.json.secret)).statusCode === 401);
  const events = await a.app.woes.audit.list(a.app.woes.db, ws, { type: 'key.revoked' }, { limit: 50, before: null });
  const event = events.find((e) => e.target?.id === made.json.id);
  assert.ok(event, 'the child has its own key.revoked event');
  assert.equal(event.actor.type, 'secret_scanning');
  assert.deepEqual(
    { reason: (event.data as any).reason, parentKeyId: (event.data as any).parentKeyId },
    { reason: 'parent_revoked', parentKeyId: parent.json.id },
  );
});

test('a bad signature, an unknown signing key or no signature is 401 and revokes nothing', async () => {
  const safe = await createKey('Not leaked');
  const candidates = [{ token: safe.secret, type: 'woes_api_key', url: 'https://github.com/x', source: 'content' }];
  for (const attempt of [
    report(a, candidates, { tamper: true }),
    report(a, candidates, { privateKey: stranger.privateKey }),
    report(a, candidates, { keyId: 'not-a-configured-key' }),
    a.request({ method: 'POST', url: '/api/v1/keys/leaked', payload: candidates }),
  ]) {
    const res = await attempt;
    assert.equal(res.statusCode, 401, res.body);
    assert.equal(res.json.code, 'unauthorized');
  }
  // An unsigned malformed body learns nothing either: the signature is checked first.
  const junk = await a.request({ method: 'POST', url: '/api/v1/keys/leaked', payload: { not: 'an array' } });
  assert.equal(junk.statusCode, 401);
  assert.equal((await me(a, safe.secret)).statusCode, 200, 'an unverified report revoked a key');
});

test('a signed report holding the NUL character is 400 invalid_request and revokes nothing; unsigned it is 401', async () => {
  const live = await createKey('Named in a NUL report');
  const candidates = [
    { token: live.secret, type: 'woes_api_key', url: 'https://github.com/a\u0000b', source: 'commit' },
  ];
  const res = await report(a, candidates, { ip: '192.0.2.77' });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json.code, 'invalid_request');
  assert.deepEqual(res.json.details, [
    { path: '/body/0/url', message: 'contains the NUL character, which cannot be stored' },
  ]);
  assert.ok(!res.body.includes(live.secret), 'the refusal echoes the token');
  assert.equal((await me(a, live.secret)).statusCode, 200, 'a refused report revoked a key');
  const unsigned = await a.request({
    method: 'POST',
    url: '/api/v1/keys/leaked',
    payload: candidates,
    remoteAddress: '192.0.2.77',
  });
  assert.equal(unsigned.statusCode, 401, 'the signature is checked first');
});

test('unknown, malformed, revoked and expired tokens all answer false_positive and nothing else', async () => {
  const revoked = await createKey('Already revoked');
  await a.request({ method: 'DELETE', url: `/api/v1/keys/${revoked.id}`, headers: bearer(owner.accessToken, ws) });
  const expired = await createApiKey(a, ws, ['read'], { expiresAt: Date.now() - 1000 });
  const unknown = generateApiKey();
  const tokens = [
    unknown,
    unknown.slice(0, -1) + (unknown.endsWith('A') ? 'B' : 'A'),
    'woesk_short',
    'ghp_notours',
    revoked.secret,
    expired.secret,
  ];
  const res = await report(
    a,
    tokens.map((token) => ({ token, type: 'woes_api_key', url: '', source: 'unknown' })),
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json,
    tokens.map((token) => ({ token_hash: sha(token), token_type: 'woes_api_key', label: 'false_positive' })),
  );
  for (const token of tokens) assert.ok(!res.body.includes(token), 'the answer echoes a token');
  const bad = await report(a, [{ token: 'x' }]);
  assert.equal(bad.statusCode, 400, 'a signed but malformed report is a 400');
});

test('reports are rate-limited per IP', async () => {
  const t = await createTestApp({
    env: { WOES_LEAK_REPORT_PUBLIC_KEYS: PUBLIC_KEYS },
    deps: { rateRules: { leakReport: { points: 2, durationMs: 60_000 } } },
  });
  try {
    const candidates = [{ token: generateApiKey(), type: 'woes_api_key', url: '', source: 'content' }];
    assert.equal((await report(t, candidates, { ip: '198.51.100.1' })).statusCode, 200);
    assert.equal((await report(t, candidates, { ip: '198.51.100.1' })).statusCode, 200);
    const limited = await report(t, candidates, { ip: '198.51.100.1' });
    assert.equal(limited.statusCode, 429);
    assert.ok(limited.headers['retry-after']);
    assert.equal(
      (await report(t, candidates, { ip: '198.51.100.2' })).statusCode,
      200,
      'another IP has its own budget',
    );
  } finally {
    await t.close();
  }
});
