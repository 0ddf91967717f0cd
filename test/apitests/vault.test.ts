import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.js';
import { ALL_SCOPES, PRESETS, ROLE_SCOPES } from '../../src/scopes/scopes.js';
import { apiTestsApp, recordingTenant, storedText } from './helpers.js';
import { PASSWORD, bearer as sessionBearer, signIn, signUp } from '../accounts/helpers.js';
import { assertNoLeak, startTarget, type Target } from './target.js';

let t: TestApp;
let target: Target;

before(async () => {
  t = await apiTestsApp();
  target = await startTarget();
});
after(async () => {
  await target.close();
  await t.close();
});

const CASES = [
  {
    type: 'bearer',
    secret: 'tok_Bearer+Secret/with=odd&chars 42',
    header: 'authorization',
    value: (s: string) => `Bearer ${s}`,
  },
  {
    type: 'header',
    headerName: 'X-Api-Key',
    secret: 'key-9f8e7d6c5b4a3210',
    header: 'x-api-key',
    value: (s: string) => s,
  },
  {
    type: 'basic',
    secret: 'ada@example.com:pa ss/word+1',
    header: 'authorization',
    value: (s: string) => `Basic ${Buffer.from(s).toString('base64')}`,
  },
] as const;

for (const c of CASES) {
  test(`${c.type}: injected server-side, echoed by the API, absent from every answer, log, audit event and run`, async () => {
    const ws = await recordingTenant(t);
    const created = await ws.call('POST', '/api-tests/credentials', {
      name: `Shop API (${c.type})`,
      baseUrl: `${target.url}/v1/`,
      auth: { type: c.type, ...('headerName' in c ? { headerName: c.headerName } : {}), secret: c.secret },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.match(created.json.id, /^atc_/);
    assert.deepEqual(
      { ...created.json, id: undefined, createdAt: undefined, updatedAt: undefined },
      {
        id: undefined,
        name: `Shop API (${c.type})`,
        baseUrl: `${target.url}/v1`,
        authType: c.type,
        headerName: c.type === 'header' ? 'x-api-key' : null,
        hasSecret: true,
        createdAt: undefined,
        updatedAt: undefined,
        lastUsedAt: null,
      },
    );
    const id: string = created.json.id;
    target.expect(c.header, c.value(c.secret));

    const run = await ws.call('POST', '/api-tests/runs', {
      credentialId: id,
      method: 'GET',
      path: '/orders?limit=1',
      expectStatus: 200,
    });
    assert.equal(run.statusCode, 201, run.body);
    assert.match(run.json.id, /^atr_/);
    assert.equal(run.json.status, 200, 'the target accepted the injected credential');
    assert.equal(run.json.ok, true);
    assert.equal(run.json.error, null);
    assert.equal(run.json.path, '/orders?limit=1');
    assert.equal(target.hits.at(-1)!.path, '/v1/orders?limit=1', 'joined to the base URL path');
    assert.ok(run.json.excerpt.includes('[redacted]'), 'the echoes were replaced');
    assert.ok(run.json.excerpt.length <= 2048);
    assert.equal(run.json.responseHeaders['content-type'], 'application/json');
    assert.ok(run.json.responseHeaders['x-request-id'].includes('[redacted]'));
    assert.equal(run.json.responseHeaders['set-cookie'], undefined, 'only allowlisted headers are kept');
    assert.equal(run.json.responseHeaders['x-echo'], undefined);
    assert.equal(typeof run.json.durationMs, 'number');

    const head = await ws.call('POST', '/api-tests/runs', { credentialId: id, method: 'HEAD', path: '/' });
    assert.equal(head.statusCode, 201, head.body);
    assert.equal(head.json.status, 200);
    assert.equal(head.json.excerpt, null);

    // Every way to read it back.
    await ws.call('GET', `/api-tests/credentials/${id}`);
    const listed = await ws.call('GET', '/api-tests/credentials');
    assert.equal(listed.json.data[0].hasSecret, true);
    assert.ok(listed.json.data[0].lastUsedAt, 'lastUsedAt is set by a run');
    await ws.call('GET', `/api-tests/runs/${run.json.id}`);
    const runs = await ws.call('GET', `/api-tests/runs?credentialId=${id}`);
    assert.deepEqual(
      runs.json.data.map((r: { id: string }) => r.id),
      [head.json.id, run.json.id],
      'newest first, filtered to the credential',
    );
    await ws.call('GET', '/audit-events');

    const stored = await storedText(t);
    assertNoLeak('an API answer', ws.seen.join('\n'), c.secret);
    assertNoLeak('the logs', t.logs.text, c.secret);
    assertNoLeak('the audit log', stored.audit, c.secret);
    assertNoLeak('the stored runs', stored.runs, c.secret);
    const sealed = await t.storage.db
      .selectFrom('apiTestCredentials')
      .select('secretSealed')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assertNoLeak('the credential row', sealed.secretSealed, c.secret);
    assert.match(sealed.secretSealed, /^v2\.[0-9a-f]{8}\./);
    const types = JSON.parse(stored.audit)
      .filter((e: { targetId: string }) => e.targetId === id)
      .map((e: { type: string }) => e.type);
    assert.deepEqual(types.sort(), [
      'api_test_credential.created',
      'api_test_credential.used',
      'api_test_credential.used',
    ]);
  });
}

test('replace-only secret, rename, base URL change, delete; runs stay in the history', async () => {
  const ws = await recordingTenant(t);
  const created = await ws.call('POST', '/api-tests/credentials', {
    name: 'Old',
    baseUrl: target.url,
    auth: { type: 'bearer', secret: 'first-secret-value' },
  });
  const id: string = created.json.id;
  target.expect('authorization', 'Bearer first-secret-value');
  const first = await ws.call('POST', '/api-tests/runs', { credentialId: id, method: 'GET', path: '/a' });
  assert.equal(first.json.status, 200);

  const replaced = await ws.call('PUT', `/api-tests/credentials/${id}/secret`, { secret: 'second-secret-value' });
  assert.equal(replaced.statusCode, 200, replaced.body);
  assert.equal(replaced.json.hasSecret, true);
  assert.equal(replaced.json.secret, undefined);
  const stale = await ws.call('POST', '/api-tests/runs', { credentialId: id, method: 'GET', path: '/a' });
  assert.equal(stale.json.status, 401, 'the old secret is gone');
  assert.equal(stale.json.ok, false);
  target.expect('authorization', 'Bearer second-secret-value');
  assert.equal(
    (await ws.call('POST', '/api-tests/runs', { credentialId: id, method: 'GET', path: '/a' })).json.status,
    200,
  );

  const renamed = await ws.call('PATCH', `/api-tests/credentials/${id}`, { name: 'New', baseUrl: `${target.url}/v2` });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json.name, 'New');
  assert.equal(renamed.json.baseUrl, `${target.url}/v2`);
  assert.equal((await ws.call('PATCH', `/api-tests/credentials/${id}`, {})).statusCode, 400);
  // Another origin would send the stored secret to another host: refused.
  const elsewhere = await ws.call('PATCH', `/api-tests/credentials/${id}`, { baseUrl: 'http://127.0.0.2:9/' });
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(elsewhere.json.details[0].path, '/body/baseUrl');
  assert.equal((await ws.call('PATCH', `/api-tests/credentials/${id}`, { secret: 'x'.repeat(10) })).statusCode, 400);

  assert.equal((await ws.call('DELETE', `/api-tests/credentials/${id}`)).statusCode, 204);
  assert.equal((await ws.call('GET', `/api-tests/credentials/${id}`)).statusCode, 404);
  assert.equal((await ws.call('DELETE', `/api-tests/credentials/${id}`)).statusCode, 404);
  const history = await ws.call('GET', `/api-tests/runs?credentialId=${id}`);
  assert.equal(history.json.data.length, 3);
  const audit = JSON.parse((await storedText(t)).audit).filter((e: { targetId: string }) => e.targetId === id);
  for (const type of ['created', 'secret_replaced', 'updated', 'deleted']) {
    assert.ok(
      audit.some((e: { type: string }) => e.type === `api_test_credential.${type}`),
      type,
    );
  }
  for (const secret of ['first-secret-value', 'second-secret-value']) {
    assertNoLeak('answers', ws.seen.join('\n'), secret);
    assertNoLeak('logs', t.logs.text, secret);
  }
});

test('bad input is a 400 with details, never stored', async () => {
  const ws = await recordingTenant(t);
  const bad: Array<[unknown, string]> = [
    [{ name: 'x', baseUrl: target.url, auth: { type: 'header', secret: 'abcdefgh' } }, '/body/auth/headerName'],
    [
      { name: 'x', baseUrl: target.url, auth: { type: 'header', headerName: 'Connection', secret: 'abcdefgh' } },
      '/body/auth/headerName',
    ],
    [
      { name: 'x', baseUrl: target.url, auth: { type: 'header', headerName: 'Transfer-Encoding', secret: 'abcdefgh' } },
      '/body/auth/headerName',
    ],
    [
      { name: 'x', baseUrl: target.url, auth: { type: 'header', headerName: 'x y', secret: 'abcdefgh' } },
      '/body/auth/headerName',
    ],
    [
      { name: 'x', baseUrl: target.url, auth: { type: 'bearer', headerName: 'x-a', secret: 'abcdefgh' } },
      '/body/auth/headerName',
    ],
    [{ name: 'x', baseUrl: target.url, auth: { type: 'basic', secret: 'no-colon-here' } }, '/body/auth/secret'],
    [{ name: 'x', baseUrl: target.url, auth: { type: 'bearer', secret: 'abc\r\nX-Injected: 1' } }, '/body/auth/secret'],
    [{ name: 'x', baseUrl: 'ftp://example.com', auth: { type: 'bearer', secret: 'abcdefgh' } }, '/body/baseUrl'],
    [{ name: 'x', baseUrl: `${target.url}/?q=1`, auth: { type: 'bearer', secret: 'abcdefgh' } }, '/body/baseUrl'],
    [
      { name: 'x', baseUrl: 'http://user:pw@127.0.0.1/', auth: { type: 'bearer', secret: 'abcdefgh' } },
      '/body/baseUrl',
    ],
  ];
  for (const [body, path] of bad) {
    const response = await ws.call('POST', '/api-tests/credentials', body);
    assert.equal(response.statusCode, 400, JSON.stringify(body));
    assert.equal(response.json.code, 'invalid_request');
    assert.ok(
      response.json.details.some((d: { path: string }) => d.path === path),
      `${JSON.stringify(body)} → ${response.body}`,
    );
  }
  assert.equal((await ws.call('GET', '/api-tests/credentials')).json.data.length, 0);
  assertNoLeak('answers', ws.seen.join('\n'), 'abc\r\nX-Injected: 1');

  const created = await ws.call('POST', '/api-tests/credentials', {
    name: 'ok',
    baseUrl: `${target.url}/api`,
    auth: { type: 'bearer', secret: 'abcdefgh' },
  });
  const hits = target.hits.length;
  for (const path of [
    'orders',
    '//evil.example/x',
    'http://evil.example/',
    '/../admin',
    '/a/%2e%2e/admin',
    '/a/..%2fadmin',
    '/a\\..\\b',
    '/x#frag',
    '/ spaced',
    '/%zz',
  ]) {
    const run = await ws.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path });
    assert.equal(run.statusCode, 400, `${path}: ${run.body}`);
    assert.equal(run.json.details[0].path, '/body/path');
  }
  for (const method of ['POST', 'DELETE']) {
    const run = await ws.call('POST', '/api-tests/runs', { credentialId: created.json.id, method, path: '/' });
    assert.equal(run.statusCode, 400);
  }
  assert.equal(target.hits.length, hits, 'no refused path reached the target');
  const unknown = await ws.call('POST', '/api-tests/runs', { credentialId: 'atc_nope', method: 'GET', path: '/' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json.code, 'not_found');
  assert.equal((await ws.call('GET', '/api-tests/runs/atr_nope')).statusCode, 404);
});

