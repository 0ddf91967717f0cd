import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { signUp } from '../accounts/helpers.js';
import { newId } from '../../src/storage/ids.js';
import { exampleBody, requiredQuery, routeTable, type RouteEntry } from './route-table.js';

/**
 * The shared security suite (SPEC §9, STYLE habit 9). Routes are not listed here: they are read
 * from the running app's router, and each one's scope is learnt from the authentication hook
 * itself (a key without the scope gets 403 insufficient_scope naming it). Every
 * workspace-scoped route then has to pass the same checks.
 */
let t: TestApp;
let doc: any;
let wsA: string;
let owner: { accessToken: string; userId: string };
let adminA: { id: string; secret: string };
let adminB: { id: string; secret: string };
let victim: { id: string; secret: string };
let revoked: { id: string; secret: string };
const probes: Array<{ scope: string; secret: string }> = [];
const readKeys = new Map<string, string>();
/** A real object of workspace A per resource, to try from workspace B. */
const objectOf: Record<string, string> = {};
let wsB: string;

// Random enough to be a well-formed widget key; never a REST credential.
const WIDGET_KEY = 'woespk_' + 'Ab3'.repeat(8);
// The shape a portal session token will have (issue #14): whatever it is, it opens no REST or widget route.
const PORTAL_TOKENS = [
  'woesps_' + 'Pq7'.repeat(11),
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0XzEiLCJwb3J0YWwiOnRydWV9.c2lnbmF0dXJl',
];
const WIDGET_ORIGIN = 'https://a.example.com';
/** A real widget key of workspace A and a real history secret of one of its widget conversations. */
let realWidget: { key: string; conversationId: string; historySecret: string };
const isWidgetRoute = (route: RouteEntry) => route.url.startsWith('/api/v1/widget/');
// Inbound webhooks take no credential at all: a channel's signature is their only key (own test below).
const isInboundRoute = (route: RouteEntry) => route.url.startsWith('/api/v1/webhooks/inbound/');

// Query values that would find workspace A's objects if isolation failed (its article says "secret sauce").
const QUERY_VALUES = { q: 'secret' };

let ipCounter = 1;
/** Each request from its own address, so the failed-credential limit (per IP) never interferes. */
const freshIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

