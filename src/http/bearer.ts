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
