import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import { isUniqueViolation, type Storage } from '../../src/storage/database.js';
import { isId, newId } from '../../src/storage/ids.js';
import { decodeCursor, pageRequest, toPage } from '../../src/storage/pagination.js';

// The same contract on both dialects: `npm test` runs it on SQLite, .ci/run's second pass on PostgreSQL.
let database: TestDatabase;
let storage: Storage;

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
});
after(async () => {
  await storage.destroy();
  await database.drop();
});

test('migrations are idempotent', async () => {
  await storage.migrate();
  await storage.migrate();
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(storage.db);
  assert.ok(rows.rows.length >= 1);
  assert.equal(rows.rows[0].name, '0001-core');
});

test('several processes migrating one fresh database at once all succeed', async () => {
  const fresh = await createTestDatabase();
  if (fresh.dialect === 'sqlite') {
    // better-sqlite3 blocks its thread while it waits for a lock, so the contenders must be
    // real processes, as they are in production: three `woes migrate` at once.
    const runs = await Promise.all([1, 2, 3].map(() => migrateInChild(fresh.env)));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const storage = fresh.connect();
    const count = await storage.db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
    await storage.destroy();
    await fresh.drop();
    return;
  }
  const connections = [fresh.connect(), fresh.connect(), fresh.connect(), fresh.connect()];
  try {
    await Promise.all(connections.map((c) => c.migrate()));
    const count = await connections[0].db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  } finally {
    await Promise.all(connections.map((c) => c.destroy()));
    await fresh.drop();
  }
});

test('rows round-trip with times as numbers and camelCase columns', async () => {
  const now = Date.now();
  const id = newId('ws');
  await storage.db
    .insertInto('workspaces')
    .values({ id, name: 'Acme', plan: 'pro', rateLimitPerHour: null, createdAt: now, updatedAt: now })
    .execute();
  const row = await storage.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.name, 'Acme');
  assert.equal(row.createdAt, now);
  assert.equal(typeof row.createdAt, 'number');
  assert.equal(row.rateLimitPerHour, null);
});

test('a unique violation is recognised on this dialect', async () => {
  const now = Date.now();
  const values = {
    id: newId('usr'),
    email: `dup-${now}@example.com`,
    name: 'A',
    passwordHash: null,
    emailVerifiedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await storage.db.insertInto('users').values(values).execute();
  const error = await storage.db
    .insertInto('users')
    .values({ ...values, id: newId('usr') })
    .execute()
    .catch((e: unknown) => e);
  assert.ok(isUniqueViolation(error), `not recognised: ${String(error)}`);
});

test('a failed transaction leaves nothing behind', async () => {
  const id = newId('ws');
  await assert.rejects(
    storage.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('workspaces')
        .values({ id, name: 'Half', plan: 'pro', rateLimitPerHour: null, createdAt: 1, updatedAt: 1 })
        .execute();
      throw new Error('boom');
    }),
    /boom/,
  );
  const found = await storage.db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst();
  assert.equal(found, undefined);
});

test('ids are prefixed and time-ordered, and cursors page through rows exactly once', async () => {
  const ids = Array.from({ length: 25 }, () => newId('aud'));
  assert.ok(ids.every((id) => isId(id, 'aud')));
  assert.deepEqual([...ids].sort(), ids);
  const workspaceId = newId('ws');
  for (const id of ids) {
    await storage.db
      .insertInto('auditEvents')
      .values({
        id,
        workspaceId,
        type: 't',
        actorType: 'system',
        actorId: null,
        targetType: null,
        targetId: null,
        ip: null,
        userAgent: null,
        data: '{}',
        createdAt: Date.now(),
      })
      .execute();
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = pageRequest({ limit: 10, cursor });
    let query = storage.db.selectFrom('auditEvents').select('id').where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const result = toPage(rows, page.limit, (r) => r.id);
    seen.push(...result.data);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  assert.deepEqual(seen, [...ids].reverse());
  assert.throws(
    () => decodeCursor('not-a-cursor'),
    (e: { code?: string }) => e.code === 'invalid_request',
  );
});

test('the invalidation log hands out increasing sequence numbers', async () => {
  const a = await storage.db
    .insertInto('invalidations')
    .values({ kind: 'k', subject: 's1', createdAt: 1 })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const b = await storage.db
    .insertInto('invalidations')
    .values({ kind: 'k', subject: 's2', createdAt: 2 })
    .returning('seq')
    .executeTakeFirstOrThrow();
  assert.equal(typeof a.seq, 'number');
  assert.ok(b.seq > a.seq);
});

function migrateInChild(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'migrate'], {
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}
