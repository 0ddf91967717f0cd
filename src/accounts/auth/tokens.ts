import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Refresh tokens carry a prefix the log redactor knows, so they never reach a log line. */
export const REFRESH_PREFIX = 'woesrt_';

/**
 * A one-time link token: 256 bits, plain base64url with no prefix. Deliberately not redacted:
 * in embedded mode the outbox log line is how a local user finishes sign-up.
 */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newRefreshToken(): string {
  return REFRESH_PREFIX + randomBytes(32).toString('base64url');
}

/** Only this is stored; a database leak yields no usable token. */
export function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Quick shape checks so garbage never reaches a query. */
export const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
export const REFRESH_TOKEN_SHAPE = /^woesrt_[A-Za-z0-9_-]{43}$/;

export const LINK_TTL = {
  verifyEmail: 24 * 3_600_000,
  passwordReset: 3_600_000,
  invite: 7 * 24 * 3_600_000,
} as const;

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TTL_MS = 30 * 24 * 3_600_000;
