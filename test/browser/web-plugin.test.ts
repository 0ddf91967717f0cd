import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { createTestApp } from '../helpers/app.js';
import { loadConfig } from '../../src/config.js';
import { registerWebApp, WEB_DIST } from '../../src/web-app/plugin.js';

// Needs the built app (web/dist): run.sh builds it first.
const asset = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;

function assertSecurityHeaders(headers: Record<string, unknown>): void {
  const csp = String(headers['content-security-policy']);
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['x-frame-options'], 'DENY');
}

test('/ redirects to the app, and email links land on its pages with their query', async () => {
  const t = await createTestApp();
  try {
    const root = await t.request({ method: 'GET', url: '/' });
    assert.equal(root.statusCode, 302);
    assert.equal(root.headers.location, '/app/');
    const verify = await t.request({ method: 'GET', url: '/verify-email?token=abc123' });
    assert.equal(verify.statusCode, 302);
    assert.equal(verify.headers.location, '/app/verify-email?token=abc123');
    assertSecurityHeaders(verify.headers);
  } finally {
    await t.close();
  }
});

test('index.html is never cached; every client route falls back to it; hashed assets are immutable', async () => {
  const t = await createTestApp();
  try {
    for (const url of ['/app', '/app/', '/app/settings/keys', '/app/sign-in?x=1']) {
      const page = await t.request({ method: 'GET', url });
      assert.equal(page.statusCode, 200, url);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.equal(page.headers['cache-control'], 'no-cache');
      assert.match(page.body, /<div id="root">/);
      assert.ok(!/<script>(?!<\/script>)/.test(page.body), 'no inline script');
      assertSecurityHeaders(page.headers);
    }
    const js = await t.request({ method: 'GET', url: `/app/assets/${asset}` });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['cache-control']), /max-age=31536000, immutable/);
    assert.match(String(js.headers['content-type']), /javascript/);
    assertSecurityHeaders(js.headers);
    // A missing asset is a 404, not the HTML page (which would be cached for a year as JS).
    const missing = await t.request({ method: 'GET', url: '/app/assets/nope-123.js' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json.code, 'not_found');
  } finally {
    await t.close();
  }
});

test('config.json tells the app which sign-in providers exist, and nothing secret', async () => {
  const t = await createTestApp({ env: { GOOGLE_CLIENT_ID: 'google-client.apps.example' } });
  try {
    const config = await t.request({ method: 'GET', url: '/app/config.json' });
    assert.equal(config.statusCode, 200);
    assert.deepEqual(config.json, {
      googleClientId: 'google-client.apps.example',
      microsoftClientId: null,
      outbox: true,
    });
  } finally {
    await t.close();
  }
});

test('the outbox link needs the password of an unverified account, and is absent with SMTP', async () => {
  const t = await createTestApp();
  try {
    // Unique per run: with Redis the per-recipient email limit outlives one run.
    const email = `someone.${Math.random().toString(36).slice(2, 8)}@example.test`;
    const password = 'a perfectly fine passphrase';
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          payload: { email, password, name: 'Some One' },
        })
      ).statusCode,
      202,
    );
    const wrong = await t.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email, password: 'not the password' },
    });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json.code, 'forbidden');
    const unknown = await t.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email: 'nobody@example.test', password },
    });
    assert.equal(unknown.statusCode, 403);
    const right = await t.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email, password },
    });
    assert.equal(right.statusCode, 200, right.body);
    assert.match(right.json.link, /\/verify-email\?token=/);
    const extra = await t.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email, password, to: 'x' },
    });
    assert.equal(extra.statusCode, 400);
  } finally {
    await t.close();
  }
  const withSmtp = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  try {
    const response = await withSmtp.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email: 'a@b.test', password: 'x' },
    });
    assert.equal(response.statusCode, 404);
    assert.equal((await withSmtp.request({ method: 'GET', url: '/app/config.json' })).json.outbox, false);
  } finally {
    await withSmtp.close();
  }
});

test('before the app is built, /app explains how to build it instead of failing', async () => {
  const app = Fastify({ logger: false });
  const config = loadConfig({
    WOES_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'woes-web-')),
    SMTP_URL: 'smtp://127.0.0.1:1',
  });
  await registerWebApp(app, config, { distDir: path.join(config.dataDir, 'no-such-dist') });
  try {
    const page = await app.inject({ method: 'GET', url: '/app/settings/keys' });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /npm run build/);
    assertSecurityHeaders(page.headers);
  } finally {
    await app.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  }
});
