/**
 * Rate limiting behind one small interface (SPEC §5). The memory implementation serves
 * embedded mode; the Redis one shares counters across instances. Both are atomic: with one
 * request left, concurrent callers let exactly one through.
 */
export interface RateRule {
  /** How many requests the window allows. */
  readonly points: number;
  /** The window, in milliseconds. */
  readonly durationMs: number;
}

export interface RateLimitResult {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until a request would be allowed again (0 when allowed). */
  readonly retryAfterMs: number;
  /** Milliseconds until the window has fully recovered. */
  readonly resetMs: number;
}

export interface RateLimiter {
  /** Takes `cost` points for `key` in the named bucket and says whether that was allowed. */
  consume(bucket: string, key: string, rule: RateRule, cost?: number): Promise<RateLimitResult>;
  /** Says whether `key` is currently blocked, without taking a point. */
  check(bucket: string, key: string, rule: RateRule): Promise<RateLimitResult>;
  /** Forgets `key` in the bucket (e.g. after a successful sign-in). */
  reset(bucket: string, key: string): Promise<void>;
  close(): Promise<void>;
}

/** The limits of SPEC §5; tests and the operator's workspace override change the numbers. */
export const DEFAULT_RULES = {
  apiKey: { points: 1000, durationMs: 3_600_000 },
  session: { points: 600, durationMs: 60_000 },
  failedCredentials: { points: 20, durationMs: 60_000 },
  signInFailures: { points: 10, durationMs: 15 * 60_000 },
  widgetNewConversation: { points: 10, durationMs: 3_600_000 },
  widgetReadConversation: { points: 5, durationMs: 60_000 },
  kbSearchAnonymous: { points: 5, durationMs: 60_000 },
  emailPerRecipient: { points: 5, durationMs: 3_600_000 },
} as const satisfies Record<string, RateRule>;
export type RuleName = keyof typeof DEFAULT_RULES;
