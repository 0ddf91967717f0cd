import type pg from 'pg';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../storage/database.js';
import { pgDriver } from '../lib/drivers.js';
import { errorFacts, type PushChannel, type PushHandlers } from './push-channel.js';

const MAX_BACKOFF_MS = 1000;

/** PostgreSQL without Redis: NOTIFY on the shared pool, LISTEN on one dedicated connection. */
export class PgNotifyChannel implements PushChannel {
  readonly name = 'pg-notify';
  private client: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private backoffMs = 100;
  private handlers: PushHandlers | null = null;
  private up = false;
  private closed = false;

  constructor(
    private readonly db: DB,
    private readonly url: string,
    /** A plain identifier (validated here): LISTEN takes no parameters. */
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error('invalid NOTIFY channel name');
  }

  async send(message: string): Promise<void> {
    await sql`select pg_notify(${this.channel}, ${message})`.execute(this.db);
  }

  async listen(handlers: PushHandlers): Promise<void> {
    if (this.handlers !== null) return;
    this.handlers = handlers;
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client !== null) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new (pgDriver().Client)({ connectionString: this.url, connectionTimeoutMillis: 2000 });
    let failed = false;
    const onLost = (error?: unknown) => {
      if (failed || this.closed) return;
      failed = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      if (this.up) {
        this.up = false;
        // One warning per outage, not one per reconnect attempt.
        this.logger.warn(
          { err: error === undefined ? undefined : errorFacts(error) },
          'LISTEN connection lost: polling the database for invalidations',
        );
        this.handlers?.connected(false);
      }
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (notification) => {
      if (notification.channel === this.channel && notification.payload !== undefined)
        this.handlers?.message(notification.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      onLost(error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = 100;
    this.up = true;
    this.handlers?.connected(true);
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== null) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.backoffMs);
    this.reconnectTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}
