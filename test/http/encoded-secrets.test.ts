import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger, logRequestCompleted } from '../../src/http/logger.js';
import { hasCredentialInQuery, percentDecoded, redactSecrets } from '../../src/security/redact.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { tenant, type Tenant } from '../support/api-helpers.js';

const KEY_BODY = 'Iknmx7Qz0PlW2bVc9RrT4yUe6AsDf8GhJk1LzXc';
const KEY = `woesk_${KEY_BODY}`;
const WHSEC_BODY = 'lVoy/7y1Kq9+Zx3Wm5Pn8Rt2Bv6Cd4Fg0Hj=';
const WHSEC = `whsec_${WHSEC_BODY}`;
const ENCODED_WHSEC = `whsec_${encodeURIComponent(WHSEC_BODY)}`;
const ENCODED_KEY = `%77oesk_${KEY_BODY}`;

/** Whether `text` carries the secret in plain or %-encoded form (or a long enough piece of either). */
function carries(text: string, secret: string): boolean {
  const body = secret.slice(secret.indexOf('_') + 1);
  return [secret, encodeURIComponent(secret), body.slice(0, 12), encodeURIComponent(body).slice(0, 12)].some((s) =>
    text.includes(s),
  );
}

let t: TestApp;
let w: Tenant;

before(async () => {
  t = await createTestApp();
  w = await tenant(t);
});
after(() => t.close());

test('a %-encoded secret in the URL reaches the access log in neither form, by hand or by pino', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const urls = [
    `/api/v1/channels?sig=${ENCODED_WHSEC}`,
    `/api/v1/me?note=${ENCODED_KEY}`,
    `/api/v1/me?ke%79=${KEY_BODY}`,
    // Malformed and non-UTF-8 sequences around it neither throw nor hide it.
    `/api/v1/me?a=%ZZ%4&b=%E0%A4&c=%FF${ENCODED_KEY}`,
    `/api/v1/${ENCODED_KEY}/x`,
  ];
  for (const url of urls) {
    const log = logger.child({ requestId: 'r' }) as unknown as FastifyBaseLogger;
    const request = { method: 'GET', url, ip: '203.0.113.9', headers: {}, log };
    log.info({ req: request, statusCode: 401, responseTime: 1 }, 'request completed');
    logRequestCompleted(request, 401, 1);
    const [byPino, byHand] = lines.splice(0);
    assert.equal(byHand!.replace(/"time":\d+,/, ''), byPino!.replace(/"time":\d+,/, ''), url);
    assert.ok(!carries(byHand!, WHSEC) && !carries(byHand!, KEY), `${url} logged as ${byHand}`);
  }
});

test('URLs without a secret are logged as sent, %-sequences included', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const log = logger.child({ requestId: 'r' }) as unknown as FastifyBaseLogger;
  const url = '/api/v1/kb/search?q=caf%C3%A9%20menu&x=%ZZ';
  logRequestCompleted({ method: 'GET', url, ip: '::1', headers: {}, log }, 200, 1);
  assert.equal(JSON.parse(lines[0]!).req.url, url);
});

test('percentDecoded never throws and decodes what it can', () => {
  assert.equal(percentDecoded('a%20b'), 'a b');
  assert.equal(percentDecoded('%ZZ%4'), '%ZZ%4');
  assert.equal(percentDecoded('%FF%77x%E0%A4'), '\uFFFDwx\uFFFD\uFFFD');
  assert.equal(percentDecoded('plain'), 'plain');
});

test('an encoded credential in the query is refused like a plain one; an encoded & or = in a value is not a parameter', () => {
  assert.equal(hasCredentialInQuery(`/api/v1/me?note=${ENCODED_KEY}`), true);
  assert.equal(hasCredentialInQuery(`/api/v1/me?ke%79=abc`), true);
  assert.equal(hasCredentialInQuery(`/api/v1/me?x=%77oescs_abc`), true);
  assert.equal(hasCredentialInQuery(`/api/v1/kb/search?q=a%26token%3Dfoo`), false);
  assert.equal(hasCredentialInQuery(`/api/v1/kb/search?q=%ZZ%E0`), false);
});

test('the API refuses a %-encoded key in the URL and logs it in neither form', async () => {
  const response = await w.call('GET', `/me?note=${ENCODED_KEY}`);
  assert.equal(response.statusCode, 401, response.body);
  assert.match(response.json.error, /never in the URL/);
  await w.call('GET', `/channels?sig=${ENCODED_WHSEC}`);
  assert.ok(!carries(t.logs.text, KEY), 'the key reached the log');
  assert.ok(!carries(t.logs.text, WHSEC), 'the webhook secret reached the log');
});

test('a secret sent as a field name is not repeated in the 400 details path', async () => {
  const response = await w.call('POST', '/conversations', { subject: 'x', [KEY]: 1 });
  assert.equal(response.statusCode, 400, response.body);
  assert.equal(response.json.details[0].path, '/body/woesk_[REDACTED]');
  assert.ok(!carries(response.body, KEY), response.body);
});

/** Every credential prefix the redaction knows (SPEC §2 and the session, portal and refresh tokens). */
const PREFIXES = ['woesk', 'woespk', 'woescs', 'woesis', 'woespl', 'woesps', 'whsec', 'woesrt', 'woesvt'];

