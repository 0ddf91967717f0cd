import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../helpers/app.js';
import { PASSWORD } from '../accounts/helpers.js';
import { runWoes } from '../helpers/cli.js';

/** The real `woes` CLI against the test database, logging silenced. */
const woes = (env: Record<string, string>, ...args: string[]) => runWoes({ LOG_LEVEL: 'silent', ...env }, ...args);

test('woes --help, woes help, woes <group> --help and woes <command> --help print usage and exit 0', async () => {
  const database = await createTestDatabase({ postgres: null });
  try {
    for (const args of [
      ['--help'],
      ['-h'],
      ['help'],
      ['keys', '--help'],
      ['help', 'keys', 'revoke'],
      ['keys', 'list', '--help'],
      ['init', '--help'],
    ]) {
      const result = await woes(database.env, ...args);
      assert.equal(result.code, 0, `woes ${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stdout, /usage: woes /, `woes ${args.join(' ')} printed no usage`);
    }
    assert.match((await woes(database.env, 'keys', '--help')).stdout, /keys revoke/);
    const unknown = await woes(database.env, 'frobnicate', '--help');
    assert.equal(unknown.code, 2, 'an unknown command is still an error');
  } finally {
    await database.drop();
  }
});

test('woes init for an existing email refuses a wrong password and creates nothing', async () => {
  const database = await createTestDatabase({ postgres: null });
  try {
    const first = await woes(
      database.env,
      'init',
      '--email',
      'owner@example.com',
      '--password',
      PASSWORD,
      '--workspace',
      'First',
      '--json',
    );
    assert.equal(first.code, 0, first.stderr);
    const wrong = await woes(
      database.env,
      'init',
      '--email',
      'Owner@example.com',
      '--password',
      'not the password at all',
      '--workspace',
      'Hijack',
      '--json',
    );
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /wrong password/);
    assert.doesNotMatch(wrong.stdout, /woesk_/, 'an admin key was printed');
    const right = await woes(
      database.env,
      'init',
      '--email',
      'owner@example.com',
      '--password',
      PASSWORD,
      '--workspace',
      'Second',
      '--json',
    );
    assert.equal(right.code, 0, right.stderr);
    const storage = database.connect();
    try {
      const names = (await storage.db.selectFrom('workspaces').select('name').execute()).map((w) => w.name).sort();
      assert.deepEqual(names, ['First', 'Second']);
    } finally {
      await storage.destroy();
    }
  } finally {
    await database.drop();
  }
});

test('--per-hour -3 names the allowed range; keys list shows expiry', async () => {
  const database = await createTestDatabase({ postgres: null });
  try {
    const init = JSON.parse(
      (
        await woes(
          database.env,
          'init',
          '--email',
          'o@example.com',
          '--password',
          PASSWORD,
          '--workspace',
          'W',
          '--json',
        )
      ).stdout,
    );
    const negative = await woes(database.env, 'workspace', 'set-rate-limit', init.workspaceId, '--per-hour', '-3');
    assert.equal(negative.code, 2);
    assert.match(negative.stderr, /--per-hour must be a whole number from 1 to/);
    const created = await woes(
      database.env,
      'keys',
      'create',
      '--workspace',
      init.workspaceId,
      '--name',
      'Short',
      '--scopes',
      'read',
      '--expires-in',
      '3600',
      '--json',
    );
    assert.equal(created.code, 0, created.stderr);
    const expiresAt = JSON.parse(created.stdout).expiresAt as string;
    const listed = await woes(database.env, 'keys', 'list', '--workspace', init.workspaceId);
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(listed.stdout.includes(`expires ${expiresAt}`), listed.stdout);
    assert.match(listed.stdout, /expires never/, 'the init key never expires');
  } finally {
    await database.drop();
  }
});
