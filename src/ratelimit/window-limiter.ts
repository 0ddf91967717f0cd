import { TTLCache } from '../cache/ttl-cache.js';
import { andThen, both, type MaybePromise } from '../lib/maybe-promise.js';
import {
  DEFAULT_RULES,
  type RateLimiter,
  type RateLimitResult,
  type RateRule,
  type RateRules,
} from './rate-limiter.js';
import { fits, resultOf, waitMs, weightedUse } from './sliding-window.js';
import { clientKey } from './client-key.js';

/** A counter's value as a store reports it (rate-limiter-flexible's RateLimiterRes has this field). */
export interface CounterValue {
  readonly consumedPoints: number;
}

/**
 * Atomic counters with expiry: MemoryCounters in process (answers synchronously), or
 * rate-limiter-flexible's RateLimiterRedis with a memory insurance limiter (answers later).
 */
export interface CounterStore {
  penalty(key: string, points: number, options: { customDuration: number }): MaybePromise<CounterValue>;
  reward(key: string, points: number, options: { customDuration: number }): MaybePromise<CounterValue>;
  get(key: string): MaybePromise<CounterValue | null>;
  delete(key: string): MaybePromise<boolean>;
}

export interface WindowLimiterOptions {
  /** The app clock (TestClock in tests): it alone decides which window a request falls in. */
  now: () => number;
  rules: RateRules;
}

interface KnownBlock {
  until: number;
  points: number;
}

/** Bounds on the per-process memory of previous-window counts and known blocks. */
const MAX_CACHED = 100_000;

/**
 * Sliding-window limits (see sliding-window.ts) on top of rate-limiter-flexible's counters:
 * one counter per key and clock-aligned window, kept for two windows so the previous one can
 * still be weighed. The clock picks the window, so a TestClock moves limits in memory and in
 * Redis alike; the store's own expiry only collects old windows.
 *
 * Atomicity: a request first increments the current window (one atomic INCRBY in the store),
 * then decides from the count it got back — concurrent requests each see a different count,
 * so with one request left exactly one fits. A refused request gives its point back, so a
 * client hammering a 429 recovers when Retry-After says.
 *
 * Hot path: one store call. The previous window's count no longer changes once its window has
 * passed, so it is read once per key and window (pipelined with the increment) and cached.
 */
export class WindowLimiter implements RateLimiter {
  readonly rules: RateRules;
  protected readonly now: () => number;
  private readonly previousCounts: TTLCache<string, number>;
  private readonly blocks: TTLCache<string, KnownBlock>;
  /** The window length each bucket was last used with, so `reset` finds its counters. */
  private readonly durations = new Map<string, number>();

  constructor(
    private readonly store: CounterStore,
    options: WindowLimiterOptions,
  ) {
    this.now = options.now;
    this.rules = options.rules;
    this.previousCounts = new TTLCache(MAX_CACHED, 60_000, options.now);
    this.blocks = new TTLCache(MAX_CACHED, 60_000, options.now);
  }

  /**
   * What consume and check share: the id, and the window position — or the answer at once when
   * this process already saw the key blocked (a client hammering a 429 costs no store call, and
   * its refused requests do not count).
   */
  private locate(
    bucket: string,
    key: string,
    rule: RateRule,
  ): { id: string; now: number; window: number; elapsed: number } | RateLimitResult {
    const id = `${bucket}:${clientKey(key)}`;
    const now = this.now();
    const known = this.blocks.get(id);
    if (known !== undefined && known.points === rule.points && known.until > now) {
      return blockedResult(rule, known.until - now);
    }
    const window = Math.floor(now / rule.durationMs);
    return { id, now, window, elapsed: now - window * rule.durationMs };
  }

  async consume(bucket: string, key: string, rule: RateRule, cost = 1): Promise<RateLimitResult> {
    return this.take(bucket, key, rule, cost);
  }

