import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { storageFor } from '../../src/core.js';
import { TEST_DATABASE_URL, testSecrets } from '../helpers/env.js';

test(
  'WOES_DB_POOL_SIZE bounds the PostgreSQL connections one process uses at once',
  { skip: TEST_DATABASE_URL ? false : 'runs in the PostgreSQL pass' },
  async () => {
    const url = TEST_DATABASE_URL!;
    const storage = storageFor(loadConfig({ DATABASE_URL: url, WOES_DB_POOL_SIZE: '2', ...testSecrets() }));
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    // The marker is in the statements' text (an alias), so pg_stat_activity finds exactly them.
    const marker = `pool_probe_${randomBytes(4).toString('hex')}`;
    try {
      let finished = false;
      const all = Promise.all(
        Array.from({ length: 6 }, () => sql`select pg_sleep(0.3) as ${sql.raw(marker)}`.execute(storage.db)),
      ).finally(() => (finished = true));
      let most = 0;
      while (!finished) {
        const { rows } = await watcher.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where state = 'active' and query like $1",
          [`%${marker}%`],
        );
        most = Math.max(most, rows[0].n);
        await sleep(40);
      }
      await all;
      assert.equal(most, 2, 'six slow statements ran two at a time');
    } finally {
      await watcher.end();
      await storage.destroy();
    }
  },
);
