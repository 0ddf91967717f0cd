import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/app.js';
import { PrivatePostgres } from '../helpers/private-postgres.js';
import { IN_CI, LOCAL_POSTGRES_URL } from '../helpers/env.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { tenant } from '../support/api-helpers.js';

const TIMEOUT_MS = 1500;
/** How long a frozen request may take before the test calls it a hang (timeout + margins). */
const HANG_MS = TIMEOUT_MS + 2500;

/** Times a request; a request still pending after HANG_MS fails the test instead of hanging it. */
async function timed(
  work: Promise<{ statusCode: number; json: any }>,
): Promise<{ statusCode: number; json: any; ms: number }> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`request still pending after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const res = await Promise.race([work, hang]);
    return { ...res, ms: Date.now() - start };
  } finally {
    clearTimeout(timer);
  }
}

const canRun = PrivatePostgres.available();

test(
  'a frozen PostgreSQL answers 503 within WOES_DB_TIMEOUT_MS and /health within 1 s, then recovers',
  { skip: !canRun && !IN_CI && 'no PostgreSQL binaries' },
  async () => {
    const pg = await new PrivatePostgres().start();
    const database = await createTestDatabase({ postgres: pg.url });
    let t: TestApp | null = null;
    let queryStarted!: () => void;
    const started = new Promise<void>((resolve) => (queryStarted = resolve));
    try {
      t = await createTestApp({
        database,
        env: { WOES_DB_TIMEOUT_MS: String(TIMEOUT_MS) },
        beforeReady(app) {
          // A request that holds its pool connection while the server freezes.
          app.get('/test/slow-query', async () => {
            queryStarted();
            // Shorter than the timeout: only the freeze can make it fail.
            await sql`select pg_sleep(1)`.execute(app.woes.db);
            return { ok: true };
          });
        },
      });
      const app = t;
      const caller = await tenant(app);
      assert.equal((await caller.call('GET', '/customers')).statusCode, 200);

      const inFlight = timed(app.request({ method: 'GET', url: '/test/slow-query' }));
      await started;
      await new Promise((resolve) => setTimeout(resolve, 50));
      pg.freeze();
      const [held, list, health] = await Promise.all([
        inFlight,
        timed(caller.call('GET', '/customers')),
        timed(app.request({ method: 'GET', url: '/health' })),
      ]);
      assert.equal(held.statusCode, 503);
      assert.equal(held.json.code, 'unavailable');
      assert.equal(list.statusCode, 503);
      assert.equal(list.json.code, 'unavailable');
      assert.equal(health.statusCode, 503);
      assert.equal(health.json.database, 'down');
      assert.ok(health.ms < 1000, `/health took ${health.ms} ms`);
      // The pool is not left full of connections stuck behind the frozen server.
      const again = await timed(caller.call('GET', '/customers'));
      assert.equal(again.statusCode, 503);

      pg.thaw();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await app.request({ method: 'GET', url: '/health' })).statusCode;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 200);
      assert.equal((await caller.call('GET', '/customers')).statusCode, 200);
    } finally {
      pg.thaw();
      await t?.close();
      await database.drop().catch(() => undefined);
      await pg.stop();
    }
  },
);

test('PostgreSQL behind a black hole (a proxy that stops forwarding): 503 within the timeout, /health within 1 s', async () => {
  const target = new URL(LOCAL_POSTGRES_URL);
  const proxy = new TCPProxy(target.hostname, Number(target.port || 5432));
  await proxy.start();
  const url = new URL(LOCAL_POSTGRES_URL);
  url.port = String(proxy.port);
  const database = await createTestDatabase({ postgres: url.toString() });
  let t: TestApp | null = null;
  try {
    t = await createTestApp({ database, env: { WOES_DB_TIMEOUT_MS: String(TIMEOUT_MS) } });
    const caller = await tenant(t);
    assert.equal((await caller.call('GET', '/customers')).statusCode, 200);
    proxy.freeze();
    const [list, health] = await Promise.all([
      timed(caller.call('GET', '/customers')),
      timed(t.request({ method: 'GET', url: '/health' })),
    ]);
    assert.equal(list.statusCode, 503);
    assert.equal(list.json.code, 'unavailable');
    assert.equal(health.statusCode, 503);
    assert.ok(health.ms < 1000, `/health took ${health.ms} ms`);
    proxy.thaw();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await caller.call('GET', '/customers')).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 200);
  } finally {
    proxy.thaw();
    await t?.close();
    await database.drop().catch(() => undefined);
    await proxy.stop();
  }
});
