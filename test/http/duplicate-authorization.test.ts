import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { bearer, signIn, signUp } from '../accounts/helpers.js';
import { customerWithConversation, openSession, portalAuth } from '../portal/helpers.js';

// Routes that read the Authorization header themselves (the portal, sign-out) refuse two of them
// as the REST hook does: Node keeps only the first, so which one counts would be a guess.

let t: TestApp;
let a: Tenant;
let port: number;

before(async () => {
  t = await createTestApp();
  a = await tenant(t);
  await customerWithConversation(a, 'ada', 'ada@example.com', 'Ada asks');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});
after(() => t.close());

/** `method path` over a real socket with these raw headers (a flat name, value list, duplicates kept). */
function raw(method: string, path: string, rawHeaders: string[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = ['Host', `127.0.0.1:${port}`, ...rawHeaders];
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : null }));
    });
    req.on('error', reject);
    req.end();
  });
}

function assertDuplicateRefused(response: { status: number; body: any }): void {
  assert.equal(response.status, 400, JSON.stringify(response.body));
  assert.equal(response.body.code, 'invalid_request');
  assert.deepEqual(response.body.details, [{ path: '/headers/authorization', message: 'must be sent once' }]);
}

test('a portal route with two Authorization headers is a 400, whichever comes first; one is served', async () => {
  const session = await openSession(t, a.workspaceId, 'ada@example.com');
  const good = portalAuth(session).authorization;
  for (const pair of [
    [good, 'Bearer woesps_other'],
    ['Bearer woesps_other', good],
    [good, good],
  ]) {
    assertDuplicateRefused(
      await raw('GET', '/api/v1/portal/conversations', ['Authorization', pair[0]!, 'authorization', pair[1]!]),
    );
  }
  const one = await raw('GET', '/api/v1/portal/conversations', ['Authorization', good]);
  assert.equal(one.status, 200, JSON.stringify(one.body));
});

test('DELETE /auth/session with two Authorization headers is a 400 and ends no session', async () => {
  const user = await signUp(t, 'two-headers@example.com', { workspaceName: 'Two headers' });
  const other = await signIn(t, 'two-headers@example.com');
  const ws = user.workspaceId!;
  for (const pair of [
    [user.accessToken, other.accessToken],
    [other.accessToken, user.accessToken],
  ]) {
    assertDuplicateRefused(
      await raw('DELETE', '/api/v1/auth/session', [
        'Authorization',
        `Bearer ${pair[0]}`,
        'Authorization',
        `Bearer ${pair[1]}`,
      ]),
    );
  }
  for (const token of [user.accessToken, other.accessToken]) {
    const still = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(token, ws) });
    assert.equal(still.statusCode, 200, 'a refused sign-out ended a session');
  }
  const one = await raw('DELETE', '/api/v1/auth/session', ['Authorization', `Bearer ${user.accessToken}`]);
  assert.equal(one.status, 204);
});
