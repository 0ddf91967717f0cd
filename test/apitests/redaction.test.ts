import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptOf, keptHeaders, redact, REDACTED, secretForms } from '../../src/apitests/redaction.js';
import { tenant } from '../support/api-helpers.js';
import { apiTestsApp, storedText } from './helpers.js';

test('a secret across the 2 KiB cut is redacted before the cut: no prefix of it survives', () => {
  const secret = 'S3cr3t-Value-That-Is-Long-Enough';
  const forms = secretForms('bearer', secret);
  for (let at = 2000; at < 2060; at += 1) {
    const body = Buffer.from('x'.repeat(at) + secret + 'y'.repeat(100));
    const excerpt = excerptOf(body, forms)!;
    assert.ok(Buffer.byteLength(excerpt) <= 2048, `at ${at}`);
    assert.ok(!excerpt.includes(secret.slice(0, 8)), `a prefix of the secret survived at ${at}`);
  }
});

test('the cut never leaves half a character; headers outside the allowlist are dropped', () => {
  const forms = secretForms('bearer', 'irrelevant-secret');
  const excerpt = excerptOf(Buffer.from('a' + 'é'.repeat(2000)), forms)!;
  assert.ok(Buffer.byteLength(excerpt) <= 2048);
  assert.ok(!excerpt.includes('\uFFFD'));
  assert.deepEqual(keptHeaders({ 'set-cookie': 'x', 'content-type': 'text/plain', 'x-secret': 'y' }, forms), {
    'content-type': 'text/plain',
  });
});

const SECRET = 'Zq9vX2mK7pL4wR8tY1nB5cD3fG6hJ0sA';

const b64 = (text: string, alphabet: 'base64' | 'base64url' = 'base64') => Buffer.from(text).toString(alphabet);
const eachChar = (text: string, write: (code: number) => string) =>
  [...text].map((c) => write(c.charCodeAt(0))).join('');

/** Every echo of `value` (a secret or a header value carrying it) the tester found, or that an API plausibly writes. */
function echoes(secret: string, sent: string): Record<string, string> {
  const hex = Buffer.from(secret).toString('hex');
  return {
    raw: secret,
    sent,
    hex,
    hexUpper: hex.toUpperCase(),
    base64: b64(secret),
    base64Sent: b64(sent),
    base64At1: b64(`x${secret}`),
    base64At2: b64(`xy${secret}`),
    base64urlAt1: b64(`x${secret}?`, 'base64url'),
    base64urlAt2: b64(`xy${secret}~~`, 'base64url'),
    upper: secret.toUpperCase(),
    lower: secret.toLowerCase(),
    reversed: [...secret].reverse().join(''),
    spaced: [...secret].join(' '),
    dashed: [...secret].join('-'),
    percentEvery: eachChar(secret, (c) => `%${c.toString(16).padStart(2, '0')}`),
    percentMixed: eachChar(secret, (c) => (c % 2 === 0 ? `%${c.toString(16).toUpperCase()}` : String.fromCharCode(c))),
    entitiesDecimal: eachChar(secret, (c) => `&#${c};`),
    entitiesHex: eachChar(secret, (c) => `&#x${c.toString(16)};`),
    jsonUnicode: eachChar(secret, (c) => `\\u${c.toString(16).padStart(4, '0')}`),
    firstHalf: `invalid token ${secret.slice(0, secret.length / 2)}…`,
    secondHalf: `…${secret.slice(secret.length / 2)} rejected`,
    middle: `token …${secret.slice(9, 19)}…`,
  };
}

/** Any 8 consecutive characters of the secret, in any case (what must not survive in a redacted text). */
function assertNoRun(where: string, text: string, secret: string): void {
  const haystack = text.toLowerCase();
  for (let i = 0; i + 8 <= secret.length; i += 1) {
    const run = secret.slice(i, i + 8).toLowerCase();
    assert.ok(!haystack.includes(run), `${where}: "${run}" survived in ${text}`);
  }
}

test('every echo form of a bearer secret is redacted, the text around it is kept', () => {
  const forms = secretForms('bearer', SECRET);
  for (const [name, echo] of Object.entries(echoes(SECRET, `Bearer ${SECRET}`))) {
    const out = redact(`before<${echo}>after`, forms);
    assert.ok(out.includes(REDACTED), `${name}: nothing was redacted in ${out}`);
    assert.ok(out.startsWith('before<') && out.endsWith('>after'), `${name}: too much was taken: ${out}`);
    assert.ok(!out.includes(echo), `${name}: the echo survived: ${out}`);
    assertNoRun(name, out, SECRET);
    assertNoRun(`${name} (hex)`, out, Buffer.from(SECRET).toString('hex'));
  }
  // The base64 forms leave at most the characters that are not the secret's alone.
  assert.equal(redact(b64(`xy${SECRET}`), forms), `eHl${REDACTED}Q==`);
});

