import { forbidden, insufficientScope } from '../errors.js';
import type { Principal } from '../http/principal.js';

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
  if (missing.length > 0) throw insufficientScope(missing, 'all');
}
