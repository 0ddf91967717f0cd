import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import { unauthorized } from '../errors.js';

/** Who the host site says the visitor is, once its signature is checked. */
export interface VerifiedIdentity {
  /** The host site's own customer id (stored as the customer's externalId). */
  readonly customerId: string;
  readonly email: string | null;
  readonly name: string | null;
}

/** What a visitor may present: a short-lived JWT, or the older userHash next to the id. */
export interface IdentityClaim {
  identityToken?: string;
  customerId?: string;
  userHash?: string;
}

/** Intercom and Zendesk moved to short-lived JWTs; a token valid for longer is refused. */
export const MAX_TOKEN_LIFETIME_S = 3600;
const CLOCK_TOLERANCE_S = 30;
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** HMAC-SHA256(secret, customer id), hex: what the host's server computes for userHash. */
export function userHashOf(secret: string, customerId: string): string {
  return createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');
}

/**
 * Checks an identity claim against the workspace's identity secret. Returns null when no
 * claim was made (an anonymous visitor); throws 401 when a claim was made and does not hold —
 * a bad claim never falls back to anonymous, so the widget shows the failure.
 */
export async function verifyIdentity(
  secret: string | null,
  claim: IdentityClaim,
  nowMs: number,
): Promise<VerifiedIdentity | null> {
  if (claim.identityToken === undefined && claim.userHash === undefined) return null;
  if (secret === null)
    throw unauthorized('Identity verification is not set up for this workspace (no identity secret).');
  if (claim.identityToken !== undefined) return verifyToken(secret, claim.identityToken, nowMs);
  const customerId = claim.customerId;
  if (customerId === undefined || customerId.length === 0)
    throw unauthorized('A userHash needs the customer id it was computed from.');
  const presented = claim.userHash ?? '';
  // Compared in constant time, on equal-length buffers, so the check leaks no prefix.
  const ok =
    HEX_SHA256.test(presented) &&
    timingSafeEqual(Buffer.from(presented.toLowerCase(), 'hex'), Buffer.from(userHashOf(secret, customerId), 'hex'));
  if (!ok) throw unauthorized('The userHash does not match the customer id.');
  return { customerId, email: null, name: null };
}

async function verifyToken(secret: string, token: string, nowMs: number): Promise<VerifiedIdentity> {
  let payload;
  try {
    // jose compares the HS256 signature in constant time; only HS256 is accepted (no alg confusion).
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      currentDate: new Date(nowMs),
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('The identity token has expired; sign a new one.');
    throw unauthorized('The identity token is not valid.');
  }
  // A long-lived token is a password in the page: refuse anything valid for more than an hour.
  if (typeof payload.exp !== 'number' || payload.exp > nowMs / 1000 + MAX_TOKEN_LIFETIME_S + CLOCK_TOLERANCE_S) {
    throw unauthorized(`The identity token must expire within ${MAX_TOKEN_LIFETIME_S} seconds.`);
  }
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255)
    throw unauthorized('The identity token has no valid sub.');
  const text = (value: unknown, max: number) => (typeof value === 'string' && value.length <= max ? value : null);
  return { customerId: sub, email: text(payload.email, 320), name: text(payload.name, 200) };
}
