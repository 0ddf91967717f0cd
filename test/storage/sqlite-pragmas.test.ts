import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';

async function pragma(storage: Storage, name: string): Promise<unknown> {
  const result = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(storage.db);
  return Object.values(result.rows[0] ?? {})[0];
}

test('every SQLite connection (server or CLI) runs WAL, NORMAL sync, no mmap, a bounded cache, memory temp store', async () => {
  const database = await createTestDatabase({ postgres: null });
  const server = database.connect();
  await server.migrate();
  // A second process opening the same file (a `woes` command) gets the same settings.
  const cli = database.connect();
  try {
    for (const storage of [server, cli]) {
      assert.equal(await pragma(storage, 'journal_mode'), 'wal');
      assert.equal(await pragma(storage, 'synchronous'), 1, 'NORMAL');
      assert.equal(await pragma(storage, 'mmap_size'), 0, 'mapped pages of the file would count in RSS');
      assert.equal(await pragma(storage, 'cache_size'), -8 * 1024);
      assert.equal(await pragma(storage, 'temp_store'), 2, 'MEMORY');
      assert.equal(await pragma(storage, 'foreign_keys'), 1);
    }
  } finally {
    await cli.destroy();
    await server.destroy();
    await database.drop();
  }
});
