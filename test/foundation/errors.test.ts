import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { AppError, STATUS_OF, type ErrorCode } from '../../src/errors.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({
    beforeReady(app) {
      app.post(
        '/test/echo',
        {
          schema: {
            body: Type.Object(
              { name: Type.String({ minLength: 1 }), count: Type.Optional(Type.Integer()) },
              { additionalProperties: false },
            ),
          },
        },
        async (request) => request.body,
      );
      app.get('/test/throw/:code', async (request) => {
        const code = (request.params as { code: ErrorCode }).code;
        throw new AppError(
          code,
          `sentence for ${code}`,
          code === 'insufficient_scope' ? { requiredScopes: ['keys.write'] } : {},
        );
      });
      app.get('/test/crash', async () => {
        throw new Error('secret internal detail at /srv/woes/db.ts:42');
      });
    },
  });
});
after(() => t.close());

test('every error code renders the SPEC §4 body with its status', async () => {
  for (const [code, status] of Object.entries(STATUS_OF)) {
    const res = await t.request({ method: 'GET', url: `/test/throw/${code}` });
    assert.equal(res.statusCode, status, code);
    assert.equal(res.json.code, code);
    assert.equal(typeof res.json.error, 'string');
    assert.equal(res.json.requestId, res.headers['x-correlation-id']);
    assert.match(String(res.headers['content-type']), /application\/json/);
  }
});

test('insufficient_scope carries requiredScopes and an RFC 6750 challenge', async () => {
  const res = await t.request({ method: 'GET', url: '/test/throw/insufficient_scope' });
  assert.deepEqual(res.json.requiredScopes, ['keys.write']);
  assert.equal(res.headers['www-authenticate'], 'Bearer realm="woes", error="insufficient_scope", scope="keys.write"');
  const unauth = await t.request({ method: 'GET', url: '/test/throw/unauthorized' });
  assert.equal(unauth.headers['www-authenticate'], 'Bearer realm="woes"');
  const bad = await t.request({
    method: 'GET',
    url: '/test/throw/unauthorized',
    headers: { authorization: 'Bearer x' },
  });
  assert.equal(bad.headers['www-authenticate'], 'Bearer realm="woes", error="invalid_token"');
});

test('unknown routes are 404 not_found', async () => {
  const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json.code, 'not_found');
});

test('schema failures are 400 invalid_request with details', async () => {
  const res = await t.request({ method: 'POST', url: '/test/echo', payload: { name: '', extra: 1 } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json.code, 'invalid_request');
  assert.ok(Array.isArray(res.json.details) && res.json.details.length > 0);
  assert.ok(res.json.details.every((d: { path: string; message: string }) => d.path.startsWith('/body')));
  const missing = await t.request({ method: 'POST', url: '/test/echo', payload: {} });
  assert.deepEqual(missing.json.details[0], { path: '/body/name', message: 'is required' });
  const extra = await t.request({ method: 'POST', url: '/test/echo', payload: { name: 'a', workspaceId: 'ws_x' } });
  assert.deepEqual(extra.json.details[0], { path: '/body/workspaceId', message: 'is not an allowed field' });
});

test('malformed JSON, prototype poisoning, 413 and 415', async () => {
  const broken = await t.request({
    method: 'POST',
    url: '/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":',
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json.code, 'invalid_request');
  const poisoned = await t.request({
    method: 'POST',
    url: '/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":"a","__proto__":{"admin":true}}',
  });
  assert.equal(poisoned.statusCode, 400);
  assert.equal(poisoned.json.code, 'invalid_request');
  const constructor = await t.request({
    method: 'POST',
    url: '/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: '{"name":"a","constructor":{"prototype":{"admin":true}}}',
  });
  assert.equal(constructor.statusCode, 400);
  const big = await t.request({
    method: 'POST',
    url: '/test/echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
  });
  assert.equal(big.statusCode, 413);
  assert.equal(big.json.code, 'payload_too_large');
  const text = await t.request({
    method: 'POST',
    url: '/test/echo',
    headers: { 'content-type': 'text/plain' },
    payload: 'hi',
  });
  assert.equal(text.statusCode, 415);
  assert.equal(text.json.code, 'unsupported_media_type');
});

test('a crash is a 500 without internal detail, and is logged', async () => {
  const res = await t.request({ method: 'GET', url: '/test/crash' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json.code, 'internal_error');
  assert.doesNotMatch(res.body, /secret internal detail|db\.ts|stack/);
  assert.match(t.logs.text, /secret internal detail/);
});

test('x-correlation-id is echoed when safe and generated otherwise', async () => {
  const echoed = await t.request({ method: 'GET', url: '/health', headers: { 'x-correlation-id': 'abc-123.X' } });
  assert.equal(echoed.headers['x-correlation-id'], 'abc-123.X');
  const unsafe = await t.request({
    method: 'GET',
    url: '/health',
    headers: { 'x-correlation-id': 'bad id\nwith newline'.replace('\n', ' ') },
  });
  assert.match(String(unsafe.headers['x-correlation-id']), /^req_[0-9a-f]{32}$/);
  const long = await t.request({ method: 'GET', url: '/health', headers: { 'x-correlation-id': 'a'.repeat(129) } });
  assert.match(String(long.headers['x-correlation-id']), /^req_/);
  const generated = await t.request({ method: 'GET', url: '/nope' });
  assert.match(String(generated.headers['x-correlation-id']), /^req_[0-9a-f]{32}$/);
  // Made ids never repeat within a process (a counter after a per-process random part).
  const made = new Set<string>();
  for (let i = 0; i < 20; i++)
    made.add(String((await t.request({ method: 'GET', url: '/nope' })).headers['x-correlation-id']));
  assert.equal(made.size, 20);
  assert.equal(generated.json.requestId, generated.headers['x-correlation-id']);
  // The same id is on the request's log lines.
  const traced = await t.request({ method: 'GET', url: '/health', headers: { 'x-correlation-id': 'trace-me-42' } });
  assert.equal(traced.statusCode, 200);
  assert.ok(t.logs.lines.some((line) => JSON.parse(line).requestId === 'trace-me-42'));
});

test('logs redact credentials in URLs and headers', async () => {
  const key = 'woesk_' + 'A'.repeat(32) + 'BBBBBB';
  await t.request({ method: 'GET', url: `/nope?api_key=${key}`, headers: { authorization: `Bearer ${key}` } });
  assert.doesNotMatch(t.logs.text, new RegExp(key));
});

test('the OpenAPI document and the reference are served', async () => {
  const doc = await t.request({ method: 'GET', url: '/openapi.json' });
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.json.openapi, '3.1.0');
  assert.ok(doc.json.paths['/health']);
  assert.ok(doc.json.paths['/api/v1/audit-events']);
  const docs = await t.request({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
});
