import type { FastifyInstance } from 'fastify';
import { authenticatedCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { MeService } from './me-service.js';
import { Me } from './schemas.js';

/** GET /me: who is calling (SPEC §6). */
export async function meRoutes(plugin: FastifyInstance, service: MeService): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/me',
    {
      config: { auth: { scope: null, workspace: 'optional' } },
      schema: {
        tags: ['identity'],
        summary: 'Who is calling',
        description: 'The credential type, its workspace and scopes: the call to test a connection.',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: Me, ...AUTH_ERRORS },
      },
    },
    function me(request, reply) {
      const principal = authenticatedCaller(request).principal;
      // A cached key's answer is serialized once, by this route's own 200 schema.
      const body = service.serializedFor(principal, (view) => String(reply.serialize(view)));
      if (body !== undefined) return reply.type('application/json; charset=utf-8').send(body);
      return service.describe(principal);
    },
  );
}
