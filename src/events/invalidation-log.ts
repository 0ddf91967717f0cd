import type { DB } from '../storage/database.js';
import type { Invalidation } from './invalidation-bus.js';

/** Rows older than this are pruned; far longer than any outage a poller rides out without resyncing. */
export const RETAIN_MS = 60 * 60 * 1000;
/**
 * On PostgreSQL a sequence number is taken at insert but seen at commit, so a lower one can
 * appear after a higher one (or never, when its transaction rolls back). A gap is waited for
 * this long before the cursor moves past it.
 */
const GAP_WAIT_MS = 10_000;

export async function appendInvalidation(db: DB, invalidation: Invalidation, now: number): Promise<number> {
  const row = await db
    .insertInto('invalidations')
    .values({ kind: invalidation.kind, subject: invalidation.subject, createdAt: now })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

export async function newestSeq(db: DB): Promise<number> {
  const row = await db
    .selectFrom('invalidations')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function readAfter(db: DB, seq: number, limit: number): Promise<Array<Invalidation & { seq: number }>> {
  const rows = await db
    .selectFrom('invalidations')
    .select(['seq', 'kind', 'subject'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ seq: Number(row.seq), kind: row.kind, subject: row.subject }));
}

export async function pruneBefore(db: DB, createdBefore: number): Promise<void> {
  await db.deleteFrom('invalidations').where('createdAt', '<', createdBefore).execute();
}

/**
 * Which log rows this process has delivered: every seq ≤ `floor`, plus the ones above it in
 * `above` (received out of order, by push or poll). Polls read from `floor`, so a row that
 * commits late is still found, and `isNew` keeps a row from being delivered twice.
 */
export class LogCursor {
  private readonly above = new Set<number>();
  private gapSince: number | null = null;

  constructor(
    public floor: number,
    private readonly now: () => number,
  ) {}

  isNew(seq: number): boolean {
    return seq > this.floor && !this.above.has(seq);
  }

  mark(seq: number): void {
    if (!this.isNew(seq)) return;
    this.above.add(seq);
    this.advance();
  }

  /** Called after each poll as well, so a gap left by a rolled-back transaction is passed in time. */
  advance(): void {
    while (this.above.delete(this.floor + 1)) this.floor += 1;
    if (this.above.size === 0) {
      this.gapSince = null;
      return;
    }
    const now = this.now();
    this.gapSince ??= now;
    if (now - this.gapSince < GAP_WAIT_MS) return;
    this.floor = Math.min(...this.above) - 1;
    this.gapSince = null;
    this.advance();
  }
}