function fill(url: string): string {
  return url.replace(/\/([^/:]+(?:\/[^/:]+)?)\/:([A-Za-z]+)/g, (_all, before: string, _param: string) => {
    const resource = before.replace(/^api\/v1\//, '');
    const id = objectOf[resource] ?? objectOf[resource.split('/').pop()!] ?? newId('evt');
    return `/${before}/${id}`;
  });
}

async function send(route: RouteEntry, headers: Record<string, string>) {
  const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : (exampleBody(doc, route) ?? {});
  return t.request({
    method: route.method as 'GET',
    url: fill(route.url) + requiredQuery(doc, route, QUERY_VALUES),
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    remoteAddress: freshIp(),
  });
}

async function call(method: string, url: string, secret: string, payload?: unknown) {
  return t.request({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: bearer(secret),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

type Kind = { kind: 'public' } | { kind: 'session-only' } | { kind: 'any' } | { kind: 'scoped'; scope: string };

/** What protects a route, learnt by asking it. */
async function classify(route: RouteEntry): Promise<Kind> {
  const anonymous = await send(route, {});
  if (anonymous.statusCode !== 401) return { kind: 'public' };
  let rejectedKey = false;
  for (const probe of probes) {
    const response = await send(route, bearer(probe.secret));
    if (response.statusCode === 403 && response.json?.code === 'insufficient_scope') {
      return { kind: 'scoped', scope: response.json.requiredScopes[0] };
    }
    if (response.statusCode === 401) rejectedKey = true;
  }
  return rejectedKey ? { kind: 'session-only' } : { kind: 'any' };
}

async function readKey(category: string): Promise<string> {
  if (!readKeys.has(category)) readKeys.set(category, (await createApiKey(t, wsA, [`${category}.read`])).secret);
  return readKeys.get(category)!;
}

before(async () => {
  t = await createTestApp();
  const signedUp = await signUp(t, 'security-owner@example.com', { workspaceName: 'Workspace A' });
  assert.ok(signedUp.workspaceId);
  wsA = signedUp.workspaceId!;
  owner = signedUp;
  wsB = await createWorkspace(t, { name: 'Workspace B' });
  adminA = await createApiKey(t, wsA, ['admin']);
  adminB = await createApiKey(t, wsB, ['admin']);
  victim = await createApiKey(t, wsA, ['conversations.read']);
  revoked = await createApiKey(t, wsA, ['admin']);
  assert.equal((await call('DELETE', `/keys/${revoked.id}`, adminA.secret)).statusCode, 204);
  // Two probes with disjoint scopes: whatever a route needs, at least one of them lacks it.
  probes.push({ scope: 'audit.read', secret: (await createApiKey(t, wsA, ['audit.read'])).secret });
  probes.push({ scope: 'members.read', secret: (await createApiKey(t, wsA, ['members.read'])).secret });

  const conversation = await call('POST', '/conversations', adminA.secret, {
    externalId: 'sec-1',
    customer: { id: 'sec-cus', name: 'A only' },
  });
  const article = await call('POST', '/kb/articles', adminA.secret, {
    title: 'A only',
    body: 'secret sauce',
    published: true,
  });
  const agent = await call('POST', '/agents', adminA.secret, { name: 'A only' });
  const widgetKey = await call('POST', '/widget-keys', adminA.secret, {
    name: 'A only',
    allowedOrigins: [WIDGET_ORIGIN],
  });
  const invite = await call('POST', '/invites', adminA.secret, { email: 'invitee@example.com', role: 'agent' });
  const channel = await call('POST', '/channels', adminA.secret, { type: 'api', name: 'A only' });
  for (const created of [conversation, article, agent, widgetKey, invite, channel])
    assert.equal(created.statusCode, 201, created.body);
  Object.assign(objectOf, {
    conversations: conversation.json.id,
    customers: conversation.json.customer.id,
    'kb/articles': article.json.id,
    agents: agent.json.id,
    keys: victim.id,
    'widget-keys': widgetKey.json.id,
    invites: invite.json.id,
    members: owner.userId,
    channels: channel.json.id,
  });
  const started = await t.request({
    method: 'POST',
    url: '/api/v1/widget/conversations',
    headers: { origin: WIDGET_ORIGIN, 'x-woes-widget-key': widgetKey.json.key },
    payload: { body: 'A visitor' },
  });
  assert.equal(started.statusCode, 201, started.body);
  realWidget = {
    key: widgetKey.json.key,
    conversationId: started.json.conversation.id,
    historySecret: started.json.historySecret,
  };
  doc = t.app.swagger();
});
after(() => t.close());

test('every workspace-scoped route passes the shared security checks', async (s) => {
  const routes = routeTable(t.app).filter((route) => !isWidgetRoute(route) && !isInboundRoute(route));
  const kinds = new Map<string, Kind>();
  for (const route of routes) kinds.set(`${route.method} ${route.url}`, await classify(route));

  // The discovery really sees routes: the support, keys and audit routes are all found with their scopes.
  const scoped = [...kinds].filter(([, k]) => k.kind === 'scoped');
  const scopeOf = (name: string) => (kinds.get(name) as { scope?: string } | undefined)?.scope;
  assert.equal(scopeOf('GET /api/v1/conversations'), 'conversations.read');
  assert.equal(scopeOf('POST /api/v1/conversations/:id/messages'), 'messages.write');
  assert.equal(scopeOf('DELETE /api/v1/customers/:id'), 'customers.write');
  assert.equal(scopeOf('GET /api/v1/kb/search'), 'sources.read');
  assert.equal(scopeOf('PATCH /api/v1/agents/:id'), 'agents.write');
  assert.equal(scopeOf('GET /api/v1/keys'), 'keys.read');
  assert.equal(scopeOf('GET /api/v1/audit-events'), 'audit.read');
  assert.ok(scoped.length >= 30, `only ${scoped.length} scoped routes found`);

  const foreignIds = [wsA, ...Object.values(objectOf)];
  for (const route of routes) {
    const kind = kinds.get(`${route.method} ${route.url}`)!;
    if (kind.kind === 'public') continue;
    await s.test(`${route.method} ${route.url} (${kind.kind === 'scoped' ? kind.scope : kind.kind})`, async () => {
      const anonymous = await send(route, {});
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.json.code, 'unauthorized');
      assert.match(String(anonymous.headers['www-authenticate']), /^Bearer realm="woes"/);
      const widget = await send(route, bearer(WIDGET_KEY));
      assert.equal(widget.statusCode, 401, 'a widget key never opens the REST API');
      assert.equal(widget.json.code, 'unauthorized');
      // The widget's own credentials, sent the widget's way or as a bearer token, open nothing here.
      const widgetHeaders = await send(route, {
        origin: WIDGET_ORIGIN,
        'x-woes-widget-key': realWidget.key,
        'x-woes-conversation-secret': realWidget.historySecret,
      });
      assert.equal(widgetHeaders.statusCode, 401, 'a widget key in its own header never opens the REST API');
      for (const token of [realWidget.key, realWidget.historySecret, ...PORTAL_TOKENS]) {
        const refused = await send(route, bearer(token));
        assert.equal(refused.statusCode, 401, `${token.slice(0, 8)}… as a bearer token`);
        assert.equal(refused.json.code, 'unauthorized');
      }
      const gone = await send(route, bearer(revoked.secret));
      assert.equal(gone.statusCode, 401, 'a revoked key is refused');
      assert.equal(gone.json.code, 'unauthorized');
      if (kind.kind !== 'scoped') return;

      const lacking = probes.find((p) => p.scope !== kind.scope)!;
      const denied = await send(route, bearer(lacking.secret));
      assert.equal(denied.statusCode, 403);
      assert.equal(denied.json.code, 'insufficient_scope');
      assert.deepEqual(denied.json.requiredScopes, [kind.scope]);
      if (kind.scope.endsWith('.write')) {
        const readOnly = await send(route, bearer(await readKey(kind.scope.split('.')[0])));
        assert.equal(readOnly.statusCode, 403, 'read does not include write');
        assert.equal(readOnly.json.code, 'insufficient_scope');
      }

      const other = await send(route, bearer(adminB.secret));
      if (route.url.includes('/:')) {
        assert.equal(other.statusCode, 404, `another workspace's object must look missing: ${other.body}`);
        assert.equal(other.json.code, 'not_found');
      } else if (route.method === 'GET') {
        assert.equal(other.statusCode, 200, other.body);
        for (const id of foreignIds) assert.ok(!other.body.includes(id), `workspace B sees ${id}`);
      }

      const noWorkspace = await send(route, bearer(owner.accessToken));
      assert.equal(noWorkspace.statusCode, 400, 'a session must name its workspace');
      assert.equal(noWorkspace.json.code, 'invalid_request');
      const notMine = await send(route, { ...bearer(owner.accessToken), 'x-workspace-id': wsB });
      assert.equal(notMine.statusCode, 403, 'a session cannot use a workspace it is not a member of');
      assert.equal(notMine.json.code, 'forbidden');
    });
  }

  await s.test("workspace A's objects survived every attempt from workspace B", async () => {
    for (const path of [
      `/conversations/${objectOf.conversations}`,
      `/customers/${objectOf.customers}`,
      `/kb/articles/${objectOf['kb/articles']}`,
      `/agents/${objectOf.agents}`,
      `/keys/${victim.id}`,
      `/channels/${objectOf.channels}`,
    ]) {
      const response = await call('GET', path, adminA.secret);
      assert.equal(response.statusCode, 200, path);
      assert.equal(response.json.deletedAt ?? null, null, path);
      assert.equal(response.json.revokedAt ?? null, null, path);
    }
    assert.equal((await call('GET', '/conversations', victim.secret)).statusCode, 200, 'the victim key still works');
    assert.ok((await call('GET', '/widget-keys', adminA.secret)).body.includes(objectOf['widget-keys']));
    assert.ok((await call('GET', '/invites', adminA.secret)).body.includes(objectOf.invites));
  });
});

test('every widget route answers only its widget key: server keys, sessions and portal-style tokens are 401', async (s) => {
  const routes = routeTable(t.app).filter(isWidgetRoute);
  // The discovery sees the widget routes (the four conversation routes and KB search at least).
  for (const name of [
    'POST /api/v1/widget/conversations',
    'GET /api/v1/widget/conversations/:id',
    'POST /api/v1/widget/conversations/:id/messages',
    'POST /api/v1/widget/conversations/:id/secret/rotate',
    'GET /api/v1/widget/kb/search',
  ]) {
    assert.ok(
      routes.some((r) => `${r.method} ${r.url}` === name),
      name,
    );
  }
  objectOf['widget/conversations'] = realWidget.conversationId;
  const widgetHeaders = { origin: WIDGET_ORIGIN, 'x-woes-widget-key': realWidget.key };
  for (const route of routes) {
    await s.test(`${route.method} ${route.url}`, async () => {
      assert.equal((await send(route, { origin: WIDGET_ORIGIN })).statusCode, 401, 'no widget key');
      for (const authorization of [bearer(adminA.secret), bearer(owner.accessToken), ...PORTAL_TOKENS.map(bearer)]) {
        const alone = await send(route, { ...authorization, 'x-workspace-id': wsA, origin: WIDGET_ORIGIN });
        assert.equal(alone.statusCode, 401, 'a REST or portal credential is not a widget credential');
        const alongside = await send(route, { ...authorization, ...widgetHeaders });
        assert.equal(alongside.statusCode, 401, 'nor does it ride along with a widget key');
      }
      const foreign = await send(route, { ...widgetHeaders, origin: 'https://b.example.com' });
      assert.equal(foreign.statusCode, 403, 'another origin');
      assert.equal(foreign.headers['access-control-allow-origin'], undefined);
      if (route.url.includes('/:id')) {
        const noSecret = await send(route, widgetHeaders);
        assert.equal(noSecret.statusCode, 401, 'a conversation route needs its history secret');
        const otherWorkspace = await send(route, {
          ...widgetHeaders,
          'x-woes-conversation-secret': 'woescs_' + 'Zz9'.repeat(12) + 'ABCDEF',
        });
        assert.equal(otherWorkspace.statusCode, 401);
      }
    });
  }
});

test('the inbound webhook route is opened by no credential: keys, sessions, widget and portal tokens are 401', async (s) => {
  const routes = routeTable(t.app).filter(isInboundRoute);
  assert.deepEqual(
    routes.map((r) => `${r.method} ${r.url}`),
    ['POST /api/v1/webhooks/inbound/:channelId'],
  );
  objectOf['webhooks/inbound'] = objectOf.channels;
  for (const route of routes) {
    await s.test(`${route.method} ${route.url}`, async () => {
      const credentials = [
        bearer(adminA.secret),
        { ...bearer(owner.accessToken), 'x-workspace-id': wsA },
        bearer(realWidget.key),
        { origin: WIDGET_ORIGIN, 'x-woes-widget-key': realWidget.key },
        ...PORTAL_TOKENS.map(bearer),
      ];
      for (const headers of [{}, ...credentials]) {
        const response = await send(route, headers);
        assert.equal(response.statusCode, 401, response.body);
        assert.equal(response.json.code, 'unauthorized');
      }
    });
  }
});
