import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { unauthorized, type AppError } from '../../src/errors.js';
import { bearerToken, hasDuplicateAuthorization } from '../../src/http/bearer.js';
import { registerAuthentication } from '../../src/http/authenticate.js';
import { registerErrorHandling } from '../../src/http/error-handler.js';
import type { ApiKeyPrincipal, CredentialVerifier, Verification } from '../../src/http/principal.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-limiter.js';

const PRINCIPAL: ApiKeyPrincipal = {
  type: 'api_key',
  keyId: 'key_test',
  workspaceId: 'ws_test',
  scopes: new Set(['conversations.read']),
  plan: 'pro',
  rateLimitPerHour: null,
};

/** A credential kind the hook has never heard of: it must be served by its claim alone. */
function testCredential(seen: string[]): CredentialVerifier<ApiKeyPrincipal> {
  return {
    kind: 'api_key',
    misplaced: 'not here',
    claims: (token) => token.startsWith('tk_'),
    async verify(token): Promise<Verification<ApiKeyPrincipal>> {
      seen.push(token);
      if (token === 'tk_good') return { valid: true, principal: PRINCIPAL };
      return { valid: false, error: unauthorized('refused by the verifier') };
    },
  };
}

async function appWith(verifiers: CredentialVerifier[]) {
  const app = Fastify();
  registerErrorHandling(app);
  const limiter = new MemoryRateLimiter(() => Date.now(), {
    rules: { failedCredentials: { points: 3, durationMs: 60_000 } },
  });
  registerAuthentication(app, { verifiers, limiter });
  app.get('/thing', { config: { auth: { scope: 'conversations.read' } } }, async (request) => ({
    workspace: request.caller.workspaceId,
  }));
  app.get('/session-only', { config: { auth: { scope: null, credentials: 'session' } } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

test('the hook hands a token to the verifier that claims it, and to no other', async () => {
  const seen: string[] = [];
  const app = await appWith([testCredential(seen)]);
  try {
    const ok = await app.inject({ url: '/thing', headers: { authorization: 'Bearer tk_good' } });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { workspace: 'ws_test' });
    const unclaimed = await app.inject({ url: '/thing', headers: { authorization: 'Bearer woesk_whatever' } });
    assert.equal(unclaimed.statusCode, 401);
    assert.deepEqual(seen, ['tk_good']);
  } finally {
    await app.close();
  }
});

test('a refusal returned as a value is a 401 that spends the IP budget; a misplaced kind does not', async () => {
  const app = await appWith([testCredential([])]);
  try {
    for (let i = 0; i < 5; i++) {
      const misplaced = await app.inject({ url: '/session-only', headers: { authorization: 'Bearer tk_good' } });
      assert.equal(misplaced.statusCode, 401);
      assert.equal(misplaced.json().error, 'not here');
    }
    for (let i = 0; i < 3; i++) {
      const refused = await app.inject({ url: '/thing', headers: { authorization: 'Bearer tk_bad' } });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().code, 'unauthorized');
    }
    const blocked = await app.inject({ url: '/thing', headers: { authorization: 'Bearer tk_good' } });
    assert.equal(blocked.statusCode, 429);
  } finally {
    await app.close();
  }
});

test('bearerToken: null without a header, the token of a Bearer header, a 401 for any other form', () => {
  assert.equal(bearerToken(undefined), null);
  assert.equal(bearerToken(''), null);
  assert.equal(bearerToken('Bearer abc.def'), 'abc.def');
  assert.equal(bearerToken('bearer   tok  '), 'tok');
  for (const header of ['Basic abc', 'Bearer', 'Bearer a b', 'tok']) {
    assert.throws(
      () => bearerToken(header),
      (error: AppError) => error.code === 'unauthorized',
    );
  }
});

/** GET `path` over a real socket with these raw headers (a flat name, value list, duplicates kept). */
function rawGet(port: number, path: string, rawHeaders: string[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    // A header array is sent as given: Host too (HTTP/1.1 requires it).
    const headers = ['Host', `127.0.0.1:${port}`, ...rawHeaders];
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? JSON.parse(data) : null }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('two Authorization headers are a 400, whichever comes first; one is served as before', async () => {
  const seen: string[] = [];
  const app = await appWith([testCredential(seen)]);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    for (const pair of [
      ['Bearer tk_good', 'Bearer tk_other'],
      ['Bearer tk_other', 'Bearer tk_good'],
    ]) {
      const response = await rawGet(port, '/thing', ['Authorization', pair[0]!, 'authorization', pair[1]!]);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.code, 'invalid_request');
      assert.equal(response.body.details[0].path, '/headers/authorization');
    }
    assert.deepEqual(seen, [], 'no verifier saw either token');
    const one = await rawGet(port, '/thing', ['Authorization', 'Bearer tk_good', 'X-Other', 'x']);
    assert.equal(one.status, 200);
  } finally {
    await app.close();
  }
});

test('hasDuplicateAuthorization reads header names in any case, and never values', () => {
  assert.equal(hasDuplicateAuthorization(['Authorization', 'a', 'AUTHORIZATION', 'b']), true);
  assert.equal(hasDuplicateAuthorization(['Authorization', 'authorization', 'Host', 'x']), false);
  assert.equal(hasDuplicateAuthorization([]), false);
});
