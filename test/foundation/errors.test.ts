import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from 'typebox';
import { AppError, STATUS_OF, insufficientScope, type ErrorCode } from '../../src/errors.js';
import { Literals } from '../../src/http/schemas.js';
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
      app.post(
        '/test/choice',
        {
          schema: {
            body: Type.Object({
              role: Type.Optional(Literals(['user', 'agent', 'note', 'bot'])),
              tags: Type.Optional(Type.Array(Literals(['a', 'b']))),
              size: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
              kind: Type.Optional(Type.Enum(['x', 'y'])),
              either: Type.Optional(Type.Union([Type.Literal('on'), Type.Null()])),
            }),
            querystring: Type.Object({ sort: Type.Optional(Literals(['asc', 'desc'])) }),
          },
        },
        async (request) => request.body,
      );
      app.post('/test/small', { bodyLimit: 256 * 1024 }, async (request) => request.body);
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

test('a union of literals is one detail naming the allowed values, in schema order', async () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['', { role: 'customer' }, '/body/role', 'role must be one of: user, agent, note, bot'],
    ['', { tags: ['a', 'z'] }, '/body/tags/1', 'tags.1 must be one of: a, b'],
    ['', { size: 3 }, '/body/size', 'size must be one of: 1, 2'],
    ['', { kind: 'z' }, '/body/kind', 'kind must be one of: x, y'],
    ['?sort=up', {}, '/querystring/sort', 'sort must be one of: asc, desc'],
  ];
  for (const [query, payload, path, sentence] of cases) {
    const res = await t.request({ method: 'POST', url: `/test/choice${query}`, payload: payload as object });
    assert.equal(res.statusCode, 400, path);
    assert.equal(res.json.error, `The request is not valid: ${sentence}.`);
    assert.deepEqual(res.json.details, [{ path, message: sentence.slice(sentence.indexOf('must')) }]);
  }
  // A union with a branch that is no literal keeps Ajv's issues.
  const mixed = await t.request({ method: 'POST', url: '/test/choice', payload: { either: 'off' } });
  assert.deepEqual(
    mixed.json.details.map((d: { message: string }) => d.message),
    ['must be equal to constant', 'must be null', 'must match a schema in anyOf'],
  );
});

test('insufficient_scope says whether all the scopes or any one of them is needed', () => {
  assert.equal(insufficientScope(['keys.write']).message, 'This credential lacks the scope keys.write.');
  const all = insufficientScope(['workspace.read', 'keys.read', 'audit.read'], 'all');
  assert.equal(
    all.message,
    'This credential lacks the scopes workspace.read, keys.read and audit.read; all of them are needed.',
  );
  assert.deepEqual(all.options.requiredScopes, ['workspace.read', 'keys.read', 'audit.read']);
  assert.equal(
    insufficientScope(['conversations.read', 'messages.read'], 'any').message,
    'This credential lacks the scope conversations.read or messages.read; any one of them is enough.',
  );
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
  assert.equal(big.json.error, 'The request body is larger than 1 MiB.');
  // The sentence names the limit that applied: the route's own, when it has one.
  const overRouteLimit = await t.request({
    method: 'POST',
    url: '/test/small',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: 'x'.repeat(300 * 1024) }),
  });
  assert.equal(overRouteLimit.statusCode, 413);
  assert.equal(overRouteLimit.json.error, 'The request body is larger than 256 KiB.');
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
