import type { RateLimiter, RateLimitResult, RateRule } from './rate-limiter.js';

/**
 * In-process limiter for embedded mode: a sliding window approximated from the current and
 * previous fixed windows (as Cloudflare and rate-limiter-flexible's sliding options do), so a
 * client cannot get twice its quota across a window boundary. JavaScript runs one callback at
 * a time, so each consume is atomic. (The rate-limit issue may replace this implementation.)
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; current: number; previous: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async consume(bucket: string, key: string, rule: RateRule, cost = 1): Promise<RateLimitResult> {
    return this.take(`${bucket}:${key}`, rule, cost);
  }

  async check(bucket: string, key: string, rule: RateRule): Promise<RateLimitResult> {
    return this.take(`${bucket}:${key}`, rule, 0);
  }

  async reset(bucket: string, key: string): Promise<void> {
    this.windows.delete(`${bucket}:${key}`);
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private take(id: string, rule: RateRule, cost: number): RateLimitResult {
    const now = this.now();
    const windowStart = now - (now % rule.durationMs);
    let entry = this.windows.get(id);
    if (!entry || entry.start < windowStart - rule.durationMs) {
      entry = { start: windowStart, current: 0, previous: 0 };
    } else if (entry.start < windowStart) {
      entry = { start: windowStart, current: 0, previous: entry.current };
    }
    const elapsed = (now - windowStart) / rule.durationMs;
    const weighted = entry.previous * (1 - elapsed) + entry.current;
    const allowed = cost === 0 ? weighted < rule.points : weighted + cost <= rule.points;
    if (allowed && cost > 0) entry.current += cost;
    this.windows.set(id, entry);
    const used = entry.previous * (1 - elapsed) + entry.current;
    const resetMs = windowStart + rule.durationMs - now;
    return {
      allowed,
      limit: rule.points,
      remaining: Math.max(0, Math.floor(rule.points - used)),
      retryAfterMs: allowed ? 0 : resetMs,
      resetMs,
    };
  }
}
