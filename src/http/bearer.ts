import { invalidRequest, unauthorized } from '../errors.js';

const BEARER = /^Bearer +([^\s]+) *$/i;

/** The request as `bearerOf` reads it (a FastifyRequest). */
interface WithAuthorization {
  readonly headers: { readonly authorization?: string | undefined };
  readonly raw: { readonly rawHeaders: readonly string[] };
}

const DUPLICATE_AUTHORIZATION = invalidRequest('Send one Authorization header, not several.', [
  { path: '/headers/authorization', message: 'must be sent once' },
]);

/**
 * The token of the request's `Authorization: Bearer …` header: null when none was sent, a 400
 * when several were sent, a 401 when it has another form. Every reader of the header (the REST
 * hook, the portal, the auth routes) goes through it, so all read it the same way. The raw
 * header list is scanned for a second header only when one was sent.
 */
export function bearerOf(request: WithAuthorization): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  if (hasDuplicateAuthorization(request.raw.rawHeaders)) throw DUPLICATE_AUTHORIZATION;
  return bearerToken(header);
}

/** The token of one `Authorization` header's value (see `bearerOf`, which also refuses two). */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  const match = BEARER.exec(header);
  if (match === null) throw unauthorized('The Authorization header must be "Bearer <token>".');
  return match[1];
}

/**
 * Whether the request carried more than one Authorization header. Node keeps only the first in
 * `headers.authorization` (RFC 9110 allows one), so two would be silently read as the first; a
 * proxy and the client may each have added one, and which one wins must not be a guess. Scans
 * the raw header list (names at even indexes): called only when a credential was sent.
 */
export function hasDuplicateAuthorization(rawHeaders: readonly string[]): boolean {
  let seen = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 13 && name.toLowerCase() === 'authorization') {
      if (seen) return true;
      seen = true;
    }
  }
  return false;
}
