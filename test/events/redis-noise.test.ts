import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { LOCAL_REDIS_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { within } from '../keys/helpers.js';
import { reachable } from './reachable.js';

const REDIS = TEST_REDIS_URL ?? LOCAL_REDIS_URL;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a Redis outage logs one warning per component when it starts and one line when it ends, errors with message and code', async (context) => {
  if (!(await reachable(REDIS))) return context.skip('Redis unreachable');
  const target = new URL(REDIS);
  const proxy = new TCPProxy(target.hostname, Number(target.port || 6379));
  const port = await proxy.start();
  const database = await createTestDatabase({ postgres: null });
  const t = await createTestApp({ database, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
  try {
    const workspace = await createWorkspace(t);
    const key = await createApiKey(t, workspace, ['read']);
    await proxy.stop();
    // Several seconds of outage with traffic: every reconnect attempt and every request meets the dead Redis.
    for (let i = 0; i < 15; i += 1) {
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(key.secret) })).statusCode,
        200,
      );
      await pause(200);
    }
    await proxy.restart();
    await within(5000, async () => (await t.request({ method: 'GET', url: '/health' })).json?.redis === 'up');
    // The invalidation subscriber reconnects on its own schedule (at most a second apart).
    await pause(1500);

    const lines = t.logs.lines.map(
      (line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string; code?: string } },
    );
    const warnings = lines.filter((line) => line.level >= 40).map((line) => line.msg);
    assert.deepEqual(
      warnings.sort(),
      [
        'Redis is reachable again: invalidations are pushed again',
        'Redis is unreachable: instances poll the database for invalidations until it returns',
        'Redis is unreachable: rate limits count per instance until it returns',
      ],
      'warnings during one outage',
    );
    assert.ok(!t.logs.text.includes('"type":"Object"'), 'an error was logged as {"type":"Object"}');
    const errors = lines.filter((line) => line.err !== undefined);
    assert.ok(errors.length > 0, 'connection errors are logged at debug level');
    for (const line of errors) assert.ok(line.err!.message, `an error without its message: ${JSON.stringify(line)}`);
    assert.ok(
      errors.some((line) => line.err!.code === 'ECONNREFUSED'),
      'the error code is kept',
    );
  } finally {
    await t.close();
    await proxy.stop();
    await database.drop();
  }
});
