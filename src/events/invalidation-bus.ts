import type { DB } from '../storage/database.js';

/**
 * Invalidations tell every instance (and the CLI's changes tell every server) that cached
 * credentials or settings must be dropped: a key revoked, a session ended, a plan changed.
 * The database's `invalidations` table is the log and the source of truth in every mode: a
 * writer appends a row (inside the change's own transaction where it has one), and every
 * server reads the rows it has not seen. Redis pub/sub or PostgreSQL NOTIFY only make the news
 * travel faster; while they are down, servers poll the log, so nothing depends on them.
 */
export interface Invalidation {
  /** What changed: e.g. 'api_key', 'session', 'user', 'workspace', 'membership'. */
  kind: string;
  /** Which one: an id, or a hash for keys. */
  subject: string;
}

/** An invalidation with its place in the log. */
export interface LoggedInvalidation extends Invalidation {
  seq: number;
}

/**
 * Sent to local subscribers when this process may have missed messages (its push channel went
 * down, or the log could not be read): every cache built from invalidatable state is dropped.
 */
export const RESYNC: Invalidation = Object.freeze({ kind: 'all', subject: '*' });

/** Every transport's wire form carries the sender, so a process skips its own messages. */
export interface WireInvalidation extends Invalidation {
  origin: string;
  /** The log row's sequence number, so a receiver does not deliver it twice (push, then poll). */
  seq: number | null;
}

/** Parses a message from another process; anything malformed is ignored, never thrown. */
export function parseWire(text: string): WireInvalidation | null {
  try {
    const value = JSON.parse(text) as Partial<WireInvalidation>;
    if (typeof value.kind !== 'string' || typeof value.subject !== 'string' || typeof value.origin !== 'string')
      return null;
    const seq = typeof value.seq === 'number' && Number.isSafeInteger(value.seq) ? value.seq : null;
    return { kind: value.kind, subject: value.subject, origin: value.origin, seq };
  } catch {
    return null;
  }
}

export type InvalidationHandler = (invalidation: Invalidation) => void;

/** Why other processes may hear late (the fast path failed), or null when it did not. */
export type FastPathWarning = string | null;

export interface InvalidationBus {
  readonly name: string;
  /**
   * Appends to the log with the caller's transaction, so the change and its invalidation
   * commit together or not at all. Call `announce` with the result after the commit.
   */
  record(trx: DB, invalidation: Invalidation): Promise<LoggedInvalidation>;
  /** After the commit: this process's caches at once, then the other processes' fast path. */
  announce(logged: LoggedInvalidation): Promise<FastPathWarning>;
  /** `record` in a statement of its own, then `announce`: for changes made without a transaction. */
  publish(invalidation: Invalidation): Promise<FastPathWarning>;
  subscribe(handler: InvalidationHandler): () => void;
  /** Starts listening to other processes. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Delivers to the subscribers of this process; the base of every transport. */
export class LocalFanout {
  private readonly handlers = new Set<InvalidationHandler>();

  subscribe(handler: InvalidationHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  deliver(invalidation: Invalidation): void {
    const plain = { kind: invalidation.kind, subject: invalidation.subject };
    for (const handler of this.handlers) handler(plain);
  }
}

/** A bus for one process only (tests where nothing else shares the database); logs nothing. */
export class InProcessBus implements InvalidationBus {
  readonly name = 'in-process';
  private readonly fanout = new LocalFanout();

  async record(_trx: DB, invalidation: Invalidation): Promise<LoggedInvalidation> {
    return { ...invalidation, seq: 0 };
  }

  async announce(logged: LoggedInvalidation): Promise<FastPathWarning> {
    this.fanout.deliver(logged);
    return null;
  }

  async publish(invalidation: Invalidation): Promise<FastPathWarning> {
    this.fanout.deliver(invalidation);
    return null;
  }

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async start(): Promise<void> {}
  async close(): Promise<void> {}
}
