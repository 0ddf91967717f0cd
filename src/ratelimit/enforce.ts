import { rateLimited } from '../errors.js';
import type { RateLimiter, RateLimitResult, RuleName } from './rate-limiter.js';

/** The seconds a client should wait, never 0 (a Retry-After of 0 invites an instant retry). */
export function retryAfterSeconds(result: RateLimitResult): number {
  return Math.max(1, Math.ceil(result.retryAfterMs / 1000));
}

/** RateLimit-Limit / -Remaining / -Reset (seconds), as API-key responses carry them. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    'ratelimit-limit': String(result.limit),
    'ratelimit-remaining': String(result.remaining),
    'ratelimit-reset': String(Math.ceil(result.resetMs / 1000)),
  };
}

/**
 * Spends one point of a named limit (SPEC §5) for `key` — usually the client IP, e.g.
 * `enforceLimit(core.limiter, 'widgetNewConversation', request.ip)` — and throws 429
 * rate_limited with Retry-After when it is spent. Keys of different limits never mix.
 */
export async function enforceLimit(
  limiter: RateLimiter,
  name: RuleName,
  key: string,
  cost = 1,
): Promise<RateLimitResult> {
  const result = await limiter.consume(name, key, limiter.rules[name], cost);
  if (!result.allowed) throw rateLimited(retryAfterSeconds(result));
  return result;
}
