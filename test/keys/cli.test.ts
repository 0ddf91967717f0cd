import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { LOCAL_REDIS_URL, TEST_REDIS_URL } from '../helpers/env.js';
import { reachable } from '../events/reachable.js';
import { within } from './helpers.js';
import { runWoes } from '../helpers/cli.js';

const woes = runWoes;

const me = (t: TestApp, secret: string) => t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
const REDIS = TEST_REDIS_URL ?? LOCAL_REDIS_URL;

for (const variant of [
  { name: 'embedded poll log', env: {} as Record<string, string> },
  { name: 'Redis', env: { REDIS_URL: REDIS } },
]) {
  test(`CLI (${variant.name}): keys create/list/revoke and set-plan reach a running server within 1 s`, async (context) => {
    if (variant.env.REDIS_URL && !(await reachable(REDIS))) return context.skip('Redis unreachable');
    // The CLI child opens the database from its env, so this test uses the embedded file.
    const database = await createTestDatabase({ postgres: null });
    const t = await createTestApp({ database, env: variant.env });
    const env = { ...database.env, ...variant.env, LOG_LEVEL: 'silent' };
    try {
      const workspace = await createWorkspace(t);

      const created = await woes(
        env,
        'keys',
        'create',
        '--workspace',
        workspace,
        '--name',
        'Nightly export',
        '--scopes',
        'tickets.read,contacts.read',
        '--json',
      );
      assert.equal(created.code, 0, created.stderr);
      const key = JSON.parse(created.stdout);
      assert.match(key.secret, /^woesk_/);
      assert.deepEqual(key.scopes, ['conversations.read', 'messages.read', 'customers.read']);
      assert.deepEqual(key.createdBy, { type: 'cli', id: null });
      assert.equal((await me(t, key.secret)).statusCode, 200);

      const listed = await woes(env, 'keys', 'list', '--workspace', workspace, '--json');
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual(
        JSON.parse(listed.stdout).data.map((k: { id: string }) => k.id),
        [key.id],
      );
      assert.ok(!listed.stdout.includes(key.secret), 'list printed a secret');

      const revoked = await woes(env, 'keys', 'revoke', key.id);
      assert.equal(revoked.code, 0, revoked.stderr);
      const ms = await within(1000, async () => (await me(t, key.secret)).statusCode === 401);
      context.diagnostic(`CLI revocation reached the server after ${ms} ms`);

      const other = await createApiKey(t, workspace, ['read']);
      assert.equal((await me(t, other.secret)).statusCode, 200);
      const plan = await woes(env, 'workspace', 'set-plan', workspace, 'free');
      assert.equal(plan.code, 0, plan.stderr);
      await within(1000, async () => (await me(t, other.secret)).json?.code === 'plan_required');

      assert.ok(!t.logs.text.includes(key.secret) && !t.logs.text.includes(other.secret));
    } finally {
      await t.close();
      await database.drop();
    }
  });
}

test('CLI errors: missing options and bad values exit non-zero with a message on stderr', async () => {
  const database = await createTestDatabase({ postgres: null });
  const env = { ...database.env, LOG_LEVEL: 'silent' };
  try {
    const missing = await woes(env, 'keys', 'create', '--name', 'x', '--scopes', 'read');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--workspace/);
    const unknown = await woes(env, 'keys', 'revoke', 'key_01m82nsxz2ncwdebjdaprhvkdc');
    assert.notEqual(unknown.code, 0);
    assert.equal(unknown.stdout, '');
  } finally {
    await database.drop();
  }
});
