import { invalidRequest } from '../errors.js';

/** An expiry as a body states it: an ISO time or seconds from now (at most one). */
export interface ExpiryInput {
  expiresAt?: string;
  expiresIn?: number;
}

/** The body fields an ExpiryInput came from, for error details (a roll names the successor's). */
export interface ExpiryFields {
  at: string;
  in: string;
}

export const CREATE_FIELDS: ExpiryFields = { at: 'expiresAt', in: 'expiresIn' };
export const ROLL_FIELDS: ExpiryFields = { at: 'newKeyExpiresAt', in: 'newKeyExpiresIn' };

/** The body field that asked for an expiry explicitly, or null when the body asked for none. */
export function explicitField(input: ExpiryInput, fields: ExpiryFields): string | null {
  if (input.expiresAt !== undefined) return fields.at;
  return input.expiresIn !== undefined ? fields.in : null;
}

/**
 * SPEC §9: a key never outlives the key that created or rolled it. Asking explicitly for a later
 * expiry is refused; a default (no expiry asked, or a roll's inherited lifetime) is brought down
 * to the calling key's own expiry, and the response shows it.
 */
export function withinLifetime(expiresAt: number | null, ceiling: number | null, field: string | null): number | null {
  if (ceiling === null) return expiresAt;
  if (expiresAt !== null && expiresAt <= ceiling) return expiresAt;
  if (field !== null) {
    const limit = new Date(ceiling).toISOString();
    throw invalidRequest(`A key cannot create a key that outlives it: the calling key expires at ${limit}.`, [
      { path: `/body/${field}`, message: `must not be later than ${limit}` },
    ]);
  }
  return ceiling;
}

/** The expiry a body asks for (`fields.at` ISO time or `fields.in` seconds from `now`); null when it names none. */
export function requestedExpiry(input: ExpiryInput, now: number, fields: ExpiryFields = CREATE_FIELDS): number | null {
  if (input.expiresAt !== undefined && input.expiresIn !== undefined) {
    throw invalidRequest(`Send ${fields.at} or ${fields.in}, not both.`, [
      { path: `/body/${fields.in}`, message: `not allowed with ${fields.at}` },
    ]);
  }
  if (input.expiresIn !== undefined) return now + input.expiresIn * 1000;
  if (input.expiresAt === undefined) return null;
  const at = Date.parse(input.expiresAt);
  if (Number.isNaN(at))
    throw invalidRequest(`${fields.at} is not a valid time.`, [
      { path: `/body/${fields.at}`, message: 'must be an ISO 8601 time' },
    ]);
  if (at <= now)
    throw invalidRequest(`${fields.at} must be in the future.`, [
      { path: `/body/${fields.at}`, message: 'must be in the future' },
    ]);
  return at;
}