test('runs of the secret shorter than 8 characters and ordinary text are left alone', () => {
  const forms = secretForms('bearer', SECRET);
  for (const text of [
    `key ends in …${SECRET.slice(-4)}`,
    `prefix ${SECRET.slice(0, 7)}`,
    '{"error":"invalid_token","message":"The access token expired","docs":"https://example.com/errors"}',
    'Zq9vX2m and K7pL4wR, two runs of 7',
    'deadbeef0123456789abcdef QmVhcmVy',
  ]) {
    assert.equal(redact(text, forms), text);
  }
});

test('a separator run between every character, several escapes mixed, and a secret in JSON are still caught', () => {
  const forms = secretForms('header', 'sk_live:"quoted"\\value/42');
  const json = JSON.stringify({ key: 'sk_live:"quoted"\\value/42' });
  assert.equal(redact(json, forms), `{"key":"${REDACTED}"}`);
  assert.equal(redact('a Z q 9 v X 2 m K b', secretForms('bearer', SECRET)), `a ${REDACTED} b`);
  assert.equal(redact('%5Aq&#57;v&#x58;2%6dK7', secretForms('bearer', SECRET)), REDACTED);
});

test('basic: the password, the pair and the header are redacted; the user name alone is not; a short password alone is not', () => {
  const forms = secretForms('basic', 'ada@example.com:pa ss/word+1');
  const header = `Basic ${b64('ada@example.com:pa ss/word+1')}`;
  for (const echo of [
    'pa ss/word+1',
    'pa%20ss%2Fword%2B1',
    'pa+ss%2Fword%2B1',
    b64('pa ss/word+1'),
    b64(`:pa ss/word+1`),
    header,
    b64(header),
    Buffer.from('pa ss/word+1').toString('hex'),
  ]) {
    const out = redact(`<${echo}>`, forms);
    assert.ok(out.includes(REDACTED), `${echo}: ${out}`);
    assertNoRun(echo, out, 'pa ss/word+1');
  }
  assert.equal(redact('signed in as ada@example.com', forms), 'signed in as ada@example.com');
  assert.equal(
    redact('{"auth":"ada:pa ss/word+1"}', secretForms('basic', 'ada:pa ss/word+1')),
    `{"auth":"ada:${REDACTED}"}`,
  );
  assert.equal(redact('abc abc', secretForms('basic', 'user-name:abc')), 'abc abc');
});

test('a long secret against a large, repetitive answer: bounded window, whole characters', () => {
  const secret = 'ab'.repeat(2048);
  const forms = secretForms('header', secret);
  const excerpt = excerptOf(Buffer.from('é' + 'ab'.repeat(400_000)), forms)!;
  assert.equal(excerpt, `é${REDACTED}`);
  assert.equal(
    redact('éab'.repeat(3) + 'é', forms),
    'éab'.repeat(3) + 'é',
    'runs under 8 characters stay, é stays whole',
  );
});

test('end to end: an API echoing the bearer secret in every form; the run stores none of them', async () => {
  const sent = `Bearer ${SECRET}`;
  const server = http.createServer((request, response) => {
    const value = request.headers.authorization ?? '';
    const found = echoes(value.replace(/^Bearer /, ''), value);
    const body = JSON.stringify({ error: 'invalid_token', echoes: found });
    response.writeHead(401, {
      'content-type': 'application/json',
      'x-request-id': `req-${found.hex}`,
      'www-authenticate': `Bearer error="invalid_token", token="${found.base64At1}"`,
      server: `echo ${found.reversed}`,
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const t = await apiTestsApp();
  try {
    const ws = await tenant(t);
    const created = await ws.call('POST', '/api-tests/credentials', {
      name: 'Echo',
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      auth: { type: 'bearer', secret: SECRET },
    });
    assert.equal(created.statusCode, 201, created.body);
    const run = await ws.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/x' });
    assert.equal(run.statusCode, 201, run.body);
    assert.equal(run.json.status, 401);
    const excerpt: string = run.json.excerpt;
    assert.equal(run.json.truncated, false);
    assert.ok(Buffer.byteLength(JSON.stringify({ error: 'invalid_token', echoes: echoes(SECRET, sent) })) < 2048);
    for (const name of Object.keys(echoes(SECRET, sent))) assert.ok(excerpt.includes(`"${name}":`), name);
    const stored = await storedText(t);
    for (const [where, text] of [
      ['excerpt', excerpt],
      ['headers', JSON.stringify(run.json.responseHeaders)],
      ['stored runs', stored.runs],
    ] as const) {
      for (const [name, echo] of Object.entries(echoes(SECRET, sent))) {
        assert.ok(!text.includes(echo), `${where}: ${name} survived`);
      }
      assertNoRun(where, text, SECRET);
      assertNoRun(where, text, Buffer.from(SECRET).toString('hex'));
    }
    assert.ok(run.json.responseHeaders['x-request-id'].startsWith('req-'));
  } finally {
    await t.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
