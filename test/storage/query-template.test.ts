import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/storage/schema.js';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';
import { newId } from '../../src/storage/ids.js';
import { arrayQueryTemplate, queryTemplate, readsArrays } from '../../src/storage/query-template.js';

// On SQLite by default; on PostgreSQL when WOES_TEST_DATABASE_URL is set (named prepared statements).
let database: TestDatabase;
let storage: Storage;
const workspaces: string[] = [];

interface ListParams {
  workspaceId: string;
  status?: string;
  before?: string;
  limit: number;
}

/** The list as a template builds it (with stand-ins), shared by the object and array templates. */
function buildList(db: Kysely<Database>, p: ListParams) {
  let query = db
    .selectFrom('conversations')
    .select(['id', 'workspaceId', 'subject', 'status', 'messageCount'])
    .where('workspaceId', '=', p.workspaceId);
  if (p.status !== undefined) query = query.where('status', '=', p.status);
  if (p.before !== undefined) query = query.where('id', '<', p.before);
  return query.orderBy('id', 'desc').limit(p.limit);
}

const listQuery = queryTemplate('test.conversations_list', buildList, { optional: ['status', 'before'] });

function builderList(p: ListParams) {
  let query = storage.db
    .selectFrom('conversations')
    .select(['id', 'workspaceId', 'subject', 'status', 'messageCount'])
    .where('workspaceId', '=', p.workspaceId);
  if (p.status !== undefined) query = query.where('status', '=', p.status);
  if (p.before !== undefined) query = query.where('id', '<', p.before);
  return query.orderBy('id', 'desc').limit(p.limit).execute();
}

type ListTuple = [id: string, workspaceId: string, subject: string | null, status: string, messageCount: number];

/** `listQuery` read as arrays (the same select list, so the same values in that order). */
const listArrays = arrayQueryTemplate<ListParams, ListTuple>('test.conversations_list_arrays', buildList, {
  optional: ['status', 'before'],
});

const insertQuery = queryTemplate(
  'test.conversations_insert',
  (db, p: { id: string; workspaceId: string; subject: string; now: number }) =>
    db.insertInto('conversations').values({
      id: p.id,
      workspaceId: p.workspaceId,
      externalId: null,
      subject: p.subject,
      status: 'open',
      customerId: null,
      assigneeId: null,
      messageCount: 0,
      lastMessageAt: null,
      createdAt: p.now,
      updatedAt: p.now,
      customerUpdatedAt: p.now,
    }),
);

const touchQuery = queryTemplate('test.conversations_touch', (db, p: { id: string; now: number }) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ messageCount: eb('messageCount', '+', 1), updatedAt: p.now }))
    .where('id', '=', p.id)
    .returning(['id', 'messageCount']),
);

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
  const now = Date.now();
  for (let w = 0; w < 3; w++) {
    const workspaceId = newId('ws', now);
    workspaces.push(workspaceId);
    await storage.db
      .insertInto('workspaces')
      .values({ id: workspaceId, name: `w${w}`, plan: 'pro', rateLimitPerHour: null, createdAt: now, updatedAt: now })
      .execute();
    for (let i = 0; i < 12; i++) {
      await insertQuery.execute(storage.db, {
        id: newId('conv', now + i),
        workspaceId,
        subject: `w${w} c${i}`,
        now: now + i,
      });
    }
    await storage.db
      .updateTable('conversations')
      .set({ status: 'closed' })
      .where('workspaceId', '=', workspaceId)
      .where('subject', 'in', [`w${w} c1`, `w${w} c4`, `w${w} c7`])
      .execute();
  }
});
after(async () => {
  await storage.destroy();
  await database.drop();
});

test('a template returns what the same builder query returns, for every shape', async () => {
  const [w0, w1] = workspaces;
  const first = await builderList({ workspaceId: w0, limit: 5 });
  const cases: ListParams[] = [
    { workspaceId: w0, limit: 5 },
    { workspaceId: w1, limit: 50 },
    { workspaceId: w0, status: 'closed', limit: 10 },
    { workspaceId: w0, status: 'open', limit: 4 },
    { workspaceId: w0, before: first[2].id, limit: 20 },
    { workspaceId: w0, status: 'open', before: first[2].id, limit: 3 },
    { workspaceId: 'ws_none', limit: 5 },
  ];
  for (const values of cases) {
    const expected = await builderList(values);
    assert.deepEqual(await listQuery.rows(storage.db, values), expected, JSON.stringify(values));
  }
  assert.equal((await listQuery.rows(storage.db, { workspaceId: w0, status: 'closed', limit: 10 })).length, 3);
  // Column names come back through the app's plugins (camelCase), as from the builder.
  assert.deepEqual(Object.keys(first[0]).sort(), ['id', 'messageCount', 'status', 'subject', 'workspaceId']);
});

test('each set of present filters has its own SQL; values never change the SQL', () => {
  const [w0, w1] = workspaces;
  const plain = listQuery.sql(storage.db, { workspaceId: w0, limit: 5 });
  const byStatus = listQuery.sql(storage.db, { workspaceId: w0, status: 'open', limit: 5 });
  const byCursor = listQuery.sql(storage.db, { workspaceId: w0, before: 'conv_x', limit: 5 });
  const both = listQuery.sql(storage.db, { workspaceId: w0, status: 'open', before: 'conv_x', limit: 5 });
  assert.equal(new Set([plain, byStatus, byCursor, both]).size, 4);
  assert.doesNotMatch(plain, /"?status"? =/);
  assert.match(byStatus, /"?status"? =/);
  assert.doesNotMatch(byStatus, /"?id"? </);
  assert.match(both, /"?status"? =.*"?id"? </s);
  // The same shape with other values is the same cached text (the values are parameters).
  assert.equal(listQuery.sql(storage.db, { workspaceId: w1, status: 'closed', limit: 9 }), byStatus);
  assert.ok(!byStatus.includes(w0) && !byStatus.includes('open'));
});

