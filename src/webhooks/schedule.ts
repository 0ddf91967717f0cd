/**
 * The time math of deliveries, as pure functions (unit-tested in test/webhooks/schedule.test.ts).
 *
 * After a failed attempt the next one waits, per the Standard Webhooks schedule: 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h — ten attempts over about three days — plus up to
 * 10 % jitter (never less), so endpoints that failed together are not all retried together.
 * A 429 or 503 with `Retry-After` (seconds or an HTTP date) waits that long when it asks for
 * more than the schedule does, capped at 24 h; it never makes a retry earlier than the schedule.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
]);
/** The first attempt and one after each step of the schedule. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
export const RETRY_AFTER_CAP_MS = 24 * HOUR;
const JITTER = 0.1;

/**
 * How long to wait after the `failedAttempts`-th failure (1-based), or null when the schedule
 * is over. `scale` shrinks the schedule (tests only); `random` is in [0, 1).
 */
export function scheduledDelay(failedAttempts: number, scale: number, random: number): number | null {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1 || failedAttempts > RETRY_SCHEDULE_MS.length) {
    return null;
  }
  return Math.ceil(RETRY_SCHEDULE_MS[failedAttempts - 1] * scale * (1 + JITTER * random));
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or malformed. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * SECOND;
  // An HTTP date names a weekday and GMT; anything Date.parse merely guesses at is ignored.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface FailedAttempt {
  /** Attempts made so far, this one included. */
  attempts: number;
  /** Attempts after which a failure is final. */
  attemptsAllowed: number;
  /** The response status, or null when no response came. */
  status: number | null;
  retryAfter: string | undefined;
  now: number;
  scale: number;
  random: number;
}

/** When to try again after a failed attempt, or null when the delivery has failed for good. */
export function nextAttemptAt(failure: FailedAttempt): number | null {
  if (failure.attempts >= failure.attemptsAllowed) return null;
  const delay = scheduledDelay(failure.attempts, failure.scale, failure.random);
  if (delay === null) return null;
  const asked =
    failure.status === 429 || failure.status === 503 ? parseRetryAfter(failure.retryAfter, failure.now) : null;
  return failure.now + (asked === null ? delay : Math.max(delay, Math.min(asked, RETRY_AFTER_CAP_MS)));
}

/** 2xx is a success; anything else, redirects included (they are never followed), is a failure. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