  take(bucket: string, key: string, rule: RateRule, cost = 1): MaybePromise<RateLimitResult> {
    const place = this.locate(bucket, key, rule);
    if ('allowed' in place) return place;
    const { id, window } = place;
    const counterKey = `${id}:${window}`;
    const options = { customDuration: ttlSeconds(rule) };
    const previous = this.previousCounts.get(`${id}:${window - 1}`);
    // Both requests leave together when the previous window is not known yet: one round trip to Redis.
    const counted: MaybePromise<[CounterValue, number]> =
      previous === undefined
        ? both(this.store.penalty(counterKey, cost, options), this.readPrevious(id, window, rule.durationMs, place.now))
        : andThen(this.store.penalty(counterKey, cost, options), (res): [CounterValue, number] => [res, previous]);
    return andThen(counted, ([res, before]) => {
      this.durations.set(bucket, rule.durationMs);
      const current = res.consumedPoints;
      if (weightedUse(before, current, place.elapsed, rule.durationMs) <= rule.points + 1e-9) {
        return this.decide(place, rule, before, current, true, cost);
      }
      // Refused: the point goes back, so a client hammering a 429 recovers when Retry-After says.
      return andThen(this.store.reward(counterKey, cost, options), () =>
        this.decide(place, rule, before, current - cost, false, cost),
      );
    });
  }

  private decide(
    place: { id: string; now: number; elapsed: number },
    rule: RateRule,
    previous: number,
    current: number,
    allowed: boolean,
    cost: number,
  ): RateLimitResult {
    const result = resultOf(previous, current, place.elapsed, rule, allowed, cost);
    if (result.remaining === 0) {
      const wait = allowed ? waitMs(previous, current, place.elapsed, rule, 1) : result.retryAfterMs;
      this.remember(place.id, rule, place.now, wait);
    }
    return result;
  }

  async check(bucket: string, key: string, rule: RateRule): Promise<RateLimitResult> {
    const place = this.locate(bucket, key, rule);
    if ('allowed' in place) return place;
    const { id, now, window, elapsed } = place;
    const { durationMs } = rule;
    const [res, previous] = await Promise.all([
      this.store.get(`${id}:${window}`),
      this.readPrevious(id, window, durationMs, now),
    ]);
    this.durations.set(bucket, durationMs);
    const current = Math.max(0, res?.consumedPoints ?? 0);
    const allowed = fits(previous, current, elapsed, rule, 1);
    const result = resultOf(previous, current, elapsed, rule, allowed, 1);
    if (!allowed) this.remember(id, rule, now, result.retryAfterMs);
    return result;
  }

  blockedFor(bucket: string, key: string): number {
    const known = this.blocks.get(`${bucket}:${clientKey(key)}`);
    if (known === undefined) return 0;
    return Math.max(0, known.until - this.now());
  }

  async reset(bucket: string, key: string): Promise<void> {
    const id = `${bucket}:${clientKey(key)}`;
    this.blocks.delete(id);
    const durationMs =
      this.durations.get(bucket) ??
      (this.rules as Record<string, RateRule>)[bucket]?.durationMs ??
      DEFAULT_RULES.apiKey.durationMs;
    const window = Math.floor(this.now() / durationMs);
    this.previousCounts.delete(`${id}:${window - 1}`);
    await Promise.all([this.store.delete(`${id}:${window}`), this.store.delete(`${id}:${window - 1}`)]);
  }

  backendStatus(): 'up' | 'down' | null {
    return null;
  }

  async close(): Promise<void> {
    this.previousCounts.clear();
    this.blocks.clear();
  }

  private readPrevious(id: string, window: number, durationMs: number, now: number): MaybePromise<number> {
    return andThen(this.store.get(`${id}:${window - 1}`), (res) => {
      // A stray give-back after a counter expired can leave it below zero.
      const count = Math.max(0, res?.consumedPoints ?? 0);
      // Valid until the current window ends, when it stops being "the previous one".
      this.previousCounts.set(`${id}:${window - 1}`, count, (window + 1) * durationMs - now);
      return count;
    });
  }

  private remember(id: string, rule: RateRule, now: number, waitMs: number): void {
    if (waitMs > 0) this.blocks.set(id, { until: now + waitMs, points: rule.points }, waitMs);
  }
}

function blockedResult(rule: RateRule, waitMs: number): RateLimitResult {
  return {
    allowed: false,
    limit: rule.points,
    remaining: 0,
    retryAfterMs: waitMs,
    resetMs: Math.max(waitMs, rule.durationMs),
  };
}

/** Counters live two windows (the previous one is still weighed), in the store's whole seconds. */
function ttlSeconds(rule: RateRule): number {
  return Math.ceil((2 * rule.durationMs) / 1000) + 1;
}
