import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { widgetTenant, type WidgetTenant } from '../widget/helpers.js';
import { nonFinitePath } from '../../src/http/validator.js';

let t: TestApp;
let w: WidgetTenant;

before(async () => {
  t = await createTestApp();
  w = await widgetTenant(t);
});
after(() => t.close());

const LIST_ROUTES = [
  '/conversations?',
  '/keys?',
  '/customers?',
  '/kb/articles?',
  '/kb/search?q=refund&',
  '/agents?',
  '/webhooks?',
  '/audit-events?',
  '/widget-keys?',
  '/members?',
  '/invites?',
  '/channels?',
  '/api-tests/credentials?',
  '/api-tests/runs?',
];
const NOT_FINITE_OR_WHOLE = ['Infinity', '-Infinity', '1e400', '-1e400', 'NaN', '1.5', '1e-400'];

test('a limit that is not a finite whole number is a 400 naming the field on every list, never a 500', async () => {
  for (const route of LIST_ROUTES) {
    for (const value of NOT_FINITE_OR_WHOLE) {
      const response = await w.call('GET', `${route}limit=${value}`);
      assert.equal(response.statusCode, 400, `${route}limit=${value}: ${response.body}`);
      assert.equal(response.json.code, 'invalid_request');
      assert.match(response.json.error, /limit/, `${route}limit=${value}`);
      assert.equal(response.json.details[0].path, '/querystring/limit');
    }
  }
});

test("the widget's KB search, reachable with the public key alone, refuses the same limits with a 400", async () => {
  for (const value of NOT_FINITE_OR_WHOLE) {
    const response = await w.widget('GET', `/kb/search?q=refund&limit=${value}`);
    assert.equal(response.statusCode, 400, `limit=${value}: ${response.body}`);
    assert.equal(response.json.code, 'invalid_request');
    assert.equal(response.json.details[0].path, '/querystring/limit');
  }
});

test('a finite limit still works; an integer sent as a string in a body is held to the same rule', async () => {
  assert.equal((await w.call('GET', '/conversations?limit=5')).statusCode, 200);
  assert.equal((await w.call('GET', '/conversations?limit=1e1')).statusCode, 200);
  for (const value of ['"Infinity"', '"1e400"', '1e400']) {
    const response = await t.request({
      method: 'POST',
      url: `/api/v1/keys/${w.keyId}/roll`,
      headers: { ...w.auth, 'content-type': 'application/json' },
      payload: `{"expiresIn":${value}}`,
    });
    assert.equal(response.statusCode, 400, `${value}: ${response.body}`);
    assert.equal(response.json.code, 'invalid_request');
    assert.equal(response.json.details[0].path, '/body/expiresIn');
  }
});

test('the finite check reports the first non-finite number by its JSON Pointer', () => {
  assert.equal(nonFinitePath({ a: 1, b: [2, { 'c/d': Infinity }] }), '/b/1/c~1d');
  assert.equal(nonFinitePath({ a: 1, b: ['x', null, { c: 3 }] }), null);
  assert.equal(nonFinitePath(NaN), '');
  let deep: unknown = -Infinity;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(nonFinitePath(deep)?.length, 200_000, 'deep nesting is walked without recursion');
});
