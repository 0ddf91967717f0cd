import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createTestApp } from '../helpers/app.js';
import { tenant } from '../support/api-helpers.js';

test(
  'SQLite locked by another connection: writes answer 503 after a bounded wait, reads and /health still answer',
  { skip: process.env.WOES_TEST_DATABASE_URL ? 'SQLite only' : false },
  async () => {
    const t = await createTestApp({ env: { WOES_DB_TIMEOUT_MS: '200' } });
    const other = new SQLite(path.join(t.database.dataDir, 'woes.db'));
    try {
      const caller = await tenant(t);
      // Another process (a CLI run, a second server) holds the write lock.
      other.exec('BEGIN IMMEDIATE');
      const start = Date.now();
      const write = await caller.call('POST', '/customers', { externalId: 'c-1', name: 'Ada' });
      const elapsed = Date.now() - start;
      assert.equal(write.statusCode, 503);
      assert.equal(write.json.code, 'unavailable');
      assert.equal(write.headers['retry-after'], '5');
      // Bounded: far below the old five-second busy wait that stopped the whole process.
      assert.ok(elapsed < 3000, `the locked write took ${elapsed} ms`);
      assert.equal((await caller.call('GET', '/customers')).statusCode, 200);
      assert.equal((await t.request({ method: 'GET', url: '/health' })).statusCode, 200);

      other.exec('ROLLBACK');
      assert.equal((await caller.call('POST', '/customers', { externalId: 'c-1', name: 'Ada' })).statusCode, 201);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await t.close();
    }
  },
);
