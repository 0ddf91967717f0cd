import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { TestClock } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { generateApiKey, encodeChecksum, crc32 } from '../../src/keys/key-format.js';
import { ALL_SCOPES } from '../../src/scopes/scopes.js';
import { createCountingTestApp } from './helpers.js';

/** A route per catalogue scope, so every preset/alias boundary can be probed. */
function probeRoutes(app: FastifyInstance): void {
  for (const scope of ALL_SCOPES) {
    app.get(`/probe/${scope}`, { config: { auth: { scope } } }, async () => ({ ok: true }));
  }
}

const clock = new TestClock(Date.UTC(2026, 0, 10, 12));
let t: Awaited<ReturnType<typeof createCountingTestApp>>;
let workspace: string;

before(async () => {
  t = await createCountingTestApp({ clock, beforeReady: probeRoutes });
  workspace = await createWorkspace(t, { name: 'Acme' });
});
after(() => t.close());

const me = (secret: string, extra: Record<string, string> = {}) =>
  t.request({ method: 'GET', url: '/api/v1/me', headers: { ...bearer(secret), ...extra } });

test('GET /me describes the key; a warm verification makes no database query', async () => {
  const key = await createApiKey(t, workspace, ['tickets.read']);
  const first = await me(key.secret);
  assert.equal(first.statusCode, 200);
  assert.deepEqual(first.json, {
    type: 'api_key',
    workspace: { id: workspace, name: 'Acme', plan: 'pro' },
    scopes: ['conversations.read', 'messages.read'],
    keyId: key.id,
  });
  const before = t.queries.count;
  for (let i = 0; i < 5; i++) {
    // A warm answer is the body the route's schema serialized for the first call, byte for byte.
    const warm = await me(key.secret);
    assert.equal(warm.statusCode, 200);
    assert.equal(warm.body, first.body);
    assert.equal(warm.headers['content-type'], first.headers['content-type']);
  }
  assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(t.queries.count, before, 'warm verification touched the database');
  // Another key of the workspace gets its own answer.
  const other = await createApiKey(t, workspace, ['read']);
  for (let i = 0; i < 2; i++) assert.equal((await me(other.secret)).json.keyId, other.id);
  assert.equal((await me(key.secret)).json.keyId, key.id);
});

test('a bad checksum, a wrong prefix or a malformed key is 401 without any database query', async () => {
  const good = generateApiKey();
  const badChecksum = good.slice(0, 38) + encodeChecksum((crc32(good.slice(0, 38)) + 1) >>> 0);
  const start = t.queries.count;
  for (const token of [badChecksum, good.slice(0, 43), 'woesk_short', 'woesk_' + '!'.repeat(38)]) {
    const response = await me(token);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json.code, 'unauthorized');
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="woes", error="invalid_token"');
  }
  assert.equal(t.queries.count, start, 'a malformed key reached the database');
});

test('an unknown well-formed key is 401 and cached as unknown (one query, then none)', async () => {
  const unknown = generateApiKey();
  const start = t.queries.count;
  assert.equal((await me(unknown)).json.code, 'unauthorized');
  assert.equal(t.queries.count, start + 1);
  assert.equal((await me(unknown)).json.code, 'unauthorized');
  assert.equal(t.queries.count, start + 1, 'negative entry not cached');
});

test('no credential is 401 with a bare challenge; a key in the query string is refused', async () => {
  const key = await createApiKey(t, workspace, ['read']);
  const none = await t.request({ method: 'GET', url: '/api/v1/me' });
  assert.equal(none.statusCode, 401);
  assert.equal(none.json.code, 'unauthorized');
  assert.equal(none.headers['www-authenticate'], 'Bearer realm="woes"');
  for (const url of [
    `/api/v1/me?api_key=${key.secret}`,
    `/api/v1/me?x=${key.secret}`,
    `/api/v1/me?access_token=${key.secret}`,
  ]) {
    const response = await t.request({ method: 'GET', url });
    assert.equal(response.statusCode, 401, url);
    assert.equal(response.json.code, 'unauthorized');
  }
  // Even alongside a valid header, a key in the URL is refused.
  const both = await t.request({ method: 'GET', url: `/api/v1/me?api_key=${key.secret}`, headers: bearer(key.secret) });
  assert.equal(both.statusCode, 401);
});

test('a widget key presented as a server key is 401', async () => {
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: bearer((await createApiKey(t, workspace, ['admin'])).secret),
    payload: { name: 'site', allowedOrigins: ['https://example.com'] },
  });
  assert.equal(created.statusCode, 201);
  const response = await me(created.json.key);
  assert.equal(response.statusCode, 401);
  assert.equal(response.json.code, 'unauthorized');
});