test("another workspace's credentials and runs are 404, and cannot be run", async () => {
  const a = await recordingTenant(t);
  const b = await recordingTenant(t);
  const created = await a.call('POST', '/api-tests/credentials', {
    name: 'A',
    baseUrl: target.url,
    auth: { type: 'bearer', secret: 'tenant-a-secret' },
  });
  target.expect('authorization', 'Bearer tenant-a-secret');
  const run = await a.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' });
  assert.equal((await b.call('GET', `/api-tests/credentials/${created.json.id}`)).statusCode, 404);
  assert.equal((await b.call('GET', `/api-tests/runs/${run.json.id}`)).statusCode, 404);
  assert.equal(
    (await b.call('PUT', `/api-tests/credentials/${created.json.id}/secret`, { secret: 'hijack-it-now' })).statusCode,
    404,
  );
  assert.equal((await b.call('DELETE', `/api-tests/credentials/${created.json.id}`)).statusCode, 404);
  // SPEC §4: an object the caller cannot see is a 404, the same answer as an id that never existed.
  const foreign = await b.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' });
  assert.equal(foreign.statusCode, 404);
  assert.equal(foreign.json.code, 'not_found');
  assert.equal(foreign.json.error, 'No such API test credential.');
  assert.equal((await b.call('GET', '/api-tests/runs')).json.data.length, 0);
});

