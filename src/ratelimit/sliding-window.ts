import type { RateLimitResult, RateRule } from './rate-limiter.js';

/**
 * The sliding-window counter (the algorithm Cloudflare and rate-limiter-flexible's wiki describe
 * as "rolling window approximation"), computed from two fixed windows aligned to the clock:
 * the requests of the previous window count in proportion to how much of it still overlaps the
 * last `durationMs`, the current window's count in full.
 *
 *   used = previous × (1 − elapsed / duration) + current
 *
 * Why this and not the alternatives:
 * - rate-limiter-flexible's own windows are fixed ("enhanced fixed window", starting at a key's
 *   first request): a client can spend its quota at the end of one window and again at the
 *   start of the next — twice the quota within seconds. The weighted previous window closes that.
 * - A token bucket (or GCRA) of capacity N refilled at N per window lets a client burst N and
 *   then take the refill: up to 2N inside one window, by design.
 * - An exact sliding log keeps every request's time: O(N) memory per key (1000 entries per API
 *   key) and no support in the library.
 * The approximation assumes the previous window's requests were spread evenly; its error is
 * small and, across a boundary, never lets a burst through twice.
 */

/** Floating-point slack, so a time computed by waitMs is accepted when it comes. */
const EPSILON = 1e-9;

/** The weighted use of the window at `elapsedMs` into the current fixed window. */
export function weightedUse(previous: number, current: number, elapsedMs: number, durationMs: number): number {
  return previous === 0 ? current : previous * (1 - elapsedMs / durationMs) + current;
}

/** Milliseconds until `cost` more points fit (0 when they fit now). */
export function waitMs(previous: number, current: number, elapsedMs: number, rule: RateRule, cost: number): number {
  const { points, durationMs } = rule;
  if (cost > points) return 2 * durationMs;
  if (weightedUse(previous, current, elapsedMs, durationMs) + cost <= points + EPSILON) return 0;
  if (current + cost <= points) {
    // Only the previous window is in the way: wait until enough of it has slid out.
    const at = durationMs * (1 - (points - current - cost) / previous);
    return Math.max(1, Math.ceil(at - elapsedMs));
  }
  // The current window alone is too full: it becomes the previous one at the boundary, then
  // slides out until `cost` fits.
  const intoNext = durationMs * (1 - (points - cost) / current);
  return Math.ceil(durationMs - elapsedMs + Math.max(0, intoNext));
}

/** The answer for counts that already include this request when it was allowed. */
export function resultOf(
  previous: number,
  current: number,
  elapsedMs: number,
  rule: RateRule,
  allowed: boolean,
  cost: number,
): RateLimitResult {
  const used = weightedUse(previous, current, elapsedMs, rule.durationMs);
  return {
    allowed,
    limit: rule.points,
    remaining: Math.max(0, Math.floor(rule.points - used + EPSILON)),
    retryAfterMs: allowed ? 0 : waitMs(previous, current, elapsedMs, rule, cost),
    // Full recovery: the current window's requests leave one window after it ends.
    resetMs: current > 0 ? 2 * rule.durationMs - elapsedMs : previous > 0 ? rule.durationMs - elapsedMs : 0,
  };
}

/** Whether `cost` more points fit. */
export function fits(previous: number, current: number, elapsedMs: number, rule: RateRule, cost: number): boolean {
  return weightedUse(previous, current, elapsedMs, rule.durationMs) + cost <= rule.points + EPSILON;
}
