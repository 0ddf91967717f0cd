import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { resolveRules, type RateRule, type RuleName } from './rate-limiter.js';
import { WindowLimiter, type CounterStore } from './window-limiter.js';
import { errorFacts } from '../events/push-channel.js';
import { redisClient } from '../lib/drivers.js';

export interface RedisLimiterOptions {
  url: string;
  now: () => number;
  logger: Logger;
  /** Keeps apps on different databases apart in one Redis (tests: the PostgreSQL schema). */
  namespace?: string | null;
  rules?: Partial<Record<RuleName, RateRule>>;
}

/** How often a Redis that stopped answering is probed while requests bypass it. */
const PROBE_EVERY_MS = 1000;

/**
 * Scale-out limiter: the counters live in Redis (rate-limiter-flexible's RateLimiterRedis,
 * one atomic Lua INCRBY per request), so every instance spends one shared budget. When Redis
 * cannot answer, the library hands each call to its insurance limiter — a RateLimiterMemory —
 * so requests never fail: limits then hold per instance, and the next call after Redis is
 * back uses Redis again. The client never queues commands while disconnected and times them
 * out quickly, so an outage costs a request microseconds, not seconds.
 *
 * A Redis that is connected but does not answer (frozen, overloaded, a black-holed network)
 * would cost every request the command timeout; so the first timeout makes requests bypass
 * Redis for the insurance limiter at once, while a background PING probes it every second and
 * the next answer brings the shared counters back.
 */
export class RedisRateLimiter extends WindowLimiter {
  private readonly client: Redis;
  private readonly logger: Logger;
  private degraded = false;
  private lastError: { message: string; code?: string } | null = null;
  /** Redis is connected but did not answer in time: requests go to the insurance limiter. */
  private bypassing = false;
  private probe: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(options: RedisLimiterOptions) {
    const client = new (redisClient())(options.url, {
      enableOfflineQueue: false,
      connectTimeout: 1000,
      commandTimeout: 500,
      maxRetriesPerRequest: 0,
      // Keep trying in the background, never more than a second apart, so Redis is used again soon after it returns.
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      enableAutoPipelining: true,
    });
    let limiter: RedisRateLimiter | null = null;
    const insurance = new InsuranceLimiter(() => limiter?.usingInsurance());
    const prefix = options.namespace ? `woes:rl:${options.namespace}` : 'woes:rl';
    const redisStore = new RateLimiterRedis({
      storeClient: client,
      keyPrefix: prefix,
      points: 1,
      duration: 60,
      rejectIfRedisNotReady: true,
      insuranceLimiter: insurance,
    });
    const route = (): CounterStore => (limiter?.bypassing ? insurance : redisStore);
    const store: CounterStore = {
      penalty: (key, points, opts) => route().penalty(key, points, opts),
      reward: (key, points, opts) => route().reward(key, points, opts),
      get: (key) => route().get(key),
      delete: (key) => route().delete(key),
    };
    super(store, { now: options.now, rules: resolveRules(options.rules) });
    // The store above is built before super() returns, so it reaches the limiter through this variable.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    limiter = this;
    this.client = client;
    this.logger = options.logger;
    client.on('error', (error: unknown) => {
      this.lastError = errorFacts(error);
      this.logger.debug({ err: this.lastError }, 'Redis connection error (rate limiter)');
    });
    client.on('ready', () => {
      this.lastError = null;
      if (!this.degraded) return;
      this.degraded = false;
      this.logger.info('Redis is reachable again: rate limits are shared across instances');
    });
  }

  /** Waits (briefly) for the first connection, so the first requests already share counters. */
  async start(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 2000);
      this.client.once('ready', done);
      const client = this.client;
      function done(): void {
        clearTimeout(timer);
        client.off('ready', done);
        resolve();
      }
    });
  }

  override backendStatus(): 'up' | 'down' {
    return this.client.status === 'ready' && !this.bypassing ? 'up' : 'down';
  }

  override async close(): Promise<void> {
    this.closed = true;
    if (this.probe) clearTimeout(this.probe);
    await super.close();
    if (this.client.status === 'ready') {
      await this.client.quit().catch(() => this.client.disconnect());
    } else {
      this.client.disconnect();
    }
  }

  private usingInsurance(): void {
    // Connected, yet the library fell back: a command timed out. Stop waiting on Redis.
    if (this.client.status === 'ready' && !this.bypassing) {
      this.bypassing = true;
      this.scheduleProbe();
    }
    // One warning per outage (and one line when Redis is back), not one a minute.
    if (this.degraded) return;
    this.degraded = true;
    // The connection's last error says why (ECONNREFUSED, a timeout); with none, a command timed out.
    const err =
      this.client.status === 'ready'
        ? { message: 'a Redis command timed out' }
        : (this.lastError ?? { message: `connection ${this.client.status}` });
    this.logger.warn({ err }, 'Redis is unreachable: rate limits count per instance until it returns');
  }

  private scheduleProbe(): void {
    if (this.closed) return;
    this.probe = setTimeout(() => {
      this.client.ping().then(
        () => {
          this.bypassing = false;
          this.probe = null;
          if (!this.degraded) return;
          this.degraded = false;
          this.logger.info('Redis answers again: rate limits are shared across instances');
        },
        () => this.scheduleProbe(),
      );
    }, PROBE_EVERY_MS);
    this.probe.unref();
  }
}

/** The library's memory limiter, noting each time it stands in for Redis. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(private readonly onUse: () => void) {
    super({ keyPrefix: 'insurance', points: 1, duration: 60 });
  }

  override penalty(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    this.onUse();
    return super.penalty(key, points, options);
  }

  override reward(key: string | number, points?: number, options?: Record<string, unknown>): Promise<RateLimiterRes> {
    this.onUse();
    return super.reward(key, points, options);
  }

  override get(key: string | number, options?: Record<string, unknown>): Promise<RateLimiterRes | null> {
    this.onUse();
    return super.get(key, options);
  }

  override delete(key: string | number, options?: Record<string, unknown>): Promise<boolean> {
    this.onUse();
    return super.delete(key, options);
  }
}
