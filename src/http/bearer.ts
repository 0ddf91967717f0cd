import { unauthorized } from '../errors.js';

const BEARER = /^Bearer +([^\s]+) *$/i;

/**
 * The token of an `Authorization: Bearer …` header: null when no header was sent, a 401 when
 * one was sent in another form. The authentication hook and the auth routes share it, so both
 * read a header the same way.
 */
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
