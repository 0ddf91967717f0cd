import { MemoryCounters } from './memory-counters.js';
import { resolveRules, type RateRule, type RuleName } from './rate-limiter.js';
import { WindowLimiter } from './window-limiter.js';

export interface MemoryLimiterOptions {
  /** Replacements for DEFAULT_RULES (tests shrink quotas this way). */
  rules?: Partial<Record<RuleName, RateRule>>;
}

/**
 * In-process limiter for embedded mode: sliding windows (window-limiter.ts) over MemoryCounters,
 * which answer synchronously (`take` returns a value, not a promise). JavaScript runs one call
 * at a time and each increment is synchronous, so each one is atomic.
 */
export class MemoryRateLimiter extends WindowLimiter {
  constructor(now: () => number = Date.now, options: MemoryLimiterOptions = {}) {
    // Every call passes its window's expiry; the decision is made from the counts by WindowLimiter.
    super(new MemoryCounters(), { now, rules: resolveRules(options.rules) });
  }
}
