import { forbidden, insufficientScope } from '../errors.js';
import type { Principal, RequestFacts } from '../http/principal.js';

/** Who is acting on keys, and from where (for audit events). */
export interface KeyActor {
  readonly principal: Principal;
  readonly facts: RequestFacts;
}

export function createdByOf(principal: Principal): { type: 'user' | 'api_key'; id: string } {
  return principal.type === 'api_key' ? { type: 'api_key', id: principal.keyId } : { type: 'user', id: principal.userId };
}

/** Only owners and admins manage keys (agents never hold keys.* anyway; this says it outright). */
export function assertKeyManager(principal: Principal): void {
  if (principal.type === 'session' && principal.role !== 'owner' && principal.role !== 'admin') {
    throw forbidden('Only workspace owners and admins manage keys.');
  }
}

/**
 * A credential may hand out, roll or revoke only keys within its own scopes: otherwise a
 * narrow key holding keys.write could mint itself a broader one.
 */
export function assertWithinScopes(principal: Principal, scopes: readonly string[]): void {
  const missing = scopes.filter((scope) => !principal.scopes.has(scope));
  if (missing.length > 0) throw insufficientScope(missing);
}
