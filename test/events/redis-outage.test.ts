import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { LOCAL_POSTGRES_URL, LOCAL_REDIS_URL, TEST_DATABASE_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { TCPProxy } from '../helpers/tcp-proxy.js';
import { within } from '../keys/helpers.js';
import { PASSWORD, bearer as sessionBearer, signIn, signUp } from '../accounts/helpers.js';
import { reachable } from './reachable.js';
import { runWoes } from '../helpers/cli.js';

const REDIS = TEST_REDIS_URL ?? LOCAL_REDIS_URL;
const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

const woes = runWoes;

const me = (t: TestApp, secret: string) => t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const redisPort = () => Number(new URL(REDIS).port || 6379);

const VARIANTS: Array<{ name: string; needs: string | null; database: () => Promise<TestDatabase> }> = [
  { name: 'embedded SQLite', needs: null, database: () => createTestDatabase({ postgres: null }) },
  { name: 'PostgreSQL', needs: POSTGRES, database: () => createTestDatabase({ postgres: POSTGRES }) },
];

for (const variant of VARIANTS) {
  test(`Redis cut (${variant.name}): revocations, a plan change and a member removal reach instance B within 1 s`, async (context) => {
    if (!(await reachable(REDIS))) return context.skip('Redis unreachable');
    if (variant.needs && !(await reachable(variant.needs))) return context.skip(`${variant.needs} unreachable`);
    const proxy = new TCPProxy(new URL(REDIS).hostname, redisPort());
    const port = await proxy.start();
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    const database = await variant.database();
    const a = await createTestApp({ database, env });
    const b = await createTestApp({ database, env });
    // The CLI child reaches the same database (and, on PostgreSQL, the same test schema).
    const cliEnv: Record<string, string> = { ...database.env, ...env, LOG_LEVEL: 'silent' };
    if (a.storage.schema) cliEnv.PGOPTIONS = `-c search_path=${a.storage.schema}`;
    try {
      assert.equal(b.app.woes.bus.name, 'redis');
      const workspace = await createWorkspace(a);
      const admin = await createApiKey(a, workspace, ['admin']);
      const byAPI = await createApiKey(a, workspace, ['read']);
      const byCLI = await createApiKey(a, workspace, ['read']);
      const owner = await signUp(a, `owner-${Date.now()}@example.com`, { workspaceName: 'Outage' });
      const team = owner.workspaceId!;
      const agentEmail = `agent-${Date.now()}@example.com`;
      const agent = await signUp(a, agentEmail);
      await a.storage.db
        .insertInto('memberships')
        .values({ workspaceId: team, userId: agent.userId, role: 'admin', createdAt: Date.now() })
        .execute();
      const agentSession = await signIn(a, agentEmail, PASSWORD, team);
      const workspaceAs = (token: string) =>
        b.request({ method: 'GET', url: '/api/v1/workspace', headers: sessionBearer(token, team) });
      // Warm B's caches while Redis is up: from here B answers these credentials from memory.
      for (const key of [admin, byAPI, byCLI]) assert.equal((await me(b, key.secret)).statusCode, 200);
      assert.equal((await workspaceAs(agentSession.accessToken)).statusCode, 200);

      await proxy.stop();
      await pause(300);

      assert.equal(
        (await a.request({ method: 'DELETE', url: `/api/v1/keys/${byAPI.id}`, headers: bearer(admin.secret) }))
          .statusCode,
        204,
      );
      const apiMs = await within(1000, async () => (await me(b, byAPI.secret)).statusCode === 401);
      context.diagnostic(`API revocation reached B after ${apiMs} ms with Redis down`);

      const revoked = await woes(cliEnv, 'keys', 'revoke', byCLI.id);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stderr, /warning: .*redis/i, 'the CLI said nothing about the failed fast path');
      await within(1000, async () => (await me(b, byCLI.secret)).statusCode === 401);

      const plan = await woes(cliEnv, 'workspace', 'set-plan', workspace, 'free');
      assert.equal(plan.code, 0, plan.stderr);
      await within(1000, async () => (await me(b, admin.secret)).json?.code === 'plan_required');

      const removed = await a.request({
        method: 'DELETE',
        url: `/api/v1/members/${agent.userId}`,
        headers: sessionBearer(owner.accessToken, team),
      });
      assert.equal(removed.statusCode, 204, removed.body);
      await within(1000, async () => (await workspaceAs(agentSession.accessToken)).statusCode === 403);

      // Redis returns: the fast path works again, and the outage was reported once, not per retry.
      await proxy.restart();
      await within(
        5000,
        async () =>
          a.logs.text.includes('Redis is reachable again') && b.logs.text.includes('Redis is reachable again'),
      );
      const late = await createApiKey(a, workspace, ['read']);
      await a.app.woes.db.updateTable('workspaces').set({ plan: 'pro' }).where('id', '=', workspace).execute();
      await a.app.woes.bus.publish({ kind: 'workspace', subject: workspace });
      await within(1000, async () => (await me(b, late.secret)).statusCode === 200);
      for (const instance of [a, b]) {
        const warnings = instance.logs.lines
          .map((line) => JSON.parse(line) as { level: number; msg: string })
          .filter((line) => line.level >= 40);
        const down = warnings.filter((line) => /Redis is unreachable: instances poll/.test(line.msg));
        assert.equal(
          down.length,
          1,
          `one outage warning from the invalidation channel, got:\n${down.map((l) => l.msg).join('\n')}`,
        );
        assert.equal(warnings.filter((line) => /Redis is reachable again: invalidations/.test(line.msg)).length, 1);
      }
    } finally {
      await a.close();
      await b.close();
      await proxy.stop();
      await database.drop();
    }
  });
}
