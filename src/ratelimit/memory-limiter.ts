import { RateLimiterMemory } from 'rate-limiter-flexible';
import { resolveRules, type RateRule, type RuleName } from './rate-limiter.js';
import { WindowLimiter } from './window-limiter.js';

export interface MemoryLimiterOptions {
  /** Replacements for DEFAULT_RULES (tests shrink quotas this way). */
  rules?: Partial<Record<RuleName, RateRule>>;
}

/**
 * In-process limiter for embedded mode: sliding windows (window-limiter.ts) over
 * rate-limiter-flexible's RateLimiterMemory counters. JavaScript runs one callback at a time
 * and each increment is synchronous inside the library, so each one is atomic.
 */
export class MemoryRateLimiter extends WindowLimiter {
  constructor(now: () => number = Date.now, options: MemoryLimiterOptions = {}) {
    // points/duration are the library's defaults only: every call passes its window's expiry,
    // and the decision is made from the counts by WindowLimiter.
    super(new RateLimiterMemory({ keyPrefix: 'rl', points: 1, duration: 60 }), {
      now,
      rules: resolveRules(options.rules),
    });
  }
}
