import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { createCountingTestApp } from './helpers.js';

/** GET /api/v1/me over a real socket from `from` (127.0.0.2, ::1 …). */
function meFrom(
  port: number,
  from: string,
  secret: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const v6 = from.includes(':');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: v6 ? '::1' : '127.0.0.1',
        port,
        path: '/api/v1/me',
        localAddress: from,
        family: v6 ? 6 : 4,
        headers: { ...bearer(secret), ...headers },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function listen(t: TestApp): Promise<number> {
  // Dual stack: IPv4 clients arrive as ::ffff:127.0.0.x, which the allowlist must still match.
  await t.app.listen({ host: '::', port: 0 });
  return (t.app.server.address() as AddressInfo).port;
}

async function keyWith(t: TestApp, admin: string, allowedIps: string[]) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(admin),
    payload: { name: 'allowlisted', scopes: ['read'], allowedIps },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json as { id: string; secret: string; allowedIps: string[] };
}

let direct: TestApp;
let directPort: number;
let admin: { id: string; secret: string };

before(async () => {
  direct = await createTestApp();
  directPort = await listen(direct);
  admin = await createApiKey(direct, await createWorkspace(direct), ['admin']);
});
after(() => direct.close());

test('IPv4 address and CIDR: allowed from inside, 403 ip_not_allowed from elsewhere (real sockets)', async () => {
  const single = await keyWith(direct, admin.secret, ['127.0.0.2']);
  assert.deepEqual(single.allowedIps, ['127.0.0.2']);
  assert.equal((await meFrom(directPort, '127.0.0.2', single.secret)).status, 200);
  const refused = await meFrom(directPort, '127.0.0.3', single.secret);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'ip_not_allowed');

  const range = await keyWith(direct, admin.secret, ['127.0.0.0/30']);
  assert.equal((await meFrom(directPort, '127.0.0.3', range.secret)).status, 200);
  assert.equal((await meFrom(directPort, '127.0.0.5', range.secret)).body.code, 'ip_not_allowed');
  // Without an allowlist a key works from anywhere.
  assert.equal((await meFrom(directPort, '127.0.0.9', admin.secret)).status, 200);
});

test('IPv6 address and CIDR, and an IPv4 list refuses an IPv6 client (real sockets)', async () => {
  const v6 = await keyWith(direct, admin.secret, ['::1']);
  assert.equal((await meFrom(directPort, '::1', v6.secret)).status, 200);
  assert.equal((await meFrom(directPort, '127.0.0.2', v6.secret)).body.code, 'ip_not_allowed');

  const v6range = await keyWith(direct, admin.secret, ['::/127']);
  assert.equal((await meFrom(directPort, '::1', v6range.secret)).status, 200);
  const elsewhere = await keyWith(direct, admin.secret, ['2001:db8::/32', '127.0.0.2']);
  assert.equal((await meFrom(directPort, '::1', elsewhere.secret)).body.code, 'ip_not_allowed');
  assert.equal((await meFrom(directPort, '127.0.0.2', elsewhere.secret)).status, 200);
});

test('X-Forwarded-For is ignored without WOES_TRUST_PROXY', async () => {
  const key = await keyWith(direct, admin.secret, ['203.0.113.7']);
  const res = await meFrom(directPort, '127.0.0.2', key.secret, { 'x-forwarded-for': '203.0.113.7' });
  assert.equal(res.body.code, 'ip_not_allowed');
});

test('with WOES_TRUST_PROXY the forwarded client address is the one checked', async () => {
  const proxied = await createTestApp({ env: { WOES_TRUST_PROXY: 'true' } });
  try {
    const port = await listen(proxied);
    const proxiedAdmin = await createApiKey(proxied, await createWorkspace(proxied), ['admin']);
    const key = await keyWith(proxied, proxiedAdmin.secret, ['203.0.113.0/24']);
    assert.equal((await meFrom(port, '127.0.0.2', key.secret, { 'x-forwarded-for': '203.0.113.7' })).status, 200);
    assert.equal(
      (await meFrom(port, '127.0.0.2', key.secret, { 'x-forwarded-for': '198.51.100.1' })).body.code,
      'ip_not_allowed',
    );
    // The socket address of the proxy itself is not on the list either.
    assert.equal((await meFrom(port, '127.0.0.2', key.secret)).body.code, 'ip_not_allowed');
  } finally {
    await proxied.close();
  }
});

