import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { redisClient } from '../lib/drivers.js';
import { errorFacts, type PushChannel, type PushHandlers } from './push-channel.js';

const CLIENT_OPTIONS: RedisOptions = {
  connectTimeout: 1000,
  // Back soon after Redis returns, never more than a second apart.
  retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
};

/** Redis pub/sub: other instances hear within milliseconds while Redis is up. */
export class RedisChannel implements PushChannel {
  readonly name = 'redis';
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private up = false;
  private closed = false;
  private lastError: { message: string; code?: string } | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  async send(message: string): Promise<void> {
    // Failed commands are not retried on reconnect: the log already holds the row.
    this.publisher ??= this.client({ maxRetriesPerRequest: 0 }, 'publisher');
    await this.publisher.publish(this.channel, message);
  }

  async listen(handlers: PushHandlers): Promise<void> {
    if (this.subscriber !== null) return;
    const subscriber = this.client({ maxRetriesPerRequest: null, lazyConnect: true }, 'subscriber');
    this.subscriber = subscriber;
    subscriber.on('ready', () => {
      if (this.up) return;
      this.up = true;
      // Only a return is news: the first connection is the normal state.
      if (this.lastError !== null) this.logger.warn('Redis is reachable again: invalidations are pushed again');
      this.lastError = null;
      handlers.connected(true);
    });
    subscriber.on('close', () => {
      if (!this.up || this.closed) return;
      this.up = false;
      // One warning per outage; each reconnect attempt's error goes to debug.
      this.lastError ??= { message: 'connection closed' };
      this.logger.warn(
        { err: this.lastError },
        'Redis is unreachable: instances poll the database for invalidations until it returns',
      );
      handlers.connected(false);
    });
    subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) handlers.message(text);
    });
    try {
      await subscriber.connect();
    } catch (error) {
      // ioredis keeps reconnecting; meanwhile the log is polled.
      this.lastError = errorFacts(error);
      this.logger.warn(
        { err: this.lastError },
        'Redis is unreachable: instances poll the database for invalidations until it returns',
      );
    }
    // Subscribe even when the first connection failed: the command waits in the offline queue,
    // and once it has run ioredis renews it after every reconnect. Skipped, a process started
    // during an outage would stay deaf to pushes for good (only the safety poll would reach it).
    const subscribing = subscriber.subscribe(this.channel).then(
      () => undefined,
      (error: unknown) => {
        this.lastError = errorFacts(error);
      },
    );
    if (subscriber.status === 'ready') await subscribing;
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = [this.publisher, this.subscriber].filter((c): c is Redis => c !== null);
    this.publisher = null;
    this.subscriber = null;
    await Promise.all(
      clients.map((client) =>
        client.status === 'ready' ? client.quit().catch(() => client.disconnect()) : client.disconnect(),
      ),
    );
  }

  private client(options: RedisOptions, role: string): Redis {
    const client = new (redisClient())(this.url, { ...CLIENT_OPTIONS, ...options });
    client.on('error', (error: unknown) => {
      this.lastError = errorFacts(error);
      this.logger.debug({ err: this.lastError, role }, 'Redis connection error (invalidations)');
    });
    return client;
  }
}
