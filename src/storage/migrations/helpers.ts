import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** A migration is written once and told which dialect it runs on, for the few types that differ. */
export type MigrationFactory = (dialect: Dialect) => Migration;

/** Epoch milliseconds: bigint on PostgreSQL (INTEGER affinity on SQLite). */
export const TIME = 'bigint';

/** An auto-incrementing sequence column, which the two dialects spell differently. */
export function addSequence<T extends string>(
  table: CreateTableBuilder<T>,
  column: string,
  dialect: Dialect,
): CreateTableBuilder<T> {
  return dialect === 'postgres'
    ? table.addColumn(column, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn(column, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDB = Kysely<any>;

export { sql };
