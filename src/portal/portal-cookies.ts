/**
 * The portal's two short-lived cookies (the Continue page's nonce, the session-claim binding).
 * Over https each is named `__Host-…`: a browser stores such a cookie only with Secure, Path=/
 * and no Domain, so a sibling subdomain cannot plant one under the same name with
 * `Domain=` the parent (cookie tossing). Over plain http (local development) the prefix cannot
 * be had (it needs Secure): the plain name and the narrow path stay.
 */
export interface PortalCookie {
  /** The name over plain http; `__Host-` + this over https. */
  readonly name: string;
  /** The path over plain http; a `__Host-` cookie's path is always `/`. */
  readonly path: string;
  readonly maxAgeSeconds: number;
}

const HOST_PREFIX = '__Host-';

/**
 * The protocol the portal's cookies are made for: https when the request came over https or
 * Woes's public URL is https. Behind a TLS-terminating proxy that Woes is not told to trust
 * (`WOES_TRUST_PROXY`), `request.protocol` says http while every browser speaks https: the public
 * URL keeps the `__Host-` names and Secure on, as it does for the web app's refresh cookie.
 */
export function cookieProtocol(request: { protocol: string }, publicUrl: string): 'http' | 'https' {
  return request.protocol === 'https' || publicUrl.startsWith('https:') ? 'https' : 'http';
}

/** The cookie's name for a request of this protocol (`request.protocol`). */
export function portalCookieName(name: string, protocol: string): string {
  return protocol === 'https' ? `${HOST_PREFIX}${name}` : name;
}

/** A Set-Cookie value: HttpOnly, SameSite=Strict, never a Domain; over https `__Host-`, Secure and Path=/. */
export function portalCookie(cookie: PortalCookie, value: string, protocol: string): string {
  const https = protocol === 'https';
  const scope = https ? 'Path=/' : `Path=${cookie.path}`;
  return (
    `${portalCookieName(cookie.name, protocol)}=${value}; ${scope}; Max-Age=${cookie.maxAgeSeconds}; ` +
    `HttpOnly; SameSite=Strict${https ? '; Secure' : ''}`
  );
}

/** The Set-Cookie value that removes the cookie (same name, path and Secure, or the browser ignores it). */
export function clearedPortalCookie(cookie: PortalCookie, protocol: string): string {
  return portalCookie({ ...cookie, maxAgeSeconds: 0 }, '', protocol);
}

/**
 * The cookie's value, read only under the name this protocol sets: an https request must not
 * fall back to the plain name, which a sibling subdomain can set.
 */
export function readPortalCookie(header: string | undefined, name: string, protocol: string): string | null {
  const wanted = portalCookieName(name, protocol);
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === wanted) return rest.join('=');
  }
  return null;
}