test('scopes: apitests is in admin only, not read/write; agents and keys without it are refused', async () => {
  assert.ok(ALL_SCOPES.includes('apitests.read') && ALL_SCOPES.includes('apitests.write'));
  assert.ok(PRESETS.admin!.includes('apitests.write'));
  assert.ok(!PRESETS.read!.some((s) => s.startsWith('apitests')));
  assert.ok(!PRESETS.write!.some((s) => s.startsWith('apitests')));
  assert.ok(ROLE_SCOPES.admin.has('apitests.write') && ROLE_SCOPES.owner.has('apitests.write'));
  assert.ok(!ROLE_SCOPES.agent.has('apitests.read'));

  const admin = await recordingTenant(t);
  const created = await admin.call('POST', '/api-tests/credentials', {
    name: 'A',
    baseUrl: target.url,
    auth: { type: 'bearer', secret: 'scoped-secret-1' },
  });
  for (const grant of [['write'], ['read'], ['keys.write']]) {
    const other = await recordingTenant(t, grant);
    for (const [method, url, body] of [
      ['GET', '/api-tests/credentials'],
      [
        'POST',
        '/api-tests/credentials',
        { name: 'x', baseUrl: target.url, auth: { type: 'bearer', secret: 'abcdefgh' } },
      ],
      ['POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' }],
      ['GET', '/api-tests/runs'],
    ] as const) {
      const response = await other.call(method, url, body);
      assert.equal(response.statusCode, 403, `${grant} ${method} ${url}`);
      assert.equal(response.json.code, 'insufficient_scope');
    }
  }
  const reader = await recordingTenant(t, ['apitests.read']);
  assert.equal((await reader.call('GET', '/api-tests/credentials')).statusCode, 200);
  const refused = await reader.call('POST', '/api-tests/runs', { credentialId: 'atc_x', method: 'GET', path: '/' });
  assert.equal(refused.statusCode, 403);
  assert.deepEqual(refused.json.requiredScopes, ['apitests.write']);
});

