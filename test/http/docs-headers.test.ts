import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('/docs, its files and /openapi.json carry a CSP, frame-ancestors none, DENY, no-referrer and nosniff', async () => {
  const page = await t.request({ method: 'GET', url: '/docs/' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map(
    (m) => new URL(m[1]!, 'http://x/docs/').pathname,
  );
  assert.ok(scripts.length >= 3, page.body);
  for (const url of ['/docs', '/docs/', ...scripts, '/docs/static/swagger-ui.css', '/docs/json', '/openapi.json']) {
    const response = await t.request({ method: 'GET', url });
    assert.ok(response.statusCode < 400, `${url}: ${response.statusCode}`);
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /script-src 'self'(;|$)/, url);
    assert.ok(!csp.includes('unsafe-'), url);
    assert.equal(response.headers['x-frame-options'], 'DENY', url);
    assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
  }
});

test('the API keeps its own headers: no docs CSP on /api/v1', async () => {
  const response = await t.request({ method: 'GET', url: '/api/v1/me' });
  assert.equal(response.headers['content-security-policy'], undefined);
});
