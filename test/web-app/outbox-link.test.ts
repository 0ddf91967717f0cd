import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { recipientAddresses } from '../../src/web-app/outbox-link.js';

const PASSWORD = 'a perfectly fine passphrase';
let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

// Unique per run: with Redis the per-recipient email limit outlives one run.
const run = Math.random().toString(36).slice(2, 8);

async function register(email: string): Promise<void> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: PASSWORD, name: 'Some One' },
  });
  assert.equal(response.statusCode, 202, response.body);
}

function outboxLink(email: string, remoteAddress = '127.0.0.1') {
  return t.request({
    method: 'POST',
    url: '/app/outbox/verification-link',
    payload: { email, password: PASSWORD },
    remoteAddress,
  });
}

test("the outbox link is the one sent to exactly that address, never a longer address's", async () => {
  const short = `e.${run}@example.org`;
  const long = `alic${short}`; // ends with the short one, and its email is the newer
  await register(short);
  await register(long);
  const own = await outboxLink(short);
  const theirs = await outboxLink(long);
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(theirs.statusCode, 200, theirs.body);
  assert.match(own.json.link, /\/verify-email\?token=/);
  assert.notEqual(own.json.link, theirs.json.link, "the shorter address got the longer one's link");
  // Case does not matter; the link still verifies the right account.
  assert.equal((await outboxLink(short.toUpperCase())).json.link, own.json.link);
  const token = new URL(own.json.link).searchParams.get('token');
  const verified = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  assert.equal(verified.statusCode, 200, verified.body);
});

test('the verification link answers only from a loopback address', async () => {
  const email = `remote.${run}@example.org`;
  await register(email);
  const remote = await outboxLink(email, '203.0.113.7');
  assert.equal(remote.statusCode, 404, remote.body);
  assert.equal(remote.json.code, 'not_found');
  assert.equal((await outboxLink(email, '::ffff:127.0.0.1')).statusCode, 200);
});

test('with a public URL that is not loopback the outbox link is a 404 and config.json offers no outbox', async () => {
  const hosted = await createTestApp({ env: { WOES_PUBLIC_URL: 'https://support.example.com' } });
  try {
    const email = `hosted.${run}@example.org`;
    await hosted.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: PASSWORD, name: 'Some One' },
    });
    const response = await hosted.request({
      method: 'POST',
      url: '/app/outbox/verification-link',
      payload: { email, password: PASSWORD },
      remoteAddress: '127.0.0.1',
    });
    assert.equal(response.statusCode, 404, response.body);
    assert.equal((await hosted.request({ method: 'GET', url: '/app/config.json' })).json.outbox, false);
  } finally {
    await hosted.close();
  }
});

test('recipient addresses are read from To headers whole', () => {
  assert.deepEqual(recipientAddresses('Alice <Alice@Example.org>'), ['alice@example.org']);
  assert.deepEqual(recipientAddresses('e@example.org'), ['e@example.org']);
  assert.deepEqual(recipientAddresses('"Doe, Jane" <jane@x.test>, bob@y.test'), ['"doe', 'jane@x.test', 'bob@y.test']);
});
