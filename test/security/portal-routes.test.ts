import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signUp } from '../accounts/helpers.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { customerWithConversation, openSession, portalAuth } from '../portal/helpers.js';
import { exampleBody, requiredQuery, routeTable, type RouteEntry } from './route-table.js';

/**
 * The portal's half of the shared security suite: a real portal session opens no route outside
 * /api/v1/portal/ (read from the router, so later routes are covered unlisted), and no other
 * credential opens a portal route.
 */
let t: TestApp;
let a: Tenant;
let doc: any;
let portalToken: string;
let conversationId: string;
let agentSession: string;

let ipCounter = 1;
const freshIp = () => `10.9.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
const PORTAL_AUTHED = (route: RouteEntry) =>
  (route.url.startsWith('/api/v1/portal/') &&
    !['/api/v1/portal/magic-link', '/api/v1/portal/session'].includes(route.url)) ||
  (route.method === 'DELETE' && route.url === '/api/v1/portal/session');

async function send(route: RouteEntry, headers: Record<string, string>) {
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (exampleBody(doc, route) ?? {});
  return t.request({
    method: route.method as 'GET',
    url: route.url.replace(/:[A-Za-z]+/g, conversationId) + requiredQuery(doc, route, { q: 'x' }),
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    remoteAddress: freshIp(),
  });
}

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
  ({ conversationId } = await customerWithConversation(a, 'ada', 'ada@example.com', 'Ada asks'));
  portalToken = await openSession(t, a.workspaceId, 'ada@example.com');
  agentSession = (await signUp(t, 'agent@example.com', { workspaceName: 'Agents' })).accessToken;
  doc = t.app.swagger();
});
after(() => t.close());

test('a portal session is 401 on every route outside /api/v1/portal/', async () => {
  const routes = routeTable(t.app).filter((r) => !r.url.startsWith('/api/v1/portal/'));
  assert.ok(routes.length > 40, `only ${routes.length} routes found`);
  for (const route of routes) {
    const anonymous = await send(route, {});
    if (anonymous.statusCode !== 401) continue; // public routes take no credential at all
    const response = await send(route, { ...portalAuth(portalToken), 'x-workspace-id': a.workspaceId });
    assert.equal(response.statusCode, 401, `${route.method} ${route.url} let a portal session in: ${response.body}`);
  }
  // The token was never refused for itself: it still opens the portal.
  assert.equal(
    (await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(portalToken) }))
      .statusCode,
    200,
  );
});

test('every portal route refuses server keys, agent sessions and widget keys', async () => {
  const routes = routeTable(t.app).filter(PORTAL_AUTHED);
  assert.deepEqual(routes.map((r) => `${r.method} ${r.url}`).sort(), [
    'DELETE /api/v1/portal/session',
    'GET /api/v1/portal/conversations',
    'GET /api/v1/portal/conversations/:id',
    'POST /api/v1/portal/conversations/:id/messages',
    'POST /api/v1/portal/session/claim',
  ]);
  const others: Record<string, Record<string, string>> = {
    'no credential': {},
    'server key': a.auth,
    'agent session': { authorization: `Bearer ${agentSession}`, 'x-workspace-id': a.workspaceId },
    'widget key': { 'x-woes-widget-key': 'woespk_' + 'Ab3'.repeat(8) },
    'widget key as bearer': { authorization: 'Bearer woespk_' + 'Ab3'.repeat(8) },
    'forged portal token': portalAuth('woesps_' + 'Pq7'.repeat(16) + 'a'),
  };
  for (const route of routes) {
    for (const [name, headers] of Object.entries(others)) {
      const response = await send(route, headers);
      assert.equal(response.statusCode, 401, `${route.method} ${route.url} with ${name}: ${response.body}`);
      assert.equal(response.json.code, 'unauthorized');
    }
  }
  assert.equal(
    (await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(portalToken) }))
      .statusCode,
    200,
  );
});
