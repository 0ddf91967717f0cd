import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { bearer, signUp } from '../accounts/helpers.js';
import { runWoes } from '../helpers/cli.js';

const DAY_SECONDS = 24 * 3600;

test("woes keys create applies the workspace's key policy like POST /keys: refused (exit 2, nothing created) until the expiry fits", async () => {
  // The CLI child opens the database from its env, so this test uses the embedded file.
  const database = await createTestDatabase({ postgres: null });
  const t = await createTestApp({ database });
  const env = { ...database.env, LOG_LEVEL: 'silent' };
  let ws = '';
  const create = (...extra: string[]) =>
    runWoes(env, 'keys', 'create', '--workspace', ws, '--name', 'cli', '--scopes', 'read', ...extra);
  try {
    const owner = await signUp(t, 'cli-policy-owner@example.com', { workspaceName: 'Policy Co' });
    ws = owner.workspaceId!;
    const api = (method: 'PATCH' | 'POST', url: string, payload: object) =>
      t.request({ method, url: `/api/v1${url}`, headers: bearer(owner.accessToken, ws), payload });
    const policy = await api('PATCH', '/workspace/key-policy', { maxLifetimeDays: 30, requireExpiry: true });
    assert.equal(policy.statusCode, 200, policy.body);
    // The API's answer, which the CLI must match.
    const viaApi = await api('POST', '/keys', { name: 'api', scopes: ['read'] });
    assert.equal(viaApi.statusCode, 400, viaApi.body);

    const keyCount = async () => (await t.storage.db.selectFrom('apiKeys').select('id').execute()).length;
    const before = await keyCount();
    for (const extra of [[], ['--expires-in', String(31 * DAY_SECONDS)]]) {
      const refused = await create(...extra);
      assert.equal(refused.code, 2, `keys create ${extra.join(' ')} was not refused: ${refused.stdout}`);
      assert.match(refused.stderr, /^woes: This workspace's key policy .*30 days/);
      assert.match(refused.stderr, /--expires-in/, 'the refusal does not say which option sets the expiry');
      assert.doesNotMatch(refused.stdout, /woesk_/, 'a refused key was printed');
    }
    assert.equal(await keyCount(), before, 'a refused key was stored');

    const allowed = await create('--expires-in', String(7 * DAY_SECONDS), '--json');
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.ok(JSON.parse(allowed.stdout).expiresAt, 'the allowed key has no expiry');
    assert.equal(await keyCount(), before + 1);
  } finally {
    await t.close();
    await database.drop();
  }
});
