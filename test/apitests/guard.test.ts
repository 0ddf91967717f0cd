import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiTestsApp, recordingTenant, storedText } from './helpers.js';
import { assertNoLeak, startTarget, type Target } from './target.js';

let target: Target;
before(async () => {
  target = await startTarget();
});
after(() => target.close());

const port = () => new URL(target.url).port;

test('with private targets not allowed: loopback, metadata and DNS-rebinding targets are refused, nothing reaches them', async () => {
  // The resolve hook answers a public address when the URL is saved, loopback afterwards (a rebinding DNS).
  let lookups = 0;
  const t = await apiTestsApp({
    env: { WOES_ALLOW_PRIVATE_WEBHOOKS: 'false' },
    deps: {
      outboundPolicy: {
        allowPrivate: false,
        resolve: async (host) => {
          if (host !== 'rebind.test') throw new Error('no such host');
          lookups += 1;
          return [{ address: lookups === 1 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
        },
      },
    },
  });
  try {
    const ws = await recordingTenant(t);
    for (const baseUrl of [
      target.url,
      'http://169.254.169.254/latest',
      'http://[::1]:8080',
      'http://0x7f.1/',
      'http://10.0.0.1/',
    ]) {
      const response = await ws.call('POST', '/api-tests/credentials', {
        name: 'internal',
        baseUrl,
        auth: { type: 'bearer', secret: 'never-sent-anywhere' },
      });
      assert.equal(response.statusCode, 400, `${baseUrl}: ${response.body}`);
      assert.equal(response.json.details[0].path, '/body/baseUrl');
      assert.match(response.json.details[0].message, /refused \((blocked_address|invalid_url)\)/);
    }
    const created = await ws.call('POST', '/api-tests/credentials', {
      name: 'rebinding',
      baseUrl: `http://rebind.test:${port()}`,
      auth: { type: 'bearer', secret: 'rebinding-secret' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const hits = target.hits.length;
    const run = await ws.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' });
    assert.equal(run.statusCode, 201, run.body);
    assert.equal(run.json.status, null);
    assert.equal(run.json.ok, false);
    assert.equal(run.json.error.reason, 'blocked_address');
    assert.equal(target.hits.length, hits, 'the rebound address was never connected to');
    assert.ok(lookups >= 2, 'the run resolved the host again');
    const listed = await ws.call('GET', '/api-tests/runs');
    assert.equal(listed.json.data[0].error.reason, 'blocked_address', 'a refused run is in the history');
    assertNoLeak('answers', ws.seen.join('\n'), 'rebinding-secret');
    assertNoLeak('logs', t.logs.text, 'rebinding-secret');
  } finally {
    await t.close();
  }
});

test('redirects are recorded, never followed; an unreachable target is a recorded failure', async () => {
  const t = await apiTestsApp();
  try {
    const ws = await recordingTenant(t);
    const created = await ws.call('POST', '/api-tests/credentials', {
      name: 'redirecting',
      baseUrl: target.url,
      auth: { type: 'bearer', secret: 'redirect-secret' },
    });
    const hits = target.hits.length;
    const run = await ws.call('POST', '/api-tests/runs', {
      credentialId: created.json.id,
      method: 'GET',
      path: '/redirect',
      expectStatus: 302,
    });
    assert.equal(run.json.status, 302);
    assert.equal(run.json.ok, true, 'expectStatus decides ok');
    assert.equal(run.json.responseHeaders.location, 'http://127.0.0.1:1/elsewhere');
    assert.equal(target.hits.length, hits + 1, 'the redirect was not followed');

    const closed = await ws.call('POST', '/api-tests/credentials', {
      name: 'nothing listens',
      baseUrl: 'http://127.0.0.1:1',
      auth: { type: 'bearer', secret: 'closed-port-secret' },
    });
    const failed = await ws.call('POST', '/api-tests/runs', { credentialId: closed.json.id, method: 'GET', path: '/' });
    assert.equal(failed.statusCode, 201, failed.body);
    assert.equal(failed.json.error.reason, 'connect');
    assert.equal(failed.json.ok, false);
  } finally {
    await t.close();
  }
});

test('runs are limited per workspace (429 with Retry-After, not recorded); another workspace is unaffected', async () => {
  const t = await apiTestsApp({ deps: { rateRules: { apiTestRuns: { points: 3, durationMs: 60_000 } } } });
  try {
    const make = async () => {
      const ws = await recordingTenant(t);
      const created = await ws.call('POST', '/api-tests/credentials', {
        name: 'limited',
        baseUrl: target.url,
        auth: { type: 'bearer', secret: 'limited-secret' },
      });
      return {
        ws,
        run: () => ws.call('POST', '/api-tests/runs', { credentialId: created.json.id, method: 'GET', path: '/' }),
      };
    };
    const a = await make();
    const b = await make();
    for (let i = 0; i < 3; i += 1) assert.equal((await a.run()).statusCode, 201);
    const limited = await a.run();
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) >= 1);
    assert.equal((await a.ws.call('GET', '/api-tests/runs')).json.data.length, 3);
    assert.equal((await b.run()).statusCode, 201);
  } finally {
    await t.close();
  }
});

test('a tampered ciphertext, or one moved to another record or workspace, fails closed: 409, nothing sent', async () => {
  const t = await apiTestsApp();
  try {
    const a = await recordingTenant(t);
    const b = await recordingTenant(t);
    const create = (ws: typeof a, name: string, secret: string) =>
      ws.call('POST', '/api-tests/credentials', { name, baseUrl: target.url, auth: { type: 'bearer', secret } });
    const one = (await create(a, 'one', 'secret-number-one')).json.id as string;
    const two = (await create(a, 'two', 'secret-number-two')).json.id as string;
    const three = (await create(b, 'three', 'secret-number-three')).json.id as string;
    const sealedOf = async (id: string) =>
      (
        await t.storage.db
          .selectFrom('apiTestCredentials')
          .select('secretSealed')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).secretSealed;
    const setSealed = (id: string, secretSealed: string) =>
      t.storage.db.updateTable('apiTestCredentials').set({ secretSealed }).where('id', '=', id).execute();

    const original = await sealedOf(one);
    // Change one character inside the ciphertext (well inside: base64url's last character may carry unused bits).
    const at = original.length - 10;
    await setSealed(one, original.slice(0, at) + (original[at] === 'A' ? 'B' : 'A') + original.slice(at + 1));
    await setSealed(two, original); // one's value moved to another record of the same workspace
    await setSealed(three, original); // …and to another workspace's record
    const hits = target.hits.length;
    for (const [ws, id] of [
      [a, one],
      [a, two],
      [b, three],
    ] as const) {
      const run = await ws.call('POST', '/api-tests/runs', { credentialId: id, method: 'GET', path: '/' });
      assert.equal(run.statusCode, 409, `${id}: ${run.body}`);
      assert.equal(run.json.code, 'conflict');
      assert.match(run.json.error, /cannot be decrypted/);
    }
    assert.equal(target.hits.length, hits, 'nothing was sent');
    assert.equal((await a.call('GET', '/api-tests/runs')).json.data.length, 0);
    const audit = JSON.parse((await storedText(t)).audit) as Array<{ type: string; targetId: string }>;
    assert.equal(audit.filter((e) => e.type === 'api_test_credential.unreadable').length, 3);
    // Replacing the secret makes the credential usable again.
    assert.equal(
      (await a.call('PUT', `/api-tests/credentials/${one}/secret`, { secret: 'fresh-secret-1' })).statusCode,
      200,
    );
    target.expect('authorization', 'Bearer fresh-secret-1');
    const again = await a.call('POST', '/api-tests/runs', { credentialId: one, method: 'GET', path: '/' });
    assert.equal(again.json.status, 200);
    assert.doesNotMatch(t.logs.text, /"level":50|internal_error/, 'no error was logged as a crash');
  } finally {
    await t.close();
  }
});
