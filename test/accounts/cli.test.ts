import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { bearer, PASSWORD, signIn } from './helpers.js';

const run = promisify(execFile);

/** Runs the real `woes` CLI in a child process against the test database. */
async function woes(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ stdout: string; code: number; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...base, LOG_LEVEL: 'silent', ...env },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

test('woes init creates a verified owner, a workspace and an admin key; again for a second workspace; mail list shows the outbox', async () => {
  // The CLI child opens the database from its env (no test schema), so this test uses the embedded file.
  const database = await createTestDatabase({ postgres: null });
  try {
    const first = await woes(
      database.env,
      'init',
      '--email',
      'Root@Example.com',
      '--password',
      PASSWORD,
      '--workspace',
      'First',
      '--json',
    );
    assert.equal(first.code, 0, first.stderr);
    const one = JSON.parse(first.stdout);
    assert.match(one.userId, /^usr_/);
    assert.match(one.workspaceId, /^ws_/);
    assert.match(one.key.secret, /^woesk_/);
    const second = await woes(
      database.env,
      'init',
      '--email',
      'root@example.com',
      '--password',
      PASSWORD,
      '--workspace',
      'Second',
      '--json',
    );
    const two = JSON.parse(second.stdout);
    assert.equal(two.userId, one.userId);
    assert.notEqual(two.workspaceId, one.workspaceId);
    const weak = await woes(
      database.env,
      'init',
      '--email',
      'new@example.com',
      '--password',
      'password',
      '--workspace',
      'X',
    );
    assert.notEqual(weak.code, 0);
    assert.equal((await woes(database.env, 'init', '--email', 'new@example.com')).code, 2, 'missing options');

    const t = await createTestApp({ database });
    try {
      const session = await signIn(t, 'root@example.com', PASSWORD, one.workspaceId);
      const list = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: bearer(session.accessToken) });
      assert.deepEqual(
        list.json.data.map((w: { role: string }) => w.role),
        ['owner', 'owner'],
      );
      const viaKey = await t.request({
        method: 'GET',
        url: '/api/v1/workspace',
        headers: { authorization: `Bearer ${one.key.secret}` },
      });
      assert.equal(viaKey.statusCode, 200, viaKey.body);
      assert.equal(viaKey.json.id, one.workspaceId);
      await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'root@example.com' } });
      const deadline = Date.now() + 5000;
      let entries: Array<{ to: string; subject: string; date: string; file: string; link: string | null }> = [];
      while (entries.length === 0 && Date.now() < deadline) {
        entries = JSON.parse((await woes(database.env, 'mail', 'list', '--json')).stdout).data;
        if (entries.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(entries.length, 1);
      assert.equal(entries[0].to, 'root@example.com');
      assert.match(entries[0].subject, /Reset/);
      assert.ok(entries[0].file.endsWith('.eml'));
      assert.ok(!Number.isNaN(Date.parse(entries[0].date)));
      // The whole link, decoded from the quoted-printable .eml (the server's log names it without its token).
      assert.match(String(entries[0].link), /\/reset-password\?token=[A-Za-z0-9_-]{30,}$/);
      const human = await woes(database.env, 'mail', 'list');
      assert.match(human.stdout, /root@example\.com/);
      assert.ok(human.stdout.includes(entries[0].link!), 'the human listing shows the link');
    } finally {
      await t.close();
    }
  } finally {
    await database.drop();
  }
});
