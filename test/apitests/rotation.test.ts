import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import { runWoes } from '../helpers/cli.js';
import { keyId, seal } from '../../src/security/sealed-secret.js';
import { API_TEST_CREDENTIAL_SECRET, WIDGET_IDENTITY_SECRET } from '../../src/security/sealed-columns.js';
import { rotateSealedValues } from '../../src/security/rotate-master-key.js';
import { apiTestsApp, recordingTenant, type RecordingTenant } from './helpers.js';
import { startTarget, type Target } from './target.js';

let target: Target;
before(async () => {
  target = await startTarget();
});
after(() => target.close());

const newKey = () => randomBytes(32).toString('base64');

/** The CLI child on the same database (and, on PostgreSQL, the same test schema). */
function cliEnv(t: TestApp, database: TestDatabase, keys: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { ...database.env, LOG_LEVEL: 'silent', ...keys };
  if (t.storage.schema) env.PGOPTIONS = `-c search_path=${t.storage.schema}`;
  return env;
}

async function credential(ws: RecordingTenant, secret: string): Promise<string> {
  const created = await ws.call('POST', '/api-tests/credentials', {
    name: secret,
    baseUrl: target.url,
    auth: { type: 'header', headerName: 'x-api-key', secret },
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json.id;
}

async function runStatus(t: TestApp, ws: RecordingTenant, id: string, secret: string): Promise<number> {
  target.expect('x-api-key', secret);
  const run = await t.request({
    method: 'POST',
    url: '/api/v1/api-tests/runs',
    headers: ws.auth,
    payload: { credentialId: id, method: 'GET', path: '/' },
  });
  if (run.statusCode !== 201) return run.statusCode;
  return run.json.status;
}

test('woes vault rotate-master-key: a server with both keys keeps working during it; resumable; old key retired after', async () => {
  const database = await createTestDatabase();
  const k1 = newKey();
  const k2 = newKey();
  const a = await apiTestsApp({ database, env: { WOES_MASTER_KEY: k1 } });
  let b: TestApp | null = null;
  let c: TestApp | null = null;
  try {
    const ws = await recordingTenant(a);
    const secrets = ['rotate-secret-0', 'rotate-secret-1', 'rotate-secret-2', 'rotate-secret-3', 'rotate-secret-4'];
    const ids: string[] = [];
    for (const s of secrets) ids.push(await credential(ws, s));
    assert.equal((await ws.call('POST', '/widget-settings/identity-secret')).statusCode, 201);
    // A widget secret in the original v1 form (no key id), as rows written before the keyring hold it.
    const legacy = await recordingTenant(a);
    const v1 = seal(
      Buffer.from(k1, 'base64'),
      'woesis_legacy',
      WIDGET_IDENTITY_SECRET.context({
        id: legacy.workspaceId,
        workspaceId: legacy.workspaceId,
      }),
    ).replace(/^v2\.[0-9a-f]{8}\./, 'v1.');
    await a.storage.db
      .insertInto('widgetSettings')
      .values({
        workspaceId: legacy.workspaceId,
        identitySecretSealed: v1,
        identitySecretStart: 'woesis_leg',
        identitySecretCreatedAt: Date.now(),
        requireVerification: 0,
        updatedAt: Date.now(),
      })
      .execute();

    // The operator's order: servers restart with the new key and the old one as previous…
    b = await apiTestsApp({ database, env: { WOES_MASTER_KEY: k2, WOES_MASTER_KEY_PREVIOUS: k1 } });
    assert.equal(await runStatus(b, ws, ids[0]!, secrets[0]!), 200, 'B reads values still under the old key');
    // …and keep writing: B seals a replaced secret under the new key before the command runs.
    secrets[1] = 'rotate-secret-1-replaced';
    const replaced = await b.request({
      method: 'PUT',
      url: `/api/v1/api-tests/credentials/${ids[1]}/secret`,
      headers: ws.auth,
      payload: { secret: secrets[1] },
    });
    assert.equal(replaced.statusCode, 200, replaced.body);

    const env = cliEnv(a, database, { WOES_MASTER_KEY: k2, WOES_MASTER_KEY_PREVIOUS: k1 });
    const first = await runWoes(env, 'vault', 'rotate-master-key', '--batch-size', '2', '--json');
    assert.equal(first.code, 0, first.stderr);
    const report = JSON.parse(first.stdout);
    assert.equal(report.currentKeyId, keyId(Buffer.from(k2, 'base64')));
    assert.equal(report.previousKeyId, keyId(Buffer.from(k1, 'base64')));
    const byColumn = Object.fromEntries(report.columns.map((col: { column: string }) => [col.column, col]));
    assert.deepEqual(byColumn['apiTestCredentials.secretSealed'], {
      column: 'apiTestCredentials.secretSealed',
      rotated: 4,
      alreadyCurrent: 1,
      changedConcurrently: 0,
      unreadable: 0,
    });
    assert.equal(byColumn['widgetSettings.identitySecretSealed'].rotated, 2, 'the v2 and the v1 widget secrets');
    for (const row of await a.storage.db.selectFrom('apiTestCredentials').select('secretSealed').execute()) {
      assert.ok(row.secretSealed.startsWith(`v2.${report.currentKeyId}.`));
    }

    // A re-run finds nothing left to do.
    const again = JSON.parse((await runWoes(env, 'vault', 'rotate-master-key', '--json')).stdout);
    assert.equal(again.rotated, 0);
    assert.equal(again.alreadyCurrent, 7);

    // Every value opens on B during the change, and on C with the new key alone after it.
    c = await apiTestsApp({ database, env: { WOES_MASTER_KEY: k2 } });
    for (const [i, id] of ids.entries()) {
      assert.equal(await runStatus(b, ws, id, secrets[i]!), 200, `B, credential ${i}`);
      assert.equal(await runStatus(c, ws, id, secrets[i]!), 200, `C, credential ${i}`);
    }
    const verification = await c.app.woes.db
      .selectFrom('widgetSettings')
      .select('identitySecretSealed')
      .where('workspaceId', '=', legacy.workspaceId)
      .executeTakeFirstOrThrow();
    assert.match(verification.identitySecretSealed!, new RegExp(`^v2\\.${report.currentKeyId}\\.`));
    // A server left on the old key alone can no longer read them: fail closed, not a crash.
    assert.equal(await runStatus(a, ws, ids[0]!, secrets[0]!), 409);

    // A value that opens under neither key is reported and left alone; the command exits 1.
    await a.storage.db
      .updateTable('apiTestCredentials')
      .set({ secretSealed: seal(Buffer.from(newKey(), 'base64'), 'x', 'elsewhere') })
      .where('id', '=', ids[4]!)
      .execute();
    const broken = await runWoes(env, 'vault', 'rotate-master-key', '--json');
    assert.equal(broken.code, 1);
    assert.equal(JSON.parse(broken.stdout).unreadable, 1);
    assert.match(broken.stderr, /1 value\(s\) open under neither key/);
  } finally {
    await c?.close();
    await b?.close();
    await a.close();
    await database.drop();
  }
});

test('embedded mode: --generate keeps master.key.previous, re-encrypts, and refuses to start a second rotation', async () => {
  const database = await createTestDatabase({ postgres: null });
  const a = await apiTestsApp({ database });
  try {
    const ws = await recordingTenant(a);
    const id = await credential(ws, 'embedded-secret');
    await a.close();
    const keyFile = path.join(database.dataDir, 'master.key');
    const before = fs.readFileSync(keyFile, 'utf8');
    const env = { ...database.env, LOG_LEVEL: 'silent' };
    const rotated = await runWoes(env, 'vault', 'rotate-master-key', '--generate', '--json');
    assert.equal(rotated.code, 0, rotated.stderr);
    assert.equal(JSON.parse(rotated.stdout).rotated, 1);
    assert.equal(fs.readFileSync(path.join(database.dataDir, 'master.key.previous'), 'utf8'), before);
    assert.notEqual(fs.readFileSync(keyFile, 'utf8'), before);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const twice = await runWoes(env, 'vault', 'rotate-master-key', '--generate');
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /rotation is under way/);

    fs.rmSync(path.join(database.dataDir, 'master.key.previous'));
    const b = await apiTestsApp({ database });
    try {
      assert.equal(await runStatus(b, ws, id, 'embedded-secret'), 200, 'opens with the new key alone');
    } finally {
      await b.close();
    }
    const withEnv = await runWoes({ ...env, WOES_MASTER_KEY: newKey() }, 'vault', 'rotate-master-key', '--generate');
    assert.equal(withEnv.code, 2, 'no --generate with WOES_MASTER_KEY set');
  } finally {
    await database.drop();
  }
});

test('a server write between the rotation read and its write is kept (compare-and-set), and counted', async () => {
  const k1 = newKey();
  const k2 = newKey();
  const t = await apiTestsApp({ env: { WOES_MASTER_KEY: k2, WOES_MASTER_KEY_PREVIOUS: k1 } });
  try {
    const old = await apiTestsApp({ database: t.database, env: { WOES_MASTER_KEY: k1 } });
    const ws = await recordingTenant(old);
    const id = await credential(ws, 'before-the-race');
    await old.close();
    const keys = { current: Buffer.from(k2, 'base64'), previous: Buffer.from(k1, 'base64') };
    let raced = false;
    const row = { id, workspaceId: ws.workspaceId };
    const other = t.database.connect();
    // Right after the rotation has read the batch, "a server" replaces the secret (sealed under the new key).
    const racing = t.storage.db.withPlugin({
      transformQuery: (args) => args.node,
      async transformResult(args) {
        if (!raced && args.result.rows.some((r) => (r as { id?: string }).id === id)) {
          raced = true;
          // Through a connection of its own, as another process would (this one is mid-query).
          await other.db
            .updateTable('apiTestCredentials')
            .set({ secretSealed: seal(keys, 'written-during-the-race', API_TEST_CREDENTIAL_SECRET.context(row)) })
            .where('id', '=', id)
            .execute();
        }
        return args.result;
      },
    });
    const [column] = await rotateSealedValues(racing, keys, { columns: [API_TEST_CREDENTIAL_SECRET] });
    assert.ok(raced);
    assert.deepEqual(
      { ...column },
      {
        column: 'apiTestCredentials.secretSealed',
        rotated: 0,
        alreadyCurrent: 0,
        changedConcurrently: 1,
        unreadable: 0,
      },
    );
    assert.equal(await runStatus(t, ws, id, 'written-during-the-race'), 200, "the server's write survived");
    await other.destroy();
  } finally {
    await t.close();
  }
});
