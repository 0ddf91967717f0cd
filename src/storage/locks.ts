import { sql, type Transaction } from 'kysely';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

/**
 * Serialises transactions that would otherwise both see "nothing there yet" and both create it
 * (a find-or-create without a unique key): the second one waits at this call until the first
 * commits, then reads what it wrote.
 * - PostgreSQL: a transaction-level advisory lock on the key's 64-bit hash, released at commit or
 *   rollback; keys that collide only wait for each other.
 * - SQLite: nothing to do. A process runs its transactions one at a time on its one connection,
 *   and the embedded server is the only process that writes support data.
 */
export async function lockForTransaction(trx: Transaction<Database>, dialect: Dialect, key: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
