import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { routeTable } from '../security/route-table.js';
import { signUp } from '../accounts/helpers.js';

// Issue #11 item 7, SPEC §9: every /api/v1 response is `Cache-Control: no-store`, above all the
// ones that carry a token or a secret, so no browser cache or proxy keeps them.
let t: TestApp;
let session: { accessToken: string; refreshToken: string; workspaceId: string | null };

before(async () => {
  t = await createTestApp();
  session = await signUp(t, 'owner@no-store.test', { workspaceName: 'No store' });
});
after(() => t.close());

function auth(): Record<string, string> {
  return { authorization: `Bearer ${session.accessToken}`, 'x-workspace-id': session.workspaceId! };
}

test('responses that carry a token or a secret are no-store', async () => {
  const signIn = await t.request({
    method: 'POST',
    url: '/api/v1/auth/session',
    payload: { provider: 'local', email: 'owner@no-store.test', password: 'correct horse battery staple' },
  });
  assert.equal(signIn.statusCode, 200);
  const refreshed = await t.request({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    payload: { refreshToken: signIn.json.refreshToken },
  });
  assert.equal(refreshed.statusCode, 200);
  session = { ...session, accessToken: refreshed.json.accessToken };
  const key = await t.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: auth(),
    payload: { name: 'k', scopes: ['read'] },
  });
  assert.equal(key.statusCode, 201);
  const rolled = await t.request({
    method: 'POST',
    url: `/api/v1/keys/${key.json.id}/roll`,
    headers: auth(),
    payload: { expiresIn: 0 },
  });
  assert.equal(rolled.statusCode, 201);
  const widget = await t.request({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: auth(),
    payload: { name: 'site', allowedOrigins: ['https://a.example'] },
  });
  assert.equal(widget.statusCode, 201);
  const invite = await t.request({
    method: 'POST',
    url: '/api/v1/invites',
    headers: auth(),
    payload: { email: 'new@no-store.test', role: 'agent' },
  });
  assert.equal(invite.statusCode, 201);
  const list = await t.request({ method: 'GET', url: '/api/v1/keys', headers: auth() });
  for (const [name, response] of Object.entries({ signIn, refreshed, key, rolled, widget, invite, list })) {
    assert.equal(response.headers['cache-control'], 'no-store', name);
  }
});

test('every /api/v1 route answers no-store, whatever the status', async () => {
  const routes = routeTable(t.app);
  assert.ok(routes.length > 30, 'the route table is empty');
  for (const route of routes) {
    const url = route.url.replace(/:[A-Za-z0-9_]+/g, 'x_1');
    for (const headers of [{}, auth()]) {
      const response = await t.request({
        method: route.method as 'GET',
        url,
        headers,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      assert.equal(
        response.headers['cache-control'],
        'no-store',
        `${route.method} ${route.url} → ${response.statusCode}`,
      );
    }
  }
  const unknown = await t.request({ method: 'GET', url: '/api/v1/no-such-thing' });
  assert.equal(unknown.headers['cache-control'], 'no-store');
});
