import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../deps.js';
import type { Dialect } from '../storage/database.js';
import type { Database } from '../storage/schema.js';
import { IntervalJob } from './interval-job.js';

/**
 * Rows a domain deletes because nothing can use them any more (an expired token, a session that
 * ended) or because they outlived their retention (webhook events). `run` deletes at most `limit`
 * of them in one statement, oldest first where it matters, and returns how many it deleted; it
 * must be safe to run on several instances at once (a row another instance deleted is simply
 * not there).
 */
export interface Sweep {
  /** Names the rows in the log line (`webhook events`, `refresh tokens`). */
  readonly name: string;
  run(db: Kysely<Database>, now: number, limit: number): Promise<number>;
}

export const DAY_MS = 86_400_000;

/**
 * How long a credential row stays after it stopped working (expired or ended) before a sweep
 * deletes it: a day, so no instance whose clock runs behind still sees it live.
 */
export const DEAD_CREDENTIAL_GRACE_MS = DAY_MS;

type Columns<T extends keyof Database> = keyof Database[T] & string;
/** The columns of a table that hold a time that is never null (epoch milliseconds). */
type TimeColumn<T extends keyof Database> = {
  [C in Columns<T>]: Database[T][C] extends number ? C : never;
}[Columns<T>];

/**
 * Rows that nothing needs once `keepMs` has passed since their `time`: a table, the columns that
 * name one row (its primary key or a unique one) and the time column, which has an index.
 */
export interface AgedRows<T extends keyof Database> {
  readonly table: T;
  readonly key: readonly [Columns<T>, ...Columns<T>[]];
  readonly time: TimeColumn<T>;
  readonly keepMs: number;
}

/**
 * The sweep of rows whose `time` is `keepMs` or more ago: up to `limit` of them, oldest first by
 * the time index, deleted by their key in one statement. The time must only move towards the
 * past once a row is dead (an expiry set to "now" when a session ends, never slid later again).
 */
export function agedRowsSweep<T extends keyof Database & string>(
  name: string,
  rows: AgedRows<T>,
  dialect: Dialect,
): Sweep {
  // SQL over typed names (CamelCasePlugin maps them): the builder cannot type a table and a key
  // of one or more columns chosen by the caller. The key's index finds each candidate to delete.
  const table = sql.table(rows.table);
  const key = sql.join(rows.key.map((column) => sql.ref(column)));
  const time = sql.ref(rows.time);
  // On PostgreSQL, instances sweeping at once take disjoint rows instead of waiting on (or
  // deadlocking over) each other's; SQLite has one writer.
  const lock = dialect === 'postgres' ? sql` for update skip locked` : sql``;
  return {
    name,
    async run(db, now, limit) {
      const candidates = sql`select ${key} from ${table} where ${time} <= ${now - rows.keepMs} order by ${time} limit ${limit}${lock}`;
      const result = await sql`delete from ${table} where (${key}) in (${candidates})`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/**
 * Credential tables whose rows are dead once expired: each has a unique `tokenHash` and an
 * `expiresAt`, and each refuses an expired row exactly as an unknown one (so deleting it changes
 * no answer).
 */
type ExpiringCredentials = 'refreshTokens' | 'linkTokens' | 'portalLinks' | 'portalSessions';

/**
 * The sweep of one credential table: rows that expired DEAD_CREDENTIAL_GRACE_MS or more ago, by
 * the expiry index. A domain that ends a credential early (a sign-out) sets its expiry then, so
 * this one condition finds it.
 */
export function expiredCredentialsSweep(name: string, table: ExpiringCredentials, dialect: Dialect): Sweep {
  return agedRowsSweep(
    name,
    { table, key: ['tokenHash'], time: 'expiresAt', keepMs: DEAD_CREDENTIAL_GRACE_MS },
    dialect,
  );
}

/** How often each instance sweeps, and how many rows a statement and a run delete per sweep. */
export const SWEEP_EVERY_MS = 10 * 60_000;
const BATCH = 200;
const BATCHES_PER_RUN = 50;

/**
 * Runs every domain's sweeps every SWEEP_EVERY_MS (and once at start), in statements of BATCH
 * rows so no lock is held long (SQLite has one writer, and runs synchronously); a run deletes at most
 * BATCH × BATCHES_PER_RUN rows per sweep and the next run goes on. Each sweep that deleted
 * something logs one `rows swept` line with its name and count.
 */
export class SweepJob {
  private readonly job: IntervalJob;

  constructor(
    private readonly core: { db: Kysely<Database>; clock: Clock; logger: Pick<Logger, 'info' | 'warn'> },
    private readonly sweeps: readonly Sweep[],
  ) {
    this.job = new IntervalJob('sweep', core.logger, () => this.runOnce());
  }

  start(intervalMs: number = SWEEP_EVERY_MS): void {
    this.job.start(intervalMs);
  }

  close(): Promise<void> {
    return this.job.close();
  }

  /**
   * One run of every sweep; returns the rows each deleted (by name). A sweep that fails is
   * logged and the others still run. Between two statements the event loop gets a turn: on
   * SQLite each statement runs synchronously, and a run of many would hold every request back.
   */
  async runOnce(): Promise<Record<string, number>> {
    const now = this.core.clock.now();
    const deleted: Record<string, number> = {};
    for (const sweep of this.sweeps) {
      let total = 0;
      try {
        for (let batch = 0; batch < BATCHES_PER_RUN && !this.job.closed; batch++) {
          const count = await sweep.run(this.core.db, now, BATCH);
          total += count;
          if (count < BATCH) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } catch (error) {
        this.core.logger.warn({ sweep: sweep.name, err: { message: (error as Error).message } }, 'sweep failed');
      }
      deleted[sweep.name] = total;
      if (total > 0) this.core.logger.info({ sweep: sweep.name, deleted: total }, 'rows swept');
      await new Promise((resolve) => setImmediate(resolve));
    }
    return deleted;
  }
}
