import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { LOCAL_POSTGRES_URL, LOCAL_REDIS_URL, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { within } from '../keys/helpers.js';
import { reachable } from './reachable.js';

const REDIS = TEST_REDIS_URL ?? LOCAL_REDIS_URL;
const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

interface Variant {
  name: string;
  bus: string;
  needs: string | null;
  database: () => Promise<TestDatabase>;
  env: Record<string, string>;
}

const VARIANTS: Variant[] = [
  {
    name: 'embedded SQLite, polled invalidation log',
    bus: 'sqlite-poll',
    needs: null,
    database: () => createTestDatabase({ postgres: null }),
    env: {},
  },
  {
    name: 'Redis pub/sub',
    bus: 'redis',
    needs: REDIS,
    database: () => createTestDatabase(),
    env: { REDIS_URL: REDIS },
  },
  {
    name: 'PostgreSQL LISTEN/NOTIFY',
    bus: 'pg-notify',
    needs: POSTGRES,
    database: () => createTestDatabase({ postgres: POSTGRES }),
    env: {},
  },
];

const me = (t: TestApp, secret: string) => t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });

for (const variant of VARIANTS) {
  test(`two instances, ${variant.name}: revoke, roll and plan change on A reach B within 1 s`, async (context) => {
    if (variant.needs && !(await reachable(variant.needs))) return context.skip(`${variant.needs} unreachable`);
    const database = await variant.database();
    const a = await createTestApp({ database, env: variant.env });
    const b = await createTestApp({ database, env: variant.env });
    try {
      assert.equal(a.app.woes.bus.name, variant.bus);
      assert.equal(b.app.woes.bus.name, variant.bus);
      const workspace = await createWorkspace(a);
      const admin = await createApiKey(a, workspace, ['admin']);
      const victim = await createApiKey(a, workspace, ['read']);
      const rolled = await createApiKey(a, workspace, ['read']);
      // Warm B's cache: from now on B answers these keys without the database.
      for (const key of [admin, victim, rolled]) assert.equal((await me(b, key.secret)).statusCode, 200);

      assert.equal(
        (await a.request({ method: 'DELETE', url: `/api/v1/keys/${victim.id}`, headers: bearer(admin.secret) }))
          .statusCode,
        204,
      );
      assert.equal((await me(a, victim.secret)).statusCode, 401, 'A accepted its own revoked key');
      const revokeMs = await within(1000, async () => (await me(b, victim.secret)).statusCode === 401);
      context.diagnostic(`revocation reached B after ${revokeMs} ms`);

      const roll = await a.request({
        method: 'POST',
        url: `/api/v1/keys/${rolled.id}/roll`,
        headers: bearer(admin.secret),
        payload: { expiresIn: 0 },
      });
      assert.equal(roll.statusCode, 201);
      await within(1000, async () => (await me(b, rolled.secret)).json?.code === 'key_expired');
      assert.equal((await me(b, roll.json.secret)).statusCode, 200);

      // A plan change (as the accounts or billing code makes it) drops every cached key of the workspace.
      await a.app.woes.db.updateTable('workspaces').set({ plan: 'free' }).where('id', '=', workspace).execute();
      await a.app.woes.bus.publish({ kind: 'workspace', subject: workspace });
      await within(1000, async () => (await me(b, admin.secret)).json?.code === 'plan_required');
    } finally {
      await a.close();
      await b.close();
      await database.drop();
    }
  });
}

test('the poll bus starts after the newest row: an old invalidation is not replayed', async () => {
  const database = await createTestDatabase({ postgres: null });
  const a = await createTestApp({ database });
  try {
    const workspace = await createWorkspace(a);
    const key = await createApiKey(a, workspace, ['read']);
    await a.app.woes.bus.publish({ kind: 'workspace', subject: workspace });
    const b = await createTestApp({ database });
    try {
      const seen: string[] = [];
      b.app.woes.bus.subscribe((invalidation) => seen.push(invalidation.subject));
      assert.equal((await me(b, key.secret)).statusCode, 200);
      await new Promise((resolve) => setTimeout(resolve, b.config.invalidationPollMs * 3));
      assert.deepEqual(seen, []);
      await a.app.woes.bus.publish({ kind: 'api_key', subject: 'abc' });
      await within(1000, async () => (seen as string[]).includes('abc'));
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
    await database.drop();
  }
});
