import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DB } from '../storage/database.js';
import {
  LocalFanout,
  RESYNC,
  parseWire,
  type FastPathWarning,
  type Invalidation,
  type InvalidationBus,
  type InvalidationHandler,
  type LoggedInvalidation,
} from './invalidation-bus.js';
import { LogCursor, RETAIN_MS, appendInvalidation, newestSeq, pruneBefore, readAfter } from './invalidation-log.js';
import { errorFacts, type PushChannel } from './push-channel.js';

/** While the fast path is up the log is still read this often: it also covers a one-sided failure. */
const SAFETY_POLL_MS = 1000;
const SEND_TIMEOUT_MS = 1000;
const PRUNE_EVERY_MS = 60 * 1000;
const BATCH = 500;

export interface LoggedBusOptions {
  /** How often the log is read while there is no working fast path (SPEC §9: ≤ 1 s). */
  pollMs: number;
  logger: Logger;
  now?: () => number;
}

/**
 * The invalidation log (a table every writer appends to) plus an optional fast path. Every
 * server reads the log after the last row it saw: every `pollMs` while the push channel is
 * down or absent, every second while it is up. When the channel goes down the caches are
 * dropped once, and when it returns the log is read at once, so nothing sent meanwhile is lost.
 */
export class LoggedBus implements InvalidationBus {
  readonly name: string;
  private readonly fanout = new LocalFanout();
  private readonly origin = randomUUID();
  private readonly now: () => number;
  private cursor: LogCursor | null = null;
  private pushUp = false;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private stalled = false;
  private sendFailing = false;
  private lastPrune = 0;
  private closed = false;

  constructor(
    private readonly db: DB,
    private readonly push: PushChannel | null,
    private readonly options: LoggedBusOptions,
  ) {
    this.name = push?.name ?? 'sqlite-poll';
    this.now = options.now ?? Date.now;
  }

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async record(trx: DB, invalidation: Invalidation): Promise<LoggedInvalidation> {
    const seq = await appendInvalidation(trx, invalidation, this.now());
    return { kind: invalidation.kind, subject: invalidation.subject, seq };
  }

  async announce(logged: LoggedInvalidation): Promise<FastPathWarning> {
    // Local first: this instance refuses on the very next request whatever happens next.
    this.fanout.deliver(logged);
    this.cursor?.mark(logged.seq);
    if (this.push === null || this.closed) return null;
    const message = JSON.stringify({
      kind: logged.kind,
      subject: logged.subject,
      seq: logged.seq,
      origin: this.origin,
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.push.send(message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${this.push!.name} send timed out`)), SEND_TIMEOUT_MS);
        }),
      ]);
      this.sendFailing = false;
      return null;
    } catch (error) {
      const facts = errorFacts(error);
      // The row is committed: other servers read it from the log within a second. Said once per run of failures.
      if (!this.sendFailing)
        this.options.logger.warn(
          { err: facts, kind: logged.kind },
          `invalidation not pushed through ${this.push.name}; servers read it from the database log`,
        );
      this.sendFailing = true;
      return `${this.push.name} unreachable (${facts.message}); running servers read the change from the database within a second`;
    } finally {
      clearTimeout(timer);
    }
  }

  async publish(invalidation: Invalidation): Promise<FastPathWarning> {
    return this.announce(await this.record(this.db, invalidation));
  }

  async start(): Promise<void> {
    if (this.cursor !== null) return;
    // Start after the newest row: what happened before this process started is already in the database.
    this.cursor = new LogCursor(await newestSeq(this.db), this.now);
    await this.push?.listen({
      message: (text) => this.received(text),
      connected: (up) => this.pushChanged(up),
    });
    this.schedule(this.interval());
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.push?.close();
  }

  /** One read of the log: deliver every row not seen yet, in order. Exposed for tests. */
  async poll(): Promise<void> {
    const cursor = this.cursor;
    if (this.polling || cursor === null) return;
    this.polling = true;
    try {
      for (;;) {
        const rows = await readAfter(this.db, cursor.floor, BATCH);
        if (this.stalled) {
          // The log could not be read for a while: rows may have been pruned meanwhile.
          this.stalled = false;
          this.fanout.deliver(RESYNC);
        }
        for (const row of rows) {
          if (!cursor.isNew(row.seq)) continue;
          cursor.mark(row.seq);
          this.fanout.deliver(row);
        }
        cursor.advance();
        if (rows.length < BATCH) break;
      }
      await this.prune();
    } catch (error) {
      if (!this.stalled)
        this.options.logger.warn({ err: errorFacts(error) }, 'invalidation log not readable; will retry');
      this.stalled = true;
    } finally {
      this.polling = false;
    }
  }

  private received(text: string): void {
    const message = parseWire(text);
    if (message === null || message.origin === this.origin) return;
    if (message.seq !== null && this.cursor !== null) {
      if (!this.cursor.isNew(message.seq)) return;
      this.cursor.mark(message.seq);
    }
    this.fanout.deliver(message);
  }

  private pushChanged(up: boolean): void {
    this.pushUp = up;
    // Pushes may have been lost just before the channel was seen down: drop every cache once.
    if (!up) this.fanout.deliver(RESYNC);
    // Either way, read the log now: catch up after a return, start polling after a loss.
    this.schedule(0);
  }

  private interval(): number {
    return this.pushUp ? Math.max(this.options.pollMs, SAFETY_POLL_MS) : this.options.pollMs;
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll().finally(() => {
        if (this.timer === null) this.schedule(this.interval());
      });
    }, delayMs);
    this.timer.unref();
  }

  private async prune(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await pruneBefore(this.db, now - RETAIN_MS);
  }
}
