import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type TableMetadata,
} from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './migrations/helpers.js';
import { migrationProvider } from './migrations/index.js';
import { boundedPool, QUERY_TIMEOUT_CODE } from './bounded-pool.js';
import { readsArrays } from './query-template.js';
import { pgDriver } from '../lib/drivers.js';
import { createOwnerOnly, ensureFolder } from '../lib/owner-only-files.js';

export type { Dialect };
export type DB = Kysely<Database>;

/** The one database of a Woes process: SQLite embedded, or PostgreSQL in scale-out mode. */
export interface Storage {
  readonly db: DB;
  readonly dialect: Dialect;
  /** The connection string (PostgreSQL) or file path (SQLite), for LISTEN and child processes. */
  readonly location: string;
  /** The PostgreSQL schema in use when not the default (tests isolate runs this way). */
  readonly schema: string | null;
  ping(): Promise<void>;
  migrate(): Promise<void>;
  destroy(): Promise<void>;
}

export interface StorageOptions {
  /** SQLite: the database file. Defaults to `<dataDir>/woes.db`. */
  sqliteFile?: string;
  /** PostgreSQL: the connection string. */
  databaseUrl?: string | null;
  /** PostgreSQL: a schema to use (created if missing) instead of `public`. */
  schema?: string;
  /** PostgreSQL: the pool size. */
  poolSize?: number;
  /** The longest one query may take (WOES_DB_TIMEOUT_MS); default 5000. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
/**
 * SQLite waits for another process's write lock by sleeping inside the synchronous call, which
 * stops the whole event loop (and /health with it): so the wait is capped well under a second
 * whatever WOES_DB_TIMEOUT_MS says, and a lock held longer answers 503.
 */
const SQLITE_MAX_BUSY_MS = 500;
const SQLITE_MMAP_BYTES = 0;
const SQLITE_CACHE_KIB = 8 * 1024;
const SQLITE_CHECKPOINT_PAGES = 4000;

const PG_INT8 = 20;
/** 'woes' in ASCII: the advisory lock that serialises migrations. */
const MIGRATION_LOCK_ID = 0x776f6573;
const PG_NUMERIC = 1700;

export function createStorage(options: StorageOptions): Storage {
  return options.databaseUrl
    ? createPostgres(options.databaseUrl, options)
    : createSqlite(options.sqliteFile!, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
}

function createSqlite(file: string, timeoutMs: number): Storage {
  // The file is always <WOES_DATA_DIR>/woes.db outside tests (core.ts storageFor).
  ensureFolder('WOES_DATA_DIR', path.dirname(file));
  createOwnerOnly(file);
  const database = new SQLite(file);
  // WAL lets readers (other processes, the CLI) run beside the server's writer.
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.min(timeoutMs, SQLITE_MAX_BUSY_MS)}`);
  database.pragma('foreign_keys = ON');
  // In WAL mode NORMAL syncs only at checkpoints: a commit survives a process crash, and at
  // worst the last commits before a power loss are lost (never corruption).
  database.pragma('synchronous = NORMAL');
  // The three below are per connection (never stored in the file), so each process that opens
  // the database — the server, every `woes` CLI command — gets them, and none can change
  // another's. mmap off (0): with a 64 MiB map, every page of the database file the process
  // touched stayed in its RSS (a message benchmark grew the file to 44 MB and RSS by as much: a
  // peak of 177–181 MB against 149 MB without the map), for no CPU gain while the working set
  // fits the page cache below (list query 40–46 µs either way; bench/RESULTS.md, round 3); pages
  // read through read() live in the kernel's page cache instead, outside the process.
  // cache_size: 8 MiB of page cache (default 2 MiB) keeps the hot indexes and the WAL-overlaid pages of a busy workspace
  // resident; negative means KiB. temp_store: the temporary b-trees of ORDER BY, GROUP BY and
  // FTS5 ranking stay in memory instead of temporary files (small: a page of results at most).
  database.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  database.pragma('temp_store = MEMORY');
  // A checkpoint copies every page changed since the last one into the database file (and
  // syncs it): the default, every 1,000 WAL pages (~125 message writes of ~8 pages each),
  // copied the same hot pages (the conversation row, the index tails) again and again. Every
  // 4,000 pages cut a message write's CPU by ~10% in a micro-benchmark; the WAL file then
  // stays ≤ 16 MiB (it is reused, not grown, after a checkpoint). Per connection, like the above.
  database.pragma(`wal_autocheckpoint = ${SQLITE_CHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    schema: null,
    async ping() {
      database.prepare('select 1').get();
    },
    async migrate() {
      // Kysely opens a deferred transaction, so two processes could both see "not migrated".
      // BEGIN IMMEDIATE takes SQLite's write lock first; the second process waits, then finds
      // the work done.
      database.exec('BEGIN IMMEDIATE');
      try {
        await migrate(db, 'sqlite', { transactional: false });
        database.exec('COMMIT');
      } catch (error) {
        if (database.inTransaction) database.exec('ROLLBACK');
        throw error;
      }
    },
    destroy: () => db.destroy(),
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; better-sqlite3 statements are reusable, and preparing
 * was a tenth of a request's CPU in the benchmark. Kysely runs one query at a time on the
 * connection, so a cached statement is never in use twice. An array-rows template's statement is
 * put in raw mode once here (its rows come back as arrays; src/storage/query-template.ts).
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(source: string) {
      let statement = statements.get(source);
      if (statement === undefined) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
        statement = database.prepare(source);
        if (readsArrays(source)) statement.raw(true);
        statements.set(source, statement);
      }
      return statement;
    },
  } as unknown as SQLite.Database;
}

