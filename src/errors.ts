/** One error type with stable codes (SPEC §4). Tests assert on `code`, never on the sentence. */
export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'key_expired'
  | 'token_expired'
  | 'insufficient_scope'
  | 'forbidden'
  | 'plan_required'
  | 'ip_not_allowed'
  | 'key_disabled'
  | 'email_not_verified'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error'
  | 'unavailable';

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = Object.freeze({
  invalid_request: 400,
  unauthorized: 401,
  key_expired: 401,
  token_expired: 401,
  insufficient_scope: 403,
  forbidden: 403,
  plan_required: 403,
  ip_not_allowed: 403,
  key_disabled: 401,
  email_not_verified: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
});

export interface ErrorDetail {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  details?: ErrorDetail[];
  requiredScopes?: string[];
  /** For 409: the id of the object that already holds the unique value. */
  id?: string;
  /** Seconds, for 429 and 503. */
  retryAfter?: number;
  /** Extra response headers (e.g. rate-limit headers on a 429). */
  headers?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    // An AppError is an expected outcome (a bad key, a missing field), not a bug: its stack
    // says nothing, and capturing one is the costliest part of refusing a junk credential.
    // (V8's Error.stackTraceLimit; typed by hand because the web build imports this file without Node's types.)
    const v8Error = Error as { stackTraceLimit?: number };
    const stackTraceLimit = v8Error.stackTraceLimit;
    v8Error.stackTraceLimit = 0;
    super(message);
    v8Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.statusCode = STATUS_OF[code];
  }
}

export const invalidRequest = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('invalid_request', message, { details: details ?? [] });
export const unauthorized = (message = 'A valid credential is required.'): AppError =>
  new AppError('unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.'): AppError => new AppError('forbidden', message);
export const notFound = (what = 'object'): AppError => new AppError('not_found', `No such ${what}.`);
export const conflict = (message: string, id?: string): AppError => new AppError('conflict', message, { id });
/**
 * `requiredScopes`: the scopes the credential lacks. `needs: 'all'` (a key minting a key within
 * its own scopes must hold every one) reads "lacks the scopes X and Y"; `needs: 'any'` (any one of
 * them would do) reads "lacks the scope X or Y".
 */
export const insufficientScope = (requiredScopes: string[], needs: 'all' | 'any' = 'all'): AppError =>
  new AppError('insufficient_scope', insufficientScopeSentence(requiredScopes, needs), { requiredScopes });

function insufficientScopeSentence(scopes: readonly string[], needs: 'all' | 'any'): string {
  if (scopes.length <= 1) return `This credential lacks the scope ${scopes.join('')}.`;
  const list = `${scopes.slice(0, -1).join(', ')} ${needs === 'all' ? 'and' : 'or'} ${scopes[scopes.length - 1]}`;
  return needs === 'all'
    ? `This credential lacks the scopes ${list}; all of them are needed.`
    : `This credential lacks the scope ${list}; any one of them is enough.`;
}
export const rateLimited = (retryAfter: number, headers?: Record<string, string | number>): AppError =>
  new AppError('rate_limited', 'Too many requests; try again later.', { retryAfter, headers });
export const unavailable = (message = 'A required service is unavailable; try again shortly.'): AppError =>
  new AppError('unavailable', message, { retryAfter: 5 });