test('a template runs inside a transaction, and its writes roll back with it', async () => {
  const workspaceId = workspaces[2];
  const id = newId('conv');
  const now = Date.now();
  await assert.rejects(
    storage.db.transaction().execute(async (trx) => {
      await insertQuery.execute(trx, { id, workspaceId, subject: 'rolled back', now });
      const touched = await touchQuery.first(trx, { id, now: now + 1 });
      assert.deepEqual(touched, { id, messageCount: 1 });
      // The transaction sees its own write through the template.
      const rows = await listQuery.rows(trx, { workspaceId, limit: 1 });
      assert.equal(rows[0].id, id);
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal((await listQuery.rows(storage.db, { workspaceId, limit: 100 })).length, 12);
  assert.equal(await touchQuery.first(storage.db, { id, now }), undefined);
  // A template first compiled inside a transaction serves the database afterwards, and back.
  const fresh = queryTemplate('test.count', (db, p: { workspaceId: string }) =>
    db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', p.workspaceId),
  );
  const inside = await storage.db.transaction().execute((trx) => fresh.first(trx, { workspaceId }));
  assert.equal(Number(inside?.n), 12);
  assert.equal(Number((await fresh.first(storage.db, { workspaceId }))?.n), 12);
});

test('concurrent calls never see one another’s parameters', async () => {
  const calls = Array.from({ length: 60 }, (_, i) => ({
    workspaceId: workspaces[i % 3],
    status: i % 2 === 0 ? 'closed' : undefined,
    limit: 1 + (i % 7),
  }));
  const results = await Promise.all(calls.map((values) => listQuery.rows(storage.db, values)));
  for (const [i, rows] of results.entries()) {
    const values = calls[i];
    assert.equal(rows.length, Math.min(values.limit, values.status ? 3 : 12), JSON.stringify(values));
    for (const row of rows) {
      assert.equal(row.workspaceId, values.workspaceId);
      if (values.status) assert.equal(row.status, values.status);
    }
  }
});

test('a missing value, or a stand-in used outside the SQL, is refused instead of binding something else', async () => {
  await assert.rejects(
    listQuery.rows(storage.db, { workspaceId: undefined as unknown as string, limit: 1 }),
    /no value for workspaceId/,
  );
  const arithmetic = queryTemplate('test.misused', (db, p: { limit: number }) =>
    db
      .selectFrom('conversations')
      .select('id')
      .limit(p.limit + 1),
  );
  await assert.rejects(arithmetic.rows(storage.db, { limit: 1 }), /not bound as a parameter/);
});

test('on PostgreSQL a template is a named prepared statement of its connection', async (t) => {
  if (storage.dialect !== 'postgres') return t.skip('SQLite: statements are cached by better-sqlite3');
  const names = await storage.db.transaction().execute(async (trx) => {
    await listQuery.rows(trx, { workspaceId: workspaces[0], limit: 2 });
    await listQuery.rows(trx, { workspaceId: workspaces[1], limit: 3 });
    const result = await sql<{
      name: string;
      statement: string;
    }>`select name, statement from pg_prepared_statements`.execute(trx);
    return result.rows;
  });
  const mine = names.filter((row) => row.statement.includes('woes:test.conversations_list:0 '));
  assert.equal(mine.length, 1);
  assert.match(mine[0].name, /^woes_[0-9a-f]{24}$/);
});

test('an array template returns each row as its values in select-list order, also in a transaction', async () => {
  const [w0, w1] = workspaces;
  const cases: ListParams[] = [
    { workspaceId: w0, limit: 5 },
    { workspaceId: w1, status: 'closed', limit: 10 },
    { workspaceId: 'ws_none', limit: 5 },
  ];
  for (const values of cases) {
    const objects = await builderList(values);
    const expected = objects.map((o) => [o.id, o.workspaceId, o.subject, o.status, o.messageCount]);
    const rows = await listArrays.rows(storage.db, values);
    assert.ok(rows.every((row) => Array.isArray(row)));
    assert.deepEqual(rows, expected, JSON.stringify(values));
    const inside = await storage.db.transaction().execute((trx) => listArrays.rows(trx, values));
    assert.deepEqual(inside, expected, JSON.stringify(values));
  }
  // The object template over the same statement shape still gets objects (its own statement).
  assert.ok(!Array.isArray((await listQuery.rows(storage.db, { workspaceId: w0, limit: 1 }))[0]));
  assert.equal(await listArrays.first(storage.db, { workspaceId: 'ws_none', limit: 1 }), undefined);
});

test('the drivers read arrays only for an array template’s SQL', () => {
  const arrays = listArrays.sql(storage.db, { workspaceId: workspaces[0], limit: 5 });
  const objects = listQuery.sql(storage.db, { workspaceId: workspaces[0], limit: 5 });
  assert.equal(readsArrays(arrays), true);
  assert.equal(readsArrays(objects), false);
  assert.equal(readsArrays(`select 1 /* woes:x:0:arrays */`), false, 'only the leading comment counts');
  assert.equal(readsArrays(`/* woes:x:0 */ select ':arrays */'`), false);
  assert.equal(readsArrays(`/* other:x:0:arrays */ select 1`), false);
});
