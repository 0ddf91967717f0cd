/**
 * Invalidations tell every instance (and the CLI's changes tell every server) that cached
 * credentials or settings must be dropped: a key revoked, a session ended, a plan changed.
 * `publish` applies to this process's subscribers before it returns — so the instance that
 * made the change refuses on the very next request — and then reaches the other processes
 * through the mode's transport (Redis pub/sub, PostgreSQL NOTIFY, or the embedded poll log).
 */
export interface Invalidation {
  /** What changed: e.g. 'api_key', 'session', 'user', 'workspace', 'membership'. */
  kind: string;
  /** Which one: an id, or a hash for keys. */
  subject: string;
}

/**
 * Sent to local subscribers when a transport may have missed messages (a reconnect): every
 * cache built from invalidatable state must be dropped.
 */
export const RESYNC: Invalidation = Object.freeze({ kind: 'all', subject: '*' });

/** Every transport's wire form carries the sender, so a process skips its own messages. */
export interface WireInvalidation extends Invalidation {
  origin: string;
}

/** Parses a message from another process; anything malformed is ignored, never thrown. */
export function parseWire(text: string): WireInvalidation | null {
  try {
    const value = JSON.parse(text) as Partial<WireInvalidation>;
    if (typeof value.kind !== 'string' || typeof value.subject !== 'string' || typeof value.origin !== 'string') return null;
    return { kind: value.kind, subject: value.subject, origin: value.origin };
  } catch {
    return null;
  }
}

export type InvalidationHandler = (invalidation: Invalidation) => void;

export interface InvalidationBus {
  readonly name: string;
  publish(invalidation: Invalidation): Promise<void>;
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
    for (const handler of this.handlers) handler(invalidation);
  }
}

/** A bus for one process only (used where nothing else shares the database). */
export class InProcessBus implements InvalidationBus {
  readonly name = 'in-process';
  private readonly fanout = new LocalFanout();

  async publish(invalidation: Invalidation): Promise<void> {
    this.fanout.deliver(invalidation);
  }

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async start(): Promise<void> {}
  async close(): Promise<void> {}
}
