import { sql } from 'kysely';
import type { DB } from '../storage/database.js';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns.js';
import { isUnderCurrentKey, open, seal, type MasterKeys } from './sealed-secret.js';

export interface ColumnRotation {
  /** `table.column`, as the registry names it. */
  readonly column: string;
  /** Re-encrypted under the current key by this run. */
  rotated: number;
  /** Already under the current key (an earlier, interrupted run or a server's own write). */
  alreadyCurrent: number;
  /** A server rewrote the row between our read and our write; its value was kept. */
  changedConcurrently: number;
  /** Opens under neither key (tampered, moved, or sealed under a key this run was not given). */
  unreadable: number;
}

const MAX_ATTEMPTS = 3;

/**
 * Re-encrypts every registered sealed value that is not already under `keys.current`, in
 * batches ordered by id. Each row is one UPDATE with a compare-and-set on the ciphertext read,
 * so a value a running server replaced meanwhile is never overwritten with the old secret, and a
 * re-run after an interruption only does what is left.
 */
export async function rotateSealedValues(
  db: DB,
  keys: MasterKeys,
  options: { batchSize?: number; columns?: readonly SealedColumn[] } = {},
): Promise<ColumnRotation[]> {
  const out: ColumnRotation[] = [];
  for (const column of options.columns ?? SEALED_COLUMNS) {
    out.push(await rotateColumn(db, keys, column, options.batchSize ?? 100));
  }
  return out;
}

interface Row {
  id: string;
  workspaceId: string;
  sealed: string;
}

async function rotateColumn(db: DB, keys: MasterKeys, column: SealedColumn, batchSize: number) {
  const counts: ColumnRotation = {
    column: `${column.table}.${column.sealedColumn}`,
    rotated: 0,
    alreadyCurrent: 0,
    changedConcurrently: 0,
    unreadable: 0,
  };
  let after = '';
  for (;;) {
    const batch = await readRows(db, column, sql`${sql.ref(column.idColumn)} > ${after}`, batchSize);
    for (const row of batch) {
      const outcome = await rotateRow(db, keys, column, row);
      counts[outcome] += 1;
    }
    if (batch.length < batchSize) return counts;
    after = batch[batch.length - 1]!.id;
  }
}

async function rotateRow(
  db: DB,
  keys: MasterKeys,
  column: SealedColumn,
  first: Row,
): Promise<'rotated' | 'alreadyCurrent' | 'changedConcurrently' | 'unreadable'> {
  let row: Row | undefined = first;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && row !== undefined; attempt += 1) {
    if (isUnderCurrentKey(keys, row.sealed)) return attempt === 1 ? 'alreadyCurrent' : 'changedConcurrently';
    const context = column.context(row);
    const plaintext = open(keys, row.sealed, context);
    if (plaintext === null) return 'unreadable';
    const result =
      await sql`update ${sql.table(column.table)} set ${sql.ref(column.sealedColumn)} = ${seal(keys, plaintext, context)}
      where ${sql.ref(column.idColumn)} = ${row.id} and ${sql.ref(column.sealedColumn)} = ${row.sealed}`.execute(db);
    if (Number(result.numAffectedRows ?? 0) === 1) return 'rotated';
    // Someone wrote the row meanwhile: read it again and decide on its new value.
    [row] = await readRows(db, column, sql`${sql.ref(column.idColumn)} = ${row.id}`, 1);
  }
  return 'changedConcurrently';
}

async function readRows(db: DB, column: SealedColumn, where: ReturnType<typeof sql>, limit: number): Promise<Row[]> {
  const result =
    await sql<Row>`select ${sql.ref(column.idColumn)} as id, ${sql.ref(column.workspaceColumn)} as workspace_id,
      ${sql.ref(column.sealedColumn)} as sealed
    from ${sql.table(column.table)}
    where ${sql.ref(column.sealedColumn)} is not null and ${where}
    order by ${sql.ref(column.idColumn)} limit ${limit}`.execute(db);
  return result.rows;
}
