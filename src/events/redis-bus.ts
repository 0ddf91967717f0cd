import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { LocalFanout, RESYNC, parseWire, type Invalidation, type InvalidationBus, type InvalidationHandler } from './invalidation-bus.js';

const PUBLISH_TIMEOUT_MS = 2000;

/** Scale-out transport: Redis pub/sub. Pushed, so other instances hear within milliseconds. */
export class RedisBus implements InvalidationBus {
  readonly name = 'redis';
  private readonly fanout = new LocalFanout();
  private readonly origin = randomUUID();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  subscribe(handler: InvalidationHandler): () => void {
    return this.fanout.subscribe(handler);
  }

  async publish(invalidation: Invalidation): Promise<void> {
    // Local first: this instance refuses on the very next request whatever Redis does.
    this.fanout.deliver(invalidation);
    if (this.closed) return;
    const message = JSON.stringify({ kind: invalidation.kind, subject: invalidation.subject, origin: this.origin });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.connection().publish(this.channel, message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis publish timed out')), PUBLISH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      // The change is committed; other instances fall back to the 60 s cache limit.
      this.logger.error({ err: { message: (error as Error).message }, kind: invalidation.kind }, 'invalidation not published to Redis');
    } finally {
      clearTimeout(timer);
    }
  }

  async start(): Promise<void> {
    if (this.subscriber !== null) return;
    const subscriber = new Redis(this.url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber = subscriber;
    let readyBefore = false;
    subscriber.on('error', (error: Error) => this.logger.warn({ err: { message: error.message } }, 'Redis subscriber error'));
    subscriber.on('ready', () => {
      // After a reconnect messages may have been missed: drop every cache once.
      if (readyBefore) this.fanout.deliver(RESYNC);
      readyBefore = true;
    });
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const message = parseWire(text);
      if (message === null || message.origin === this.origin) return;
      this.fanout.deliver({ kind: message.kind, subject: message.subject });
    });
    try {
      await subscriber.connect();
      await subscriber.subscribe(this.channel);
    } catch (error) {
      // ioredis keeps reconnecting (and resubscribes); the server still starts.
      this.logger.error({ err: { message: (error as Error).message } }, 'Redis invalidation subscriber not connected yet');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = [this.publisher, this.subscriber].filter((c): c is Redis => c !== null);
    this.publisher = null;
    this.subscriber = null;
    await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
  }

  private connection(): Redis {
    if (this.publisher === null) {
      this.publisher = new Redis(this.url, { maxRetriesPerRequest: 1 });
      this.publisher.on('error', (error: Error) => this.logger.warn({ err: { message: error.message } }, 'Redis publisher error'));
    }
    return this.publisher;
  }
}