test('an expired key is 401 key_expired, audited once per hour; a revoked one is 401 unauthorized', async () => {
  const key = await createApiKey(t, workspace, ['read'], { expiresAt: clock.now() + 60_000 });
  assert.equal((await me(key.secret)).statusCode, 200);
  clock.advance(60_000);
  for (let i = 0; i < 3; i++) {
    const response = await me(key.secret);
    assert.equal(response.statusCode, 401);
    assert.equal(response.json.code, 'key_expired');
  }
  const audited = () =>
    t.app.woes.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('type', '=', 'key.expired_used')
      .where('targetId', '=', key.id)
      .execute();
  assert.equal((await audited()).length, 1);
  clock.advance(60 * 60 * 1000 + 1);
  assert.equal((await me(key.secret)).json.code, 'key_expired');
  assert.equal((await audited()).length, 2);

  const admin = await createApiKey(t, workspace, ['admin']);
  const victim = await createApiKey(t, workspace, ['read']);
  assert.equal((await me(victim.secret)).statusCode, 200);
  const revoked = await t.request({
    method: 'DELETE',
    url: `/api/v1/keys/${victim.id}`,
    headers: bearer(admin.secret),
  });
  assert.equal(revoked.statusCode, 204);
  const next = await me(victim.secret);
  assert.equal(next.statusCode, 401, 'revoked key accepted on the next request');
  assert.equal(next.json.code, 'unauthorized');
});

test('a workspace without API access answers 403 plan_required', async () => {
  const free = await createWorkspace(t, { plan: 'free' });
  const key = await createApiKey(t, free, ['admin']);
  const response = await me(key.secret);
  assert.equal(response.statusCode, 403);
  assert.equal(response.json.code, 'plan_required');
});

test('x-workspace-id naming another workspace is 403 forbidden', async () => {
  const key = await createApiKey(t, workspace, ['read']);
  const other = await createWorkspace(t);
  const response = await me(key.secret, { 'x-workspace-id': other });
  assert.equal(response.statusCode, 403);
  assert.equal(response.json.code, 'forbidden');
  assert.equal((await me(key.secret, { 'x-workspace-id': workspace })).statusCode, 200);
});

test('insufficient_scope at every preset and alias boundary, with requiredScopes and the RFC 6750 challenge', async () => {
  const grants: Record<string, string[]> = {
    read: [
      'workspace.read',
      'conversations.read',
      'messages.read',
      'customers.read',
      'sources.read',
      'agents.read',
      'channels.read',
      'webhooks.read',
    ],
    write: ['workspace', 'conversations', 'messages', 'customers', 'sources', 'agents', 'channels', 'webhooks'].flatMap(
      (c) => [`${c}.read`, `${c}.write`],
    ),
    admin: [...ALL_SCOPES],
    'tickets.read': ['conversations.read', 'messages.read'],
    'tickets.write': ['conversations.read', 'conversations.write', 'messages.read', 'messages.write'],
    'contacts.read': ['customers.read'],
    'contacts.write': ['customers.read', 'customers.write'],
    'keys.write': ['keys.read', 'keys.write'],
  };
  for (const [grant, allowed] of Object.entries(grants)) {
    const key = await createApiKey(t, workspace, [grant]);
    for (const scope of ALL_SCOPES) {
      const response = await t.request({ method: 'GET', url: `/probe/${scope}`, headers: bearer(key.secret) });
      if (allowed.includes(scope)) {
        assert.equal(response.statusCode, 200, `${grant} should allow ${scope}`);
      } else {
        assert.equal(response.statusCode, 403, `${grant} should not allow ${scope}`);
        assert.equal(response.json.code, 'insufficient_scope');
        assert.deepEqual(response.json.requiredScopes, [scope]);
        assert.equal(
          response.headers['www-authenticate'],
          `Bearer realm="woes", error="insufficient_scope", scope="${scope}"`,
        );
      }
    }
  }
});

test('usage is buffered in memory and flushed in one batch (counts, last use, IP, user agent)', async () => {
  const key = await createApiKey(t, workspace, ['read']);
  for (let i = 0; i < 4; i++) await me(key.secret, { 'user-agent': 'sync-job/1.0' });
  const stored = () => t.app.woes.db.selectFrom('keyUsageDaily').selectAll().where('keyId', '=', key.id).execute();
  assert.deepEqual(await stored(), [], 'usage written on the hot path');
  await t.app.close();
  // close() flushed the buffer; reopen a view on the same database to read it.
  const rows = await t.storage.db.selectFrom('keyUsageDaily').selectAll().where('keyId', '=', key.id).execute();
  assert.equal(rows.length, 1);
  assert.equal(Number(rows[0].count), 4);
  const row = await t.storage.db.selectFrom('apiKeys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
  assert.equal(row.lastUsedUserAgent, 'sync-job/1.0');
  assert.equal(row.lastUsedIp, '127.0.0.1');
  assert.equal(Number(row.lastUsedAt), clock.now());
});
