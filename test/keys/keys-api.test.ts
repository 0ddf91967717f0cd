import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { findActiveWidgetKey } from '../../src/keys/widget-keys-service.js';

const clock = new TestClock(Date.UTC(2026, 2, 1, 9));
let t: TestApp;
let workspace: string;
let admin: { id: string; secret: string };
/** Every secret this file makes: none may appear in a log line, an audit event or a later response. */
const secrets: string[] = [];

before(async () => {
  t = await createTestApp({ clock });
  workspace = await createWorkspace(t);
  admin = await issue(t, workspace, ['admin']);
});
after(() => t.close());

async function issue(...args: Parameters<typeof createApiKey>): Promise<{ id: string; secret: string }> {
  const key = await createApiKey(...args);
  secrets.push(key.secret);
  return key;
}

async function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, secret: string, payload?: unknown) {
  const response = await t.request({
    method,
    url: `/api/v1${url}`,
    headers: bearer(secret),
    payload: payload as object,
  });
  if (response.json?.secret) secrets.push(response.json.secret);
  if (response.json?.key) secrets.push(response.json.key);
  return response;
}

test('create → 201 with the secret once; get, list and rename never show it', async () => {
  await issue(t, workspace, ['read'], { name: 'older' });
  const created = await api('POST', '/keys', admin.secret, {
    name: 'Zapier',
    scopes: ['tickets.write', 'contacts.read'],
  });
  assert.equal(created.statusCode, 201);
  assert.equal(created.headers['cache-control'], 'no-store');
  const key = created.json;
  assert.match(key.secret, /^woesk_[0-9A-Za-z]{38}$/);
  assert.equal(key.start, key.secret.slice(0, 10));
  assert.equal(key.last4, key.secret.slice(-4));
  assert.deepEqual(key.scopes, [
    'conversations.read',
    'conversations.write',
    'messages.read',
    'messages.write',
    'customers.read',
  ]);
  assert.deepEqual(key.createdBy, { type: 'api_key', id: admin.id });
  assert.equal(key.expiresAt, null);
  assert.equal(key.stale, false);

  const got = await api('GET', `/keys/${key.id}`, admin.secret);
  assert.equal(got.statusCode, 200);
  assert.equal(got.json.secret, undefined);
  assert.equal(got.json.name, 'Zapier');

  const renamed = await api('PATCH', `/keys/${key.id}`, admin.secret, { name: 'Zapier (prod)' });
  assert.equal(renamed.statusCode, 200);
  assert.equal(renamed.json.name, 'Zapier (prod)');
  // Renaming keeps the key working.
  assert.equal((await api('GET', '/me', key.secret)).statusCode, 200);

  const list = await api('GET', '/keys?limit=2', admin.secret);
  assert.equal(list.statusCode, 200);
  assert.equal(list.json.data.length, 2);
  assert.equal(list.json.data[0].id, key.id, 'newest first');
  assert.ok(list.json.nextCursor);
  const rest = await api('GET', `/keys?cursor=${list.json.nextCursor}`, admin.secret);
  assert.ok(rest.json.data.every((k: { id: string }) => k.id !== key.id));
  for (const response of [got, renamed, list, rest]) {
    for (const secret of secrets) assert.ok(!response.body.includes(secret), 'a later response shows a secret');
  }
});

test('PATCH accepts only the name: scopes or unknown fields are 400', async () => {
  const key = await issue(t, workspace, ['read']);
  for (const payload of [
    { scopes: ['admin'] },
    { name: 'x', scopes: ['admin'] },
    { workspaceId: 'ws_x' },
    { name: '' },
  ]) {
    const response = await api('PATCH', `/keys/${key.id}`, admin.secret, payload);
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.equal(response.json.code, 'invalid_request');
  }
});

