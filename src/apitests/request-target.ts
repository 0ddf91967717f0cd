import { invalidRequest } from '../errors.js';

/** What a credential injects and where a run goes: validated on input, built server-side per run. */
export type AuthType = 'bearer' | 'header' | 'basic';

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the HTTP client itself owns. */
const FORBIDDEN_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'http2-settings',
]);
/** A header value: visible ASCII, space and tab (no CR/LF that could split the request). */
const HEADER_VALUE = /^[\t\x20-\x7e]+$/;

/** Checks the auth part of a create body; returns the normalised header name (lower case) or null. */
export function checkAuth(type: AuthType, headerName: string | undefined, secret: string): string | null {
  if (type === 'header') {
    if (headerName === undefined) {
      throw invalidRequest('An auth of type "header" needs headerName.', [
        { path: '/body/auth/headerName', message: 'required for type header' },
      ]);
    }
    const name = headerName.toLowerCase();
    if (!TOKEN.test(name) || FORBIDDEN_HEADERS.has(name)) {
      throw invalidRequest(`"${headerName}" cannot carry a credential.`, [
        { path: '/body/auth/headerName', message: 'must be a header name, not a hop-by-hop or connection header' },
      ]);
    }
    checkSecret(type, secret, '/body/auth/secret');
    return name;
  }
  if (headerName !== undefined) {
    throw invalidRequest('headerName is only for auth of type "header".', [
      { path: '/body/auth/headerName', message: `not allowed for type ${type}` },
    ]);
  }
  checkSecret(type, secret, '/body/auth/secret');
  return null;
}

/** The secret must fit its header (never echoed back in the error). */
export function checkSecret(type: AuthType, secret: string, path: string): void {
  if (type === 'basic') {
    const colon = secret.indexOf(':');
    if (colon < 0 || /[\r\n\0]/.test(secret)) {
      throw invalidRequest('A basic credential is "user:password".', [{ path, message: 'must be user:password' }]);
    }
    return;
  }
  if (!HEADER_VALUE.test(secret) || secret.trim() !== secret) {
    throw invalidRequest('The secret must be a valid header value.', [
      { path, message: 'visible ASCII characters and spaces only, no leading or trailing space' },
    ]);
  }
}

/** The header the run sends: built here, on the server, never from the caller's input. */
export function authHeader(type: AuthType, headerName: string | null, secret: string): [string, string] {
  if (type === 'bearer') return ['authorization', `Bearer ${secret}`];
  if (type === 'basic') return ['authorization', `Basic ${Buffer.from(secret, 'utf8').toString('base64')}`];
  return [headerName ?? 'authorization', secret];
}

/** A base URL: http(s), no credentials, query or fragment (the guard checks the host). */
export function normaliseBaseUrl(raw: string, path = '/body/baseUrl'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidRequest('baseUrl is not a valid URL.', [{ path, message: 'must be an absolute http(s) URL' }]);
  }
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw invalidRequest('baseUrl must not have a query or fragment.', [{ path, message: 'no ? or # part' }]);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * baseUrl + path, where path starts with `/`, names no scheme or host (`//host`), has no
 * fragment, no control characters and no `.`/`..` segment (also percent-encoded or with `\`):
 * the result always stays under the base URL's origin and path.
 */
export function joinRunUrl(baseUrl: string, path: string): string {
  const refuse = (message: string) => invalidRequest(`The path ${message}.`, [{ path: '/body/path', message }]);
  if (!path.startsWith('/') || path.startsWith('//')) throw refuse('must start with a single /');
  // Visible ASCII only: no spaces, control characters or non-ASCII (percent-encode those).
  if (!/^[\x21-\x7e]+$/.test(path) || /[#\\]/.test(path)) {
    throw refuse('must not contain spaces, control characters, # or \\');
  }
  const [pathname] = path.split('?', 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname!);
  } catch {
    throw refuse('has an invalid percent-encoding');
  }
  if (decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) {
    throw refuse('must not contain . or .. segments');
  }
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const joined = new URL(`${base.origin}${prefix}${path}`);
  if (joined.origin !== base.origin || !joined.pathname.startsWith(`${prefix}/`)) {
    throw refuse('must stay under the base URL');
  }
  return joined.href;
}
