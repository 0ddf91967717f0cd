import type { FastifyRequest } from 'fastify';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import { rateLimited, unauthorized } from '../errors.js';
import { retryAfterSeconds } from '../ratelimit/enforce.js';
import { bearerOf } from '../http/bearer.js';
import type { PortalCaller, PortalService } from './portal-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalCaller | null;
  }
}

/**
 * The portal endpoints' own authentication: only a `woesps_` portal session in
 * `Authorization: Bearer`. Server keys, agent sessions and widget credentials are 401 here,
 * as a portal session is 401 everywhere else (the REST hook recognises no `woesps_`).
 */
export function portalAuthenticator(portal: PortalService, limiter: RateLimiter) {
  return async function authenticatePortal(request: FastifyRequest): Promise<void> {
    const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
    if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
    const token = bearerOf(request);
    if (token === null) throw unauthorized('Portal endpoints need a portal session: Authorization: Bearer woesps_…');
    const caller = await portal.authenticate(token);
    if (caller === null) {
      await limiter.consume('failedCredentials', request.ip, limiter.rules.failedCredentials);
      throw unauthorized('The portal session is not valid or has ended; ask for a new sign-in link.');
    }
    // A customer's own budget, in the same bucket size as an agent's session.
    const spent = await limiter.consume('portalSession', caller.id, limiter.rules.session);
    if (!spent.allowed) throw rateLimited(retryAfterSeconds(spent));
    request.portal = caller;
  };
}

export function portalOf(request: FastifyRequest): PortalCaller {
  if (request.portal === null) throw unauthorized();
  return request.portal;
}