test('sessions: owners and admins use the vault; an agent is refused everywhere in it', async () => {
  const owner = await signUp(t, `vault-owner-${Date.now()}@example.com`, { workspaceName: 'Vault Inc' });
  const workspace = owner.workspaceId!;
  const asOwner = sessionBearer(owner.accessToken, workspace);
  const created = await t.request({
    method: 'POST',
    url: '/api/v1/api-tests/credentials',
    headers: asOwner,
    payload: { name: 'Owner API', baseUrl: target.url, auth: { type: 'bearer', secret: 'owner-session-secret' } },
  });
  assert.equal(created.statusCode, 201, created.body);
  const members = [] as Array<{ role: string; token: string }>;
  for (const role of ['admin', 'agent']) {
    const email = `vault-${role}-${Date.now()}@example.com`;
    const user = await signUp(t, email);
    await t.storage.db
      .insertInto('memberships')
      .values({ workspaceId: workspace, userId: user.userId, role, createdAt: Date.now() })
      .execute();
    members.push({ role, token: (await signIn(t, email, PASSWORD, workspace)).accessToken });
  }
  const [admin, agent] = members;
  const adminList = await t.request({
    method: 'GET',
    url: '/api/v1/api-tests/credentials',
    headers: sessionBearer(admin!.token, workspace),
  });
  assert.equal(adminList.statusCode, 200);
  assert.equal(adminList.json.data.length, 1);
  for (const [method, url, payload] of [
    ['GET', '/api/v1/api-tests/credentials', undefined],
    ['GET', `/api/v1/api-tests/credentials/${created.json.id}`, undefined],
    ['PUT', `/api/v1/api-tests/credentials/${created.json.id}/secret`, { secret: 'agent-wants-in' }],
    ['DELETE', `/api/v1/api-tests/credentials/${created.json.id}`, undefined],
    ['POST', '/api/v1/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' }],
    ['GET', '/api/v1/api-tests/runs', undefined],
  ] as const) {
    const response = await t.request({ method, url, headers: sessionBearer(agent!.token, workspace), payload });
    assert.equal(response.statusCode, 403, `${method} ${url}`);
    assert.equal(response.json.code, 'insufficient_scope');
  }
});
