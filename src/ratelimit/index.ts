import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Storage } from '../storage/database.js';
import { MemoryRateLimiter } from './memory-limiter.js';
import type { RateLimiter, RateRule, RuleName } from './rate-limiter.js';
import { RedisRateLimiter } from './redis-limiter.js';

export interface RateLimiterSetup {
  now: () => number;
  logger: Logger;
  /** The PostgreSQL schema when not the default: apps on different schemas keep separate counters. */
  namespace?: string | null;
  rules?: Partial<Record<RuleName, RateRule>>;
}

/** The limiter for the mode, chosen once: Redis when REDIS_URL is set, else in-process. */
export function createRateLimiter(config: Config, setup: RateLimiterSetup): RateLimiter {
  if (config.redisUrl) {
    return new RedisRateLimiter({
      url: config.redisUrl,
      now: setup.now,
      logger: setup.logger,
      namespace: setup.namespace,
      rules: setup.rules,
    });
  }
  return new MemoryRateLimiter(setup.now, { rules: setup.rules });
}

export { DEFAULT_RULES, type RateLimiter, type RateLimitResult, type RateRule, type RuleName } from './rate-limiter.js';
export { enforceLimit, rateLimitHeaders } from './enforce.js';

/**
 * Counters are kept apart per database, as the invalidation channels are: by schema on
 * PostgreSQL (instances may spell DATABASE_URL differently), by file in embedded mode.
 */
export function limiterNamespace(storage: Storage): string | null {
  if (storage.dialect === 'postgres') return storage.schema;
  return createHash('sha256').update(storage.location).digest('hex').slice(0, 16);
}