test('create validation: unknown scope lists the valid ones; expiry must be in the future; not both', async () => {
  const unknown = await api('POST', '/keys', admin.secret, { name: 'x', scopes: ['read', 'tickets.delete'] });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json.code, 'invalid_request');
  // One detail per unknown entry, at its index in the body, as schema errors point at array items.
  assert.equal(unknown.json.details.length, 1);
  assert.equal(unknown.json.details[0].path, '/body/scopes/1');
  assert.match(unknown.json.details[0].message, /^unknown scope "tickets\.delete"; valid: .*conversations\.read/);
  const cases = [
    { name: 'x', scopes: ['read'], expiresIn: 0 },
    { name: 'x', scopes: ['read'], expiresIn: -5 },
    { name: 'x', scopes: ['read'], expiresAt: new Date(clock.now() - 1000).toISOString() },
    { name: 'x', scopes: ['read'], expiresAt: 'tomorrow' },
    { name: 'x', scopes: ['read'], expiresAt: new Date(clock.now() + 60_000).toISOString(), expiresIn: 60 },
    { name: 'x', scopes: [] },
    { name: 'x' },
    { scopes: ['read'] },
    { name: 'x', scopes: ['read'], extra: true },
  ];
  for (const payload of cases) {
    const response = await api('POST', '/keys', admin.secret, payload);
    assert.equal(response.statusCode, 400, JSON.stringify(payload));
    assert.equal(response.json.code, 'invalid_request');
  }
  const inOneHour = await api('POST', '/keys', admin.secret, { name: 'x', scopes: ['read'], expiresIn: 3600 });
  assert.equal(inOneHour.statusCode, 201);
  assert.equal(inOneHour.json.expiresAt, new Date(clock.now() + 3600_000).toISOString());
  const at = new Date(clock.now() + 86_400_000).toISOString();
  assert.equal(
    (await api('POST', '/keys', admin.secret, { name: 'x', scopes: ['read'], expiresAt: at })).json.expiresAt,
    at,
  );
});

test('a key creates keys only within its own scopes, and only with keys.write', async () => {
  const manager = await issue(t, workspace, ['tickets.write', 'keys.write']);
  const ok = await api('POST', '/keys', manager.secret, { name: 'sub', scopes: ['tickets.read'] });
  assert.equal(ok.statusCode, 201);
  const wider = await api('POST', '/keys', manager.secret, { name: 'sub', scopes: ['tickets.read', 'contacts.read'] });
  assert.equal(wider.statusCode, 403);
  assert.equal(wider.json.code, 'insufficient_scope');
  assert.deepEqual(wider.json.requiredScopes, ['customers.read']);
  assert.equal(wider.json.error, 'This credential lacks the scope customers.read.');
  const adminPreset = await api('POST', '/keys', manager.secret, { name: 'sub', scopes: ['admin'] });
  assert.equal(adminPreset.json.code, 'insufficient_scope');
  // Every missing scope is needed, and the sentence says so ("and", not "or").
  const missing = adminPreset.json.requiredScopes as string[];
  assert.ok(missing.includes('workspace.read') && missing.includes('audit.read') && !missing.includes('keys.write'));
  assert.equal(
    adminPreset.json.error,
    `This credential lacks the scopes ${missing.slice(0, -1).join(', ')} and audit.read; all of them are needed.`,
  );
  // Rolling or revoking a broader key would hand over (or take away) power the caller lacks.
  const broad = await issue(t, workspace, ['write']);
  assert.equal(
    (await api('POST', `/keys/${broad.id}/roll`, manager.secret, { expiresIn: 0 })).json.code,
    'insufficient_scope',
  );
  assert.equal((await api('DELETE', `/keys/${broad.id}`, manager.secret)).json.code, 'insufficient_scope');

  const writer = await issue(t, workspace, ['write']);
  const refused = await api('POST', '/keys', writer.secret, { name: 'sub', scopes: ['read'] });
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(refused.json.requiredScopes, ['keys.write']);
  const reader = await issue(t, workspace, ['keys.read']);
  assert.equal((await api('GET', '/keys', reader.secret)).statusCode, 200);
  assert.equal((await api('DELETE', `/keys/${writer.id}`, reader.secret)).json.code, 'insufficient_scope');
});

