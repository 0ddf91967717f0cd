import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, signUp } from '../accounts/helpers.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('owners manage keys with a session; agents cannot; /me describes a session', async () => {
  const owner = await signUp(t, 'owner-keys@example.com', { workspaceName: 'Keys Inc' });
  const workspace = owner.workspaceId!;
  assert.ok(workspace);
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(owner.accessToken, workspace),
    payload: { name: 'From the app', scopes: ['read'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json.createdBy, { type: 'user', id: owner.userId });
  assert.equal(
    (await t.request({ method: 'GET', url: '/api/v1/keys', headers: bearer(owner.accessToken, workspace) })).statusCode,
    200,
  );
  // With a session the workspace must be named.
  const unnamed = await t.request({ method: 'GET', url: '/api/v1/keys', headers: bearer(owner.accessToken) });
  assert.equal(unnamed.statusCode, 400);

  const meNoWorkspace = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(owner.accessToken) });
  assert.equal(meNoWorkspace.statusCode, 200);
  assert.equal(meNoWorkspace.json.type, 'session');
  assert.equal(meNoWorkspace.json.workspace, null);
  assert.equal(meNoWorkspace.json.user.id, owner.userId);
  const meInWorkspace = await t.request({
    method: 'GET',
    url: '/api/v1/me',
    headers: bearer(owner.accessToken, workspace),
  });
  assert.deepEqual(meInWorkspace.json.workspace, { id: workspace, name: 'Keys Inc', plan: 'pro' });
  assert.ok(meInWorkspace.json.scopes.includes('keys.write'));
  assert.equal(meInWorkspace.json.keyId, undefined);

  const agent = await signUp(t, 'agent-keys@example.com');
  await t.app.woes.db
    .insertInto('memberships')
    .values({ workspaceId: workspace, userId: agent.userId, role: 'agent', createdAt: Date.now() })
    .execute();
  for (const [method, url, payload] of [
    ['POST', '/api/v1/keys', { name: 'nope', scopes: ['read'] }],
    ['GET', '/api/v1/keys', undefined],
    ['DELETE', `/api/v1/keys/${created.json.id}`, undefined],
    ['POST', '/api/v1/widget-keys', { name: 'nope', allowedOrigins: ['https://a.example'] }],
  ] as const) {
    const response = await t.request({ method, url, headers: bearer(agent.accessToken, workspace), payload });
    assert.equal(response.statusCode, 403, `${method} ${url}`);
    assert.equal(response.json.code, 'insufficient_scope');
  }
  assert.ok(!t.logs.text.includes(created.json.secret));
});
