import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The hand-off from the Continue POST to the portal app, bound to the browser that pressed
 * Continue. The POST sets this cookie (HttpOnly, SameSite=Strict, two minutes, sent only to the
 * claim endpoint) holding a hash of the new session token; the app, finding `#session=…` in its
 * URL, keeps the token only if `POST /api/v1/portal/session/claim` with it as Bearer answers 204,
 * which it does only when this browser holds the matching cookie. A link that carries someone
 * else's session in its fragment (login CSRF) therefore signs no one in.
 */
export const CLAIM_COOKIE = 'woes_portal_claim';
export const CLAIM_PATH = '/api/v1/portal/session/claim';
const CLAIM_SECONDS = 120;

/** Not the stored hash (hashToken): the cookie is a separate, domain-separated binding. */
export function claimBinding(sessionToken: string): string {
  return createHash('sha256').update(`woes portal claim\0${sessionToken}`).digest('base64url');
}

export function claimCookie(sessionToken: string, secure: boolean): string {
  return `${CLAIM_COOKIE}=${claimBinding(sessionToken)}; Path=${CLAIM_PATH}; Max-Age=${CLAIM_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedClaimCookie(secure: boolean): string {
  return `${CLAIM_COOKIE}=; Path=${CLAIM_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** True when the request's claim cookie was made for this session token. */
export function claimMatches(cookieHeader: string | undefined, sessionToken: string): boolean {
  const held = readCookie(cookieHeader, CLAIM_COOKIE);
  if (held === null || held === '') return false;
  const x = Buffer.from(held);
  const y = Buffer.from(claimBinding(sessionToken));
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