test('a secret glued to a letter, digit or _ before its prefix is redacted, for every prefix', () => {
  for (const prefix of PREFIXES) {
    const secret = `${prefix}_${prefix === 'whsec' ? WHSEC_BODY : KEY_BODY}`;
    for (const glue of ['A', 'x', '7', '_', 'id_', '']) {
      const text = `seen ${glue}${secret} here`;
      const redacted = redactSecrets(text);
      assert.equal(redacted, `seen ${glue}${prefix}_[REDACTED] here`, text);
      assert.ok(!carries(redacted, secret), redacted);
    }
  }
});

test('a glued secret in a URL or message reaches the log in no form', () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const log = logger.child({ requestId: 'r' }) as unknown as FastifyBaseLogger;
  for (const url of [`/api/v1/me?note=A${KEY}`, `/api/v1/me?note=x${WHSEC}`, `/api/v1/me?note=x${ENCODED_WHSEC}`]) {
    logRequestCompleted({ method: 'GET', url, ip: '::1', headers: {}, log }, 401, 1);
  }
  log.info(`glued: 9${KEY} and Zwhsec_${WHSEC_BODY}`);
  assert.equal(lines.length, 4);
  for (const line of lines) assert.ok(!carries(line, KEY) && !carries(line, WHSEC), line);
});

test('ordinary words and a prefix with no secret after it are not redacted', () => {
  for (const text of [
    'woes and woesome newsweek wowsers',
    'Awoesk_ and xwhsec_ alone',
    'the whsec_ prefix, then woesk_short and Awoescs_1234567',
    'keyJabc.eyJdef.ghi',
    '/api/v1/kb/search?q=caf%C3%A9%20menu',
  ]) {
    assert.equal(redactSecrets(text), text);
  }
});

test('every secret prefix Woes issues is refused in the query, plain or encoded; a public widget key is not', () => {
  for (const prefix of PREFIXES.filter((p) => p !== 'woespk')) {
    const secret = `${prefix}_${prefix === 'whsec' ? WHSEC_BODY : KEY_BODY}`;
    assert.equal(hasCredentialInQuery(`/api/v1/me?x=${secret}`), true, prefix);
    assert.equal(hasCredentialInQuery(`/api/v1/me?x=${encodeURIComponent(secret)}`), true, prefix);
    assert.equal(hasCredentialInQuery(`/api/v1/me?x=%${prefix.charCodeAt(0).toString(16)}${secret.slice(1)}`), true);
  }
  assert.equal(hasCredentialInQuery(`/api/v1/me?x=woespk_${KEY_BODY.slice(0, 24)}`), false);
});

test('a webhook signing secret in the query gets the same refusal as a server key, without echoing it', async () => {
  const asKey = await w.call('GET', `/me?x=${KEY}`);
  const asSecret = await w.call('GET', `/me?x=${encodeURIComponent(WHSEC)}`);
  const asPlainSecret = await w.call('GET', `/me?x=${WHSEC}`);
  for (const response of [asSecret, asPlainSecret]) {
    assert.equal(response.statusCode, 401, response.body);
    assert.equal(response.statusCode, asKey.statusCode);
    assert.deepEqual({ ...response.json, requestId: null }, { ...asKey.json, requestId: null });
    assert.equal(response.headers['www-authenticate'], asKey.headers['www-authenticate']);
    assert.ok(!carries(response.body, WHSEC), response.body);
  }
  assert.equal(asKey.json.code, 'unauthorized');
  // A widget key is public by design: it is no credential of the REST API, and no reason to refuse.
  const widgetKey = await w.call('GET', `/me?x=woespk_${KEY_BODY.slice(0, 24)}`);
  assert.equal(widgetKey.statusCode, 200, widgetKey.body);
});

test('a secret in the query is refused on public, portal and widget API routes too, however the path is spelled', async () => {
  const email = `url-secret-${Date.now()}@example.com`;
  for (const [method, url, payload] of [
    // Public routes take no credential at all; the check still runs, before the route does anything.
    ['POST', `/api/v1/auth/register?x=${WHSEC}`, { email, password: 'a long enough passphrase', name: 'U' }],
    ['POST', `/api/v1/auth/password-reset?x=${encodeURIComponent(KEY)}`, { email }],
    // The router decodes %70 to p: the portal's routes answer this path, so they refuse it too.
    ['POST', `/api/v1/%70ortal/magic-link?x=${WHSEC}`, { email, workspaceId: w.workspaceId }],
    ['GET', `/api/v1/%70ortal/conversations?token=woesps_${KEY_BODY}`, undefined],
    ['GET', `/api/v1/widget/config?x=${WHSEC}`, undefined],
  ] as const) {
    const response = await t.request({ method, url, ...(payload ? { payload } : {}) });
    assert.equal(response.statusCode, 401, `${url}: ${response.body}`);
    assert.match(response.json.error, /never in the URL/);
    assert.ok(!carries(response.body, WHSEC) && !carries(response.body, KEY), response.body);
  }
  const made = await t.storage.db.selectFrom('users').select('id').where('email', '=', email).execute();
  assert.deepEqual(made, [], 'the refused sign-up made no account');
});
