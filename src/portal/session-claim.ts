import { createHash, timingSafeEqual } from 'node:crypto';
import { clearedPortalCookie, portalCookie, readPortalCookie, type PortalCookie } from './portal-cookies.js';

/**
 * The hand-off from the Continue POST to the portal app, bound to the browser that pressed
 * Continue. The POST sets this cookie (HttpOnly, SameSite=Strict, two minutes; over plain http
 * sent only to the claim endpoint, over https `__Host-` and Path=/) holding a hash of the new
 * session token; the app, finding `#session=…` in its URL, keeps the token only if
 * `POST /api/v1/portal/session/claim` with it as Bearer answers 204, which it does only when this
 * browser holds the matching cookie. A link that carries someone else's session in its fragment
 * (login CSRF) therefore signs no one in.
 */
export const CLAIM_PATH = '/api/v1/portal/session/claim';
const CLAIM_COOKIE: PortalCookie = { name: 'woes_portal_claim', path: CLAIM_PATH, maxAgeSeconds: 120 };

/** Not the stored hash (hashToken): the cookie is a separate, domain-separated binding. */
export function claimBinding(sessionToken: string): string {
  return createHash('sha256').update(`woes portal claim\0${sessionToken}`).digest('base64url');
}

/** `protocol`: the request's (`request.protocol`); it decides the name and Secure. */
export function claimCookie(sessionToken: string, protocol: string): string {
  return portalCookie(CLAIM_COOKIE, claimBinding(sessionToken), protocol);
}

export function clearedClaimCookie(protocol: string): string {
  return clearedPortalCookie(CLAIM_COOKIE, protocol);
}

/** True when the request's claim cookie, under its protocol's name, was made for this session token. */
export function claimMatches(cookieHeader: string | undefined, sessionToken: string, protocol: string): boolean {
  const held = readPortalCookie(cookieHeader, CLAIM_COOKIE.name, protocol);
  if (held === null || held === '') return false;
  const x = Buffer.from(held);
  const y = Buffer.from(claimBinding(sessionToken));
  return x.length === y.length && timingSafeEqual(x, y);
}
