import type { Logger } from 'pino';
import type { DB } from '../storage/database.js';
import { keyRepository } from './key-repository.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

interface PendingUsage {
  lastUsedAt: number;
  ip: string | null;
  userAgent: string | null;
  /** Requests per epoch day since the last flush. */
  days: Map<number, number>;
}

/**
 * Key usage (last used time, IP, user agent, daily counts) collected in memory on the hot
 * path and written in one transaction per flush, so a warm verification never writes to the
 * database (SPEC §9). A failed flush keeps its data for the next one.
 */
export class UsageBuffer {
  private pending = new Map<string, PendingUsage>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: DB,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Hot path: a map lookup and a few assignments; allocates only for a key's first use per flush. */
  record(keyId: string, now: number, ip: string | null, userAgent: string | null): void {
    const day = Math.floor(now / DAY_MS);
    let entry = this.pending.get(keyId);
    if (entry === undefined) {
      entry = { lastUsedAt: now, ip, userAgent, days: new Map() };
      this.pending.set(keyId, entry);
    } else {
      if (now >= entry.lastUsedAt) entry.lastUsedAt = now;
      entry.ip = ip;
      entry.userAgent = userAgent;
    }
    entry.days.set(day, (entry.days.get(day) ?? 0) + 1);
  }

  /** Not-yet-written usage of one key, merged into views by this instance. */
  peek(
    keyId: string,
  ): { lastUsedAt: number; ip: string | null; userAgent: string | null; days: ReadonlyMap<number, number> } | null {
    return this.pending.get(keyId) ?? null;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes everything pending; concurrent calls share one run. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush());
    if (this.pending.size === 0) return Promise.resolve();
    this.flushing = this.write().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.db.transaction().execute(async (trx) => {
        // A key deleted since (its workspace removed) has nowhere to write its counts.
        const existing = await keyRepository.existingIds(trx, [...batch.keys()]);
        for (const [keyId, usage] of batch) {
          if (!existing.has(keyId)) continue;
          await keyRepository.recordUse(trx, keyId, usage);
          for (const [day, count] of usage.days) await keyRepository.addDailyCount(trx, keyId, day, count);
        }
      });
    } catch (error) {
      this.restore(batch);
      this.logger.warn({ err: { message: (error as Error).message } }, 'key usage flush failed; will retry');
    }
  }

  private restore(batch: Map<string, PendingUsage>): void {
    for (const [keyId, usage] of batch) {
      const current = this.pending.get(keyId);
      if (current === undefined) {
        this.pending.set(keyId, usage);
        continue;
      }
      if (usage.lastUsedAt > current.lastUsedAt) {
        current.lastUsedAt = usage.lastUsedAt;
        current.ip = usage.ip;
        current.userAgent = usage.userAgent;
      }
      for (const [day, count] of usage.days) current.days.set(day, (current.days.get(day) ?? 0) + count);
    }
  }
}