test('roll: a new key with the same name and scopes; the old one works until expiresIn, both linked', async () => {
  const old = await issue(t, workspace, ['tickets.read'], { name: 'Warehouse sync' });
  for (const expiresIn of [-1, 604_801, 1.5]) {
    assert.equal((await api('POST', `/keys/${old.id}/roll`, admin.secret, { expiresIn })).statusCode, 400);
  }
  assert.equal((await api('POST', `/keys/${old.id}/roll`, admin.secret, {})).statusCode, 400);
  const rolled = await api('POST', `/keys/${old.id}/roll`, admin.secret, { expiresIn: 3600 });
  assert.equal(rolled.statusCode, 201);
  assert.equal(rolled.json.name, 'Warehouse sync');
  assert.deepEqual(rolled.json.scopes, ['conversations.read', 'messages.read']);
  assert.equal(rolled.json.rolledFrom, old.id);
  assert.notEqual(rolled.json.secret, old.secret);
  const oldView = (await api('GET', `/keys/${old.id}`, admin.secret)).json;
  assert.equal(oldView.rolledTo, rolled.json.id);
  assert.equal(oldView.expiresAt, new Date(clock.now() + 3600_000).toISOString());

  assert.equal((await api('GET', '/me', old.secret)).statusCode, 200, 'old key stops too early');
  assert.equal((await api('GET', '/me', rolled.json.secret)).statusCode, 200);
  clock.advance(3600_000);
  assert.equal((await api('GET', '/me', old.secret)).json.code, 'key_expired');
  assert.equal((await api('GET', '/me', rolled.json.secret)).statusCode, 200);
  const again = await api('POST', `/keys/${old.id}/roll`, admin.secret, { expiresIn: 0 });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json.id, rolled.json.id);

  // expiresIn 0: the old key is refused on the very next request.
  const next = await api('POST', `/keys/${rolled.json.id}/roll`, admin.secret, { expiresIn: 0 });
  assert.equal(next.statusCode, 201);
  assert.equal((await api('GET', '/me', rolled.json.secret)).json.code, 'key_expired');
  const events = await t.app.woes.db.selectFrom('auditEvents').select('type').where('targetId', '=', old.id).execute();
  assert.ok(events.some((e) => e.type === 'key.rolled'));
});

test('revoke is 204, idempotent, audited; a revoked key cannot be rolled', async () => {
  const key = await issue(t, workspace, ['read']);
  assert.equal((await api('GET', '/me', key.secret)).statusCode, 200);
  assert.equal((await api('DELETE', `/keys/${key.id}`, admin.secret)).statusCode, 204);
  assert.equal((await api('GET', '/me', key.secret)).json.code, 'unauthorized');
  assert.equal((await api('DELETE', `/keys/${key.id}`, admin.secret)).statusCode, 204);
  assert.equal((await api('POST', `/keys/${key.id}/roll`, admin.secret, { expiresIn: 0 })).statusCode, 409);
  const view = (await api('GET', `/keys/${key.id}`, admin.secret)).json;
  assert.ok(view.revokedAt);
  const events = await t.app.woes.db.selectFrom('auditEvents').select('type').where('targetId', '=', key.id).execute();
  assert.deepEqual(
    events.map((e) => e.type).filter((type) => type === 'key.revoked'),
    ['key.revoked'],
  );
});

test('usage: 30 days of counts plus the last use; stale after 90 days unused', async () => {
  const key = await issue(t, workspace, ['read']);
  for (let i = 0; i < 3; i++)
    await t.request({ method: 'GET', url: '/api/v1/me', headers: { ...bearer(key.secret), 'user-agent': 'cron/2' } });
  const usage = await api('GET', `/keys/${key.id}/usage`, admin.secret);
  assert.equal(usage.statusCode, 200);
  assert.equal(usage.json.days.length, 30);
  assert.equal(usage.json.days.at(-1).requests, 3);
  assert.equal(usage.json.totalRequests, 3);
  assert.equal(usage.json.lastUsedUserAgent, 'cron/2');
  assert.equal(usage.json.lastUsedAt, new Date(clock.now()).toISOString());
  assert.equal(
    (await api('GET', `/keys/${key.id}`, admin.secret)).json.lastUsedAt,
    new Date(clock.now()).toISOString(),
  );

  const idle = await issue(t, workspace, ['read']);
  clock.advance(91 * 24 * 3600_000);
  assert.equal((await api('GET', `/keys/${idle.id}`, admin.secret)).json.stale, true);
  assert.equal((await api('GET', `/keys/${admin.id}`, admin.secret)).json.stale, false, 'a key in use is not stale');
});

