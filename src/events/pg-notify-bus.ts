import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../storage/database.js';
import { LocalFanout, RESYNC, parseWire, type Invalidation, type InvalidationBus, type InvalidationHandler } from './invalidation-bus.js';

const MAX_BACKOFF_MS = 5000;

/** PostgreSQL without Redis: NOTIFY on the shared pool, LISTEN on one dedicated connection. */
export class PgNotifyBus implements InvalidationBus {
  readonly name = 'pg-notify';
  private readonly fanout = new LocalFanout();
  private readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private backoffMs = 100;
  private started = false;
  private closed = false;

  constructor(
    private readonly db: DB,
    private readonly url: string,
    /** A plain identifier (validated by the caller): LISTEN takes no parameters. */
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error('invalid NOTIFY channel name');
  }

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async publish(invalidation: Invalidation): Promise<void> {
    this.fanout.deliver(invalidation);
    const message = JSON.stringify({ kind: invalidation.kind, subject: invalidation.subject, origin: this.origin });
    try {
      await sql`select pg_notify(${this.channel}, ${message})`.execute(this.db);
    } catch (error) {
      this.logger.error({ err: { message: (error as Error).message }, kind: invalidation.kind }, 'invalidation not sent with NOTIFY');
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.listen(false);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client !== null) await client.end().catch(() => undefined);
  }

  private async listen(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 2000 });
    let failed = false;
    const onLost = (error?: Error) => {
      if (failed) return;
      failed = true;
      if (error) this.logger.warn({ err: { message: error.message } }, 'LISTEN connection lost');
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (notification) => {
      if (notification.channel !== this.channel || notification.payload === undefined) return;
      const message = parseWire(notification.payload);
      if (message === null || message.origin === this.origin) return;
      this.fanout.deliver({ kind: message.kind, subject: message.subject });
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = 100;
    // Notifications sent while we were away are lost: drop every cache once.
    if (reconnecting) this.fanout.deliver(RESYNC);
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== null) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.listen(true);
    }, this.backoffMs);
    this.reconnectTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}
