import type { FastifySchema } from 'fastify';
import type { Scope } from '../scopes/scopes.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { SECURITY } from './schemas.js';

/**
 * Options of a support route: the scope the authentication hook checks, the OpenAPI
 * security entry and the standard error responses, beside the route's own schema.
 */
export function guarded<S extends FastifySchema & { summary: string; response: Record<number, unknown> }>(
  scope: Scope,
  tag: string,
  schema: S,
) {
  // Generic in the schema, so the type provider still sees each route's own body/params/query.
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
