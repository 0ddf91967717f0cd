import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { IN_CI, LOCAL_POSTGRES_URL, TEST_DATABASE_URL } from '../helpers/env.js';
import { PrivateRedis, hasRedisServer } from '../helpers/private-redis.js';
import { reachable } from '../events/reachable.js';
import { tenant } from '../support/api-helpers.js';

// PostgreSQL and Redis on the same machine as Woes can be reached through Unix sockets
// (README, Scale-out mode): both URL forms of DATABASE_URL and REDIS_URL=unix:///… connect for real.
const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

/** The server's socket directory and port, asked over TCP; null when it listens on none. */
async function socketOf(url: string): Promise<{ dir: string; port: string } | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dirs = (await client.query<{ unix_socket_directories: string }>('show unix_socket_directories')).rows[0]
      .unix_socket_directories;
    const port = (await client.query<{ port: string }>('show port')).rows[0].port;
    const dir = dirs
      .split(',')
      .map((d) => d.trim())
      .find((d) => d.startsWith('/') && fs.existsSync(path.join(d, `.s.PGSQL.${port}`)));
    return dir ? { dir, port } : null;
  } finally {
    await client.end();
  }
}

test('DATABASE_URL through the Unix socket: the socket directory as the host, or as ?host=', async (context) => {
  if (!(await reachable(POSTGRES))) {
    assert.ok(!IN_CI, `${POSTGRES} unreachable in CI`);
    return context.skip(`${POSTGRES} unreachable`);
  }
  const socket = await socketOf(POSTGRES);
  if (socket === null) return context.skip('this PostgreSQL listens on no Unix socket');
  const { username, pathname } = new URL(POSTGRES);
  const user = username || 'postgres';
  const forms = [
    `postgres://${user}@${encodeURIComponent(socket.dir)}:${socket.port}${pathname}`,
    `postgresql://${pathname}?host=${socket.dir}&port=${socket.port}&user=${user}`,
  ];
  for (const url of forms) {
    const database = await createTestDatabase({ postgres: url });
    const t = await createTestApp({ database });
    try {
      assert.equal(t.storage.dialect, 'postgres');
      const w = await tenant(t);
      const created = await w.call('POST', '/conversations', { subject: 'over a socket' });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await w.call('GET', `/conversations/${created.json.id}`)).json.subject, 'over a socket');
      // A connection through a Unix socket has no server address.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ addr: string | null }>('select inet_server_addr() as addr');
      await client.end();
      assert.equal(rows[0].addr, null, `${url} went through the socket`);
    } finally {
      await t.close();
      await database.drop();
    }
  }
});

test(
  'REDIS_URL=unix:///path: the rate limiter counts in that Redis',
  { skip: !hasRedisServer() && !IN_CI && 'no redis-server' },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-redis-sock-'));
    const socketPath = path.join(dir, 'redis.sock');
    const redis = await new PrivateRedis().start({ unixSocket: socketPath });
    const t = await createTestApp({ env: { REDIS_URL: `unix://${socketPath}?db=3` } });
    const probe = new Redis({ path: socketPath, db: 3 });
    try {
      const w = await tenant(t);
      assert.equal((await w.call('GET', '/me')).statusCode, 200);
      assert.equal((await t.request({ method: 'GET', url: '/health' })).json.redis, 'up');
      const keys = await probe.keys('woes:*');
      assert.ok(keys.length > 0, 'the request was counted in database 3 of the Redis behind the socket');
    } finally {
      probe.disconnect();
      await t.close();
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
