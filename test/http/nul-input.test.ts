import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { widgetTenant, type WidgetTenant } from '../widget/helpers.js';
import { nulPath } from '../../src/http/nul-input.js';

// Runs on SQLite, and on PostgreSQL when WOES_TEST_DATABASE_URL is set (where a NUL was a 500).
let t: TestApp;
let w: WidgetTenant;

before(async () => {
  t = await createTestApp({
    beforeReady(app) {
      // Text with a NUL that reached the database past the input check.
      app.get('/test/store-nul', async () => {
        const result = await sql<{ v: string }>`select cast(${'a\u0000b'} as text) as v`.execute(app.woes.db);
        return { length: result.rows[0]!.v.length };
      });
    },
  });
  w = await widgetTenant(t);
});
after(() => t.close());

function assertNulRefused(response: Awaited<ReturnType<TestApp['request']>>, path: string, label: string): void {
  assert.equal(response.statusCode, 400, `${label}: ${response.body}`);
  assert.equal(response.json.code, 'invalid_request', label);
  assert.match(response.json.error, /contains the NUL character, which cannot be stored/, label);
  assert.equal(response.json.details[0].path, path, label);
  assert.equal(typeof response.json.requestId, 'string');
}

test('a NUL in a JSON body string is a 400 before any handler, with or without an account', async () => {
  const register = await t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email: 'nul@example.org', password: 'a long enough passphrase 42', name: 'a\u0000b' },
  });
  assertNulRefused(register, '/body/name', 'register');
  assertNulRefused(await w.widget('POST', '/conversations', { body: 'hi\u0000' }), '/body/body', 'widget');
  assertNulRefused(await w.call('POST', '/customers', { name: '\u0000' }), '/body/name', 'customer');
  assertNulRefused(await w.call('POST', '/conversations', { subject: 'x\u0000' }), '/body/subject', 'subject');
  const nested = await w.call('POST', '/conversations', { subject: 'ok', metadata: { list: ['a', 'b\u0000'] } });
  assert.equal(nested.statusCode, 400, nested.body);
  assert.equal(nested.json.details[0].path, '/body/metadata/list/1');
});

test('a NUL in a JSON key is refused without repeating the key', async () => {
  const response = await w.call('POST', '/conversations', { subject: 'ok', ['k\u0000ey']: 1 });
  assertNulRefused(response, '/body', 'key');
  assert.ok(!response.body.includes('\\u0000'), response.body);
});

test('a NUL in a query value, a query key or a path parameter is a 400', async () => {
  assertNulRefused(await w.call('GET', '/customers?email=a%00b'), '/querystring/email', 'query value');
  assertNulRefused(await w.call('GET', '/conversations?st%00atus=open'), '/querystring', 'query key');
  assertNulRefused(await w.call('GET', '/conversations/conv%00x'), '/params/id', 'path');
  assertNulRefused(await w.widget('GET', '/kb/search?q=%00'), '/querystring/q', 'widget query');
});

test('the six characters \\u0000 (an escaped backslash) are ordinary text and are kept', async () => {
  const created = await w.call('POST', '/conversations', { subject: 'a\\u0000b' });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json.subject, 'a\\u0000b');
  assert.equal((await w.call('GET', '/customers?email=a%2500b')).statusCode, 200);
});

test('text with a NUL that reaches the database anyway is a 400 on PostgreSQL, not a 500', async () => {
  const response = await t.request({ method: 'GET', url: '/test/store-nul' });
  if (t.database.dialect === 'postgres') {
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json.code, 'invalid_request');
    assert.match(response.json.error, /NUL character/);
  } else {
    assert.equal(response.statusCode, 200, response.body);
  }
});

test('nulPath finds the first NUL in values and keys, iteratively', () => {
  assert.deepEqual(nulPath({ a: ['x', { 'b/c': 'y\0' }] }), { path: '/a/1/b~1c', key: false });
  assert.deepEqual(nulPath({ a: { ['k\0']: 1 } }), { path: '/a', key: true });
  assert.equal(nulPath({ a: ['\\u0000', 1, null] }), null);
  let deep: unknown = '\0';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(nulPath(deep)?.path.length, 200_000);
});