test('widget keys: origins validated, key shown once, list and revoke', async () => {
  for (const allowedOrigins of [
    ['example.com'],
    ['https://example.com/path'],
    ['ftp://example.com'],
    ['https://*.example.com'],
    [],
  ]) {
    const response = await api('POST', '/widget-keys', admin.secret, { name: 'site', allowedOrigins });
    assert.equal(response.statusCode, 400, JSON.stringify(allowedOrigins));
  }
  const created = await api('POST', '/widget-keys', admin.secret, {
    name: 'site',
    allowedOrigins: ['https://Example.com', 'http://localhost:5173'],
  });
  assert.equal(created.statusCode, 201);
  assert.match(created.json.key, /^woespk_[0-9A-Za-z]{24}$/);
  assert.deepEqual(created.json.allowedOrigins, ['https://example.com', 'http://localhost:5173']);
  const found = await findActiveWidgetKey(t.app.woes.db, created.json.key);
  assert.deepEqual(found, {
    id: created.json.id,
    workspaceId: workspace,
    allowedOrigins: created.json.allowedOrigins,
    mobile: false,
  });
  const list = await api('GET', '/widget-keys', admin.secret);
  assert.equal(list.json.data[0].id, created.json.id);
  assert.ok(!list.body.includes(created.json.key));
  assert.equal((await api('DELETE', `/widget-keys/${created.json.id}`, admin.secret)).statusCode, 204);
  assert.ok((await api('GET', '/widget-keys', admin.secret)).json.data[0].revokedAt);
  assert.equal(await findActiveWidgetKey(t.app.woes.db, created.json.key), null);
});

test("workspace isolation: another workspace's keys are 404 and never listed", async () => {
  const other = await createWorkspace(t);
  const otherAdmin = await issue(t, other, ['admin']);
  const mine = await issue(t, workspace, ['read']);
  const widget = await api('POST', '/widget-keys', admin.secret, {
    name: 'site',
    allowedOrigins: ['https://a.example'],
  });
  for (const [method, url, payload] of [
    ['GET', `/keys/${mine.id}`],
    ['PATCH', `/keys/${mine.id}`, { name: 'pwned' }],
    ['DELETE', `/keys/${mine.id}`],
    ['POST', `/keys/${mine.id}/roll`, { expiresIn: 0 }],
    ['GET', `/keys/${mine.id}/usage`],
    ['DELETE', `/widget-keys/${widget.json.id}`],
    ['GET', '/keys/not-a-key-id'],
  ] as const) {
    const response = await api(method, url, otherAdmin.secret, payload);
    assert.equal(response.statusCode, 404, `${method} ${url}`);
    assert.equal(response.json.code, 'not_found');
  }
  const list = await api('GET', '/keys?limit=100', otherAdmin.secret);
  assert.deepEqual(
    list.json.data.map((k: { id: string }) => k.id),
    [otherAdmin.id],
  );
  assert.equal((await api('GET', '/me', mine.secret)).statusCode, 200, 'the other workspace changed my key');
});

test('no secret in any log line or audit event', async () => {
  await t.request({ method: 'GET', url: `/api/v1/me?api_key=${admin.secret}` });
  const audit = await t.app.woes.db.selectFrom('auditEvents').selectAll().execute();
  const auditText = JSON.stringify(audit);
  assert.ok(audit.some((e) => e.type === 'key.created'));
  assert.ok(secrets.length > 20);
  for (const secret of secrets) {
    assert.ok(
      !t.logs.text.includes(secret),
      `a secret reached the log: ${t.logs.lines.find((l) => l.includes(secret))}`,
    );
    assert.ok(!auditText.includes(secret), 'a secret reached the audit log');
    assert.ok(!auditText.includes(secret.slice(10)), 'the secret part reached the audit log');
  }
  const stored = JSON.stringify(await t.app.woes.db.selectFrom('apiKeys').selectAll().execute());
  for (const secret of secrets) assert.ok(!stored.includes(secret.slice(10)), 'a secret is stored in clear');
});