test('PATCH /keys/:id changes the allowlist at once; bad entries and more than 50 are 400', async () => {
  const key = await keyWith(direct, admin.secret, ['127.0.0.2']);
  assert.equal((await meFrom(directPort, '127.0.0.4', key.secret)).status, 403);
  const patched = await direct.request({
    method: 'PATCH',
    url: `/api/v1/keys/${key.id}`,
    headers: bearer(admin.secret),
    payload: { allowedIps: ['127.0.0.4/32'] },
  });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.deepEqual(patched.json.allowedIps, ['127.0.0.4/32']);
  assert.equal((await meFrom(directPort, '127.0.0.4', key.secret)).status, 200);
  assert.equal((await meFrom(directPort, '127.0.0.2', key.secret)).status, 403);
  const cleared = await direct.request({
    method: 'PATCH',
    url: `/api/v1/keys/${key.id}`,
    headers: bearer(admin.secret),
    payload: { allowedIps: [] },
  });
  assert.deepEqual(cleared.json.allowedIps, []);
  assert.equal((await meFrom(directPort, '127.0.0.2', key.secret)).status, 200);

  for (const bad of [['127.0.0.300'], ['10.0.0.0/33'], ['::1/129'], ['example.com'], ['1.2.3.4/8/1']]) {
    const res = await direct.request({
      method: 'PATCH',
      url: `/api/v1/keys/${key.id}`,
      headers: bearer(admin.secret),
      payload: { allowedIps: bad },
    });
    assert.equal(res.statusCode, 400, `${bad} accepted`);
    assert.equal(res.json.code, 'invalid_request');
  }
  const many = Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`);
  const tooMany = await direct.request({
    method: 'POST',
    url: '/api/v1/keys',
    headers: bearer(admin.secret),
    payload: { name: 'x', scopes: ['read'], allowedIps: many },
  });
  assert.equal(tooMany.statusCode, 400);
});

test('a refused address is checked from the cache (no query) and audited at most once a minute', async () => {
  const clock = new TestClock();
  const t = await createCountingTestApp({ clock });
  try {
    const workspace = await createWorkspace(t);
    const key = await createApiKey(t, workspace, ['admin']);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/keys/${key.id}`,
      headers: bearer(key.secret),
      payload: { allowedIps: ['10.1.0.0/16'] },
    });
    const me = (ip: string) =>
      t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(key.secret), remoteAddress: ip });
    assert.equal((await me('10.1.2.3')).statusCode, 200);
    assert.equal((await me('10.2.0.1')).json.code, 'ip_not_allowed');
    const queries = t.queries.count;
    for (let i = 0; i < 5; i++) assert.equal((await me('10.2.0.1')).statusCode, 403);
    assert.equal((await me('10.1.2.3')).statusCode, 200);
    assert.equal(t.queries.count, queries, 'the allowlist check touched the database');
    const denied = async () =>
      (await t.app.woes.audit.list(t.app.woes.db, workspace, { type: 'key.ip_denied' }, { limit: 100, before: null }))
        .length;
    assert.equal(await denied(), 1);
    clock.advance(61_000);
    assert.equal((await me('10.2.0.1')).statusCode, 403);
    assert.equal(await denied(), 2);
    const [event] = await t.app.woes.audit.list(
      t.app.woes.db,
      workspace,
      { type: 'key.ip_denied' },
      { limit: 1, before: null },
    );
    assert.equal(event.ip, '10.2.0.1');
  } finally {
    await t.close();
  }
});
