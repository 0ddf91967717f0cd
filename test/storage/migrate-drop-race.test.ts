import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestDatabase } from '../helpers/app.js';
import { IN_CI, LOCAL_POSTGRES_URL, TEST_DATABASE_URL } from '../helpers/env.js';
import { reachable } from '../events/reachable.js';

// CI saw `migration  failed: schema "t_…" does not exist` on PostgreSQL: Kysely's stock
// introspector (which its Migrator asks whether its tables exist) scans every schema and resolves
// each one by name, so another session dropping its schema mid-scan failed this migration. Here
// one connection keeps creating and dropping schemas with tables while fresh schemas migrate.
const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;

test('migrating while other sessions create and drop schemas never fails', async (context) => {
  if (!(await reachable(POSTGRES))) {
    assert.ok(!IN_CI, `${POSTGRES} unreachable in CI`);
    return context.skip(`${POSTGRES} unreachable`);
  }
  // Several sessions, each keeping a few schemas of many tables alive and dropping the oldest,
  // so that every catalog scan meets schemas that vanish under it.
  const churners = await Promise.all(
    [0, 1, 2].map(async () => {
      const client = new pg.Client({ connectionString: POSTGRES });
      await client.connect();
      return client;
    }),
  );
  let stop = false;
  let churned = 0;
  const tables = Array.from({ length: 25 }, (_, i) => `create table t${i} (id serial primary key, a text, b text)`);
  const churning = churners.map(async (client, n) => {
    const alive: string[] = [];
    for (let i = 0; !stop; i++) {
      const name = `churn_${process.pid}_${n}_${i}`;
      await client.query(`create schema ${name}; set search_path = ${name}; ${tables.join(';')}`);
      alive.push(name);
      if (alive.length > 3) await client.query(`drop schema ${alive.shift()} cascade`);
      churned++;
    }
    for (const name of alive) await client.query(`drop schema ${name} cascade`);
    await client.end();
  });
  let migrations = 0;
  const database = await createTestDatabase({ postgres: POSTGRES });
  const storage = database.connect();
  try {
    // A fresh schema, then the same check every instance's start makes on a current one. At least
    // 4 s, and on a loaded machine (other test files in parallel) on until both sides ran enough.
    const started = Date.now();
    do {
      await storage.migrate();
      migrations++;
    } while (Date.now() - started < 4000 || ((churned <= 10 || migrations <= 10) && Date.now() - started < 30_000));
  } finally {
    stop = true;
    await Promise.all(churning);
    await storage.destroy();
    await database.drop();
  }
  context.diagnostic(`${churned} schemas created and dropped during ${migrations} migrations`);
  assert.ok(churned > 10 && migrations > 10, 'the churn ran alongside the migrations');
});
