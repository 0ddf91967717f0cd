import type { FastifySchema, RouteShorthandOptions } from 'fastify';
import type { Scope } from '../scopes/scopes.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { SECURITY } from './schemas.js';

/**
 * Options of a support route: the scope the authentication hook checks, the OpenAPI
 * security entry and the standard error responses, beside the route's own schema.
 */
export function guarded(scope: Scope, tag: string, schema: FastifySchema & { summary: string; response: Record<number, unknown> }): RouteShorthandOptions {
  return {
    config: { auth: { scope } },
    schema: {
      tags: [tag],
      security: SECURITY,
      ...schema,
      response: { ...AUTH_ERRORS, ...schema.response },
    },
  };
}
