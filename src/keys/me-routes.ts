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
    async function me(request) {
      return service.describe(authenticatedCaller(request).principal);
    },
  );
}