function createPostgres(url: string, options: StorageOptions): Storage {
  const schema = options.schema ?? null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const { Pool, types } = pgDriver();
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: Math.min(2000, timeoutMs),
    // The server cancels a statement that runs too long (a lock wait, a slow plan); the bounded
    // pool below covers a server that does not answer at all.
    statement_timeout: timeoutMs,
    options: schema ? `-c search_path=${schema}` : undefined,
    // Times are epoch milliseconds and counts fit a double: read them as numbers, per pool.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8 || oid === PG_NUMERIC
          ? (value: string) => Number(value)
          : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: boundedPool(pool, timeoutMs) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'postgres',
    location: url,
    schema,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async migrate() {
      // One session-level advisory lock around the whole run: instances starting together
      // take turns, and the later ones find the schema already current.
      // Unbounded: waiting for another instance's migration lock, or a long migration, is not a
      // stuck request.
      const migrator = new Kysely<Database>({
        dialect: new MigrationDialect({ pool: boundedPool(pool, null) }, schema),
        plugins: [new CamelCasePlugin()],
      });
      await migrator.connection().execute(async (connection) => {
        await sql`set statement_timeout = 0`.execute(connection);
        await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(connection);
        try {
          if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(connection);
          await migrate(connection, 'postgres', { transactional: true, schema });
        } finally {
          await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(connection);
          await sql`reset statement_timeout`.execute(connection);
        }
      });
      await migrator.destroy();
    },
    async destroy() {
      await db.destroy();
      // Tests destroy a storage both through the app and by hand; pg throws on a second end().
      if (!pool.ending) await pool.end();
    },
  };
}

/**
 * The dialect migrations run on. Kysely's Migrator asks the introspector whether its two tables
 * exist, and PostgreSQL's stock introspector reads every column of every table in every schema,
 * calling `pg_get_serial_sequence('schema.table', column)` on each: that resolves the schema by
 * name, so a schema dropped by another session during the scan fails the migration with
 * `schema "…" does not exist` (seen in CI, where test files drop their schemas while others
 * migrate). This one lists the table names of the schema migrations use (the current one when
 * none is named) straight from the catalog, which is all the Migrator reads.
 */
class MigrationDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly schema: string | null,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const schema = this.schema;
    const tables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, ns.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
        where c.relkind in ('r', 'v', 'p') and ns.nspname = coalesce(${schema}::text, current_schema())`.execute(db);
      return rows.map((row) => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
    };
    return {
      async getSchemas() {
        const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(db);
        return rows;
      },
      getTables: tables,
      async getMetadata() {
        return { tables: await tables() };
      },
    };
  }
}

/**
 * Brings the schema up to date. Safe when several processes start at once: Kysely's
 * PostgreSQL adapter takes a transaction-level advisory lock around the run, and SQLite
 * serialises the run's write transaction.
 */
async function migrate(
  db: DB,
  dialect: Dialect,
  options: { transactional: boolean; schema?: string | null },
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    disableTransactions: !options.transactional,
    // Without an explicit schema Kysely would find another schema's migration table.
    migrationTableSchema: options.schema ?? undefined,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '57014', // query_canceled: statement_timeout
  '40P01', // deadlock_detected: PostgreSQL aborted one of two transactions; a retry succeeds
  '40001', // serialization_failure: likewise
  QUERY_TIMEOUT_CODE,
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** True when an error means the database could not be reached (answer 503, not 500). */
export function isUnavailableError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // better-sqlite3 reports extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE…):
  // another connection holds the lock, a retry later succeeds.
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(
      message,
    )
  );
}

/** True when an error is a unique-constraint violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
