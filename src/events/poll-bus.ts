import type { Logger } from 'pino';
import type { DB } from '../storage/database.js';
import { LocalFanout, RESYNC, type Invalidation, type InvalidationBus, type InvalidationHandler } from './invalidation-bus.js';

/** Rows older than this are pruned; a poller that falls further behind resynchronises. */
const RETAIN_MS = 10 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 1000;
const BATCH = 500;

/**
 * Embedded mode: the `invalidations` table is the log. Publishing inserts a row; every server
 * polls for rows after the last sequence number it saw (starting from the newest at start),
 * so a change made by the CLI in another process reaches it within one poll interval.
 */
export class PollBus implements InvalidationBus {
  readonly name = 'sqlite-poll';
  private readonly fanout = new LocalFanout();
  private lastSeq = 0;
  private lastPrune = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stalled = false;

  constructor(
    private readonly db: DB,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async publish(invalidation: Invalidation): Promise<void> {
    this.fanout.deliver(invalidation);
    try {
      await this.db
        .insertInto('invalidations')
        .values({ kind: invalidation.kind, subject: invalidation.subject, createdAt: this.now() })
        .execute();
    } catch (error) {
      this.logger.error({ err: { message: (error as Error).message }, kind: invalidation.kind }, 'invalidation not written to the log');
    }
  }

  async start(): Promise<void> {
    if (this.timer !== null) return;
    const row = await this.db
      .selectFrom('invalidations')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    this.lastSeq = Number(row?.seq ?? 0);
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One poll: deliver every new row in order. Exposed for tests that drive it by hand. */
  async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (;;) {
        const rows = await this.db
          .selectFrom('invalidations')
          .select(['seq', 'kind', 'subject'])
          .where('seq', '>', this.lastSeq)
          .orderBy('seq')
          .limit(BATCH)
          .execute();
        if (this.stalled) {
          // The database was unreachable for a while: rows may have been pruned meanwhile.
          this.stalled = false;
          this.fanout.deliver(RESYNC);
        }
        for (const row of rows) {
          this.lastSeq = Number(row.seq);
          this.fanout.deliver({ kind: row.kind, subject: row.subject });
        }
        if (rows.length < BATCH) break;
      }
      await this.prune();
    } catch (error) {
      this.stalled = true;
      this.logger.warn({ err: { message: (error as Error).message } }, 'invalidation poll failed; will retry');
    } finally {
      this.polling = false;
    }
  }

  private async prune(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.db.deleteFrom('invalidations').where('createdAt', '<', now - RETAIN_MS).execute();
  }
}
