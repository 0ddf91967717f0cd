import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { LOCAL_POSTGRES_URL, testSecrets } from '../helpers/env.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createStorage } from '../../src/storage/database.js';
import { LogCapture } from '../helpers/app.js';

test('health is up with the database', async () => {
  const t = await createTestApp();
  try {
    const res = await t.request({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json.status, 'ok');
    assert.equal(res.json.database, 'up');
    assert.equal(typeof res.json.version, 'string');
  } finally {
    await t.close();
  }
});

test('PostgreSQL going away gives 503 unavailable, and the app recovers by itself', async () => {
  const target = new URL(LOCAL_POSTGRES_URL);
  const proxy = new TCPProxy(target.hostname, Number(target.port || 5432));
  await proxy.start();
  const url = new URL(LOCAL_POSTGRES_URL);
  url.port = String(proxy.port);
  const schema = `t_health_${process.pid}`;
  const storage = createStorage({ databaseUrl: url.toString(), schema, poolSize: 2 });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    ...testSecrets(),
    WOES_DATA_DIR: `/tmp/woes-health-${process.pid}`,
  });
  const app = await buildApp(config, { storage, logStream: new LogCapture() });
  app.get('/test/db', async () => {
    await app.woes.db.selectFrom('workspaces').select('id').execute();
    return { ok: true };
  });
  await app.ready();
  try {
    assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
    await proxy.stop();
    const down = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(down.statusCode, 503);
    assert.equal(down.json().database, 'down');
    const query = await app.inject({ method: 'GET', url: '/test/db' });
    assert.equal(query.statusCode, 503);
    assert.equal(query.json().code, 'unavailable');
    await proxy.restart();
    let recovered = 0;
    for (let i = 0; i < 50 && recovered !== 200; i++) {
      recovered = (await app.inject({ method: 'GET', url: '/health' })).statusCode;
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(recovered, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/test/db' })).statusCode, 200);
  } finally {
    await app.close();
    await storage.db.schema
      .dropSchema(schema)
      .ifExists()
      .cascade()
      .execute()
      .catch(() => undefined);
    await storage.destroy();
    await proxy.stop();
  }
});

test('starting against a database on a closed port fails with a clear error', async () => {
  const url = 'postgres://postgres@127.0.0.1:1/test';
  const storage = createStorage({ databaseUrl: url, poolSize: 1 });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    ...testSecrets(),
    WOES_DATA_DIR: `/tmp/woes-closed-${process.pid}`,
  });
  // Migrations cannot run either: starting fails with a clear error rather than hanging.
  await assert.rejects(buildApp(config, { storage, logStream: new LogCapture() }), /ECONNREFUSED|connect/);
  await storage.destroy();
});
