import type { MaybePromise } from '../lib/maybe-promise.js';

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
  /** The rules in force (DEFAULT_RULES unless the app was built with other numbers, as tests do). */
  readonly rules: RateRules;
  /** Takes `cost` points for `key` in the named bucket and says whether that was allowed. */
  consume(bucket: string, key: string, rule: RateRule, cost?: number): Promise<RateLimitResult>;
  /**
   * The same as consume, answered at once when the counters are in this process (embedded mode),
   * so the authentication hook's warm path awaits nothing; a promise when they are in Redis.
   */
  take(bucket: string, key: string, rule: RateRule, cost?: number): MaybePromise<RateLimitResult>;
  /** Says whether `key` is currently blocked, without taking a point. */
  check(bucket: string, key: string, rule: RateRule): Promise<RateLimitResult>;
  /**
   * Milliseconds `key` stays blocked as far as this process already knows (0 when not known
   * blocked); synchronous and free of I/O, for checks that must cost nothing (failed
   * credentials before any key lookup). Exact in memory mode; with Redis it knows the blocks
   * this instance has seen in its own answers from Redis.
   */
  blockedFor(bucket: string, key: string): number;
  /** Forgets `key` in the bucket (e.g. after a successful sign-in). */
  reset(bucket: string, key: string): Promise<void>;
  /** The shared backend's state: null when there is none (memory), 'down' while counting per instance. */
  backendStatus(): 'up' | 'down' | null;
  /** Connects to the shared backend, if any, before the app serves requests. */
  start?(): Promise<void>;
  close(): Promise<void>;
}

/** The limits of SPEC §5; tests and the operator's workspace override change the numbers. */
export const DEFAULT_RULES = {
  apiKey: { points: 1000, durationMs: 3_600_000 },
  session: { points: 600, durationMs: 60_000 },
  failedCredentials: { points: 20, durationMs: 60_000 },
  signInFailures: { points: 10, durationMs: 15 * 60_000 },
  /** Failed sign-ins and token guesses from one IP, whatever account they name (password spraying). */
  signInFailuresPerIP: { points: 30, durationMs: 15 * 60_000 },
  widgetNewConversation: { points: 10, durationMs: 3_600_000 },
  /**
   * Reads of one widget conversation (or the visitor's list) per IP: the widget polls at most
   * every 5 s (12 a minute), leaving room for a second tab and a refresh on each return to the tab.
   */
  widgetReadConversation: { points: 30, durationMs: 60_000 },
  /** Visitor messages in one widget conversation, per IP: each answer also carries the thread. */
  widgetMessage: { points: 20, durationMs: 60_000 },
  kbSearchAnonymous: { points: 5, durationMs: 60_000 },
  /**
   * Emails a caller asks for, each purpose in a budget of its own so that no one can spend another's:
   * the account owner's own mail (verification, password reset) to one address;
   */
  emailAccountPerRecipient: { points: 5, durationMs: 3_600_000 },
  /**
   * the "someone tried to register with your address" notice, which anyone can trigger by signing up
   * with the address: its own small budget, so sign-ups can never crowd out the owner's reset;
   */
  emailRegisteredNoticePerRecipient: { points: 2, durationMs: 3_600_000 },
  /** one workspace's invitations to one address (keyed by workspace and recipient); */
  emailInvitePerRecipient: { points: 5, durationMs: 3_600_000 },
  /** one workspace's portal sign-in links to one address (keyed by workspace and recipient); */
  emailPortalLinkPerRecipient: { points: 5, durationMs: 3_600_000 },
  /**
   * and the ceiling on invitations and portal links to one address from all workspaces together
   * (workspaces are free to create: this is what bounds a flood through many of them). Account mail
   * is outside it, so workspaces can never crowd out a user's verification or password reset.
   */
  emailPerRecipient: { points: 20, durationMs: 3_600_000 },
  /** Notices Woes sends on its own to one owner/admin address; security notices count in a bucket of their own. */
  emailNoticePerRecipient: { points: 30, durationMs: 3_600_000 },
  leakReport: { points: 30, durationMs: 60_000 },
  /** Sign-ups, verification resends and password resets per IP: each may email an address the caller names. */
  accountEmailPerIP: { points: 10, durationMs: 15 * 60_000 },
  /** Portal magic-link requests per IP, whatever email or workspace they name. */
  portalMagicLinkPerIP: { points: 10, durationMs: 15 * 60_000 },
  /** Guarded API test runs per workspace: each is a live call to the tenant's API, made by Woes. */
  apiTestRuns: { points: 30, durationMs: 60_000 },
  /** Verified inbound webhook requests per channel (bad signatures spend failedCredentials instead). */
  inboundPerChannel: { points: 600, durationMs: 60_000 },
} as const satisfies Record<string, RateRule>;
export type RuleName = keyof typeof DEFAULT_RULES;
export type RateRules = Readonly<Record<RuleName, RateRule>>;

/** DEFAULT_RULES with some numbers replaced (tests shrink windows and quotas this way). */
export function resolveRules(overrides: Partial<Record<RuleName, RateRule>> = {}): RateRules {
  const rules = { ...DEFAULT_RULES, ...overrides };
  for (const [name, rule] of Object.entries(rules)) {
    if (
      !Number.isInteger(rule.points) ||
      rule.points < 1 ||
      !Number.isInteger(rule.durationMs) ||
      rule.durationMs < 1
    ) {
      throw new Error(`rate rule ${name} needs whole, positive points and durationMs`);
    }
  }
  return Object.freeze(rules);
}
