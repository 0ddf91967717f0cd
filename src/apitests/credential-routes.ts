import type { FastifyInstance } from 'fastify';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { deleteRoute, getRoute, listRoute } from '../http/route-helpers.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { ApiTestCredentialsService } from './credentials-service.js';
import {
  ApiTestCredential,
  ApiTestCredentialId,
  CreateApiTestCredential,
  ReplaceApiTestSecret,
  UpdateApiTestCredential,
} from './schemas.js';

export const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const TAGS = ['api tests'];

/** /api-tests/credentials: the vault (apitests.*; owners and admins by role). The secret goes in, never out. */
export async function apiTestCredentialRoutes(
  parent: FastifyInstance,
  service: ApiTestCredentialsService,
): Promise<void> {
  const app = typed(parent);

  app.post(
    '/api-tests/credentials',
    {
      config: { auth: { scope: 'apitests.write' } },
      schema: {
        tags: TAGS,
        summary: 'Store an API test credential',
        description:
          'The secret is sealed (AES-256-GCM under the master key) and never returned; the base URL must pass the outbound guard.',
        security: SECURITY,
        body: CreateApiTestCredential,
        response: { 201: ApiTestCredential, ...AUTH_ERRORS },
      },
    },
    async function createApiTestCredential(request, reply) {
      return reply.code(201).send(await service.create(workspaceCaller(request), request.body));
    },
  );

  listRoute(
    app,
    '/api-tests/credentials',
    {
      name: 'listApiTestCredentials',
      scope: 'apitests.read',
      tags: TAGS,
      summary: 'List API test credentials',
      security: SECURITY,
      item: ApiTestCredential,
    },
    (caller, page) => service.list(caller, page),
  );

  getRoute(
    app,
    '/api-tests/credentials/:id',
    {
      name: 'getApiTestCredential',
      scope: 'apitests.read',
      tags: TAGS,
      summary: 'Get an API test credential',
      security: SECURITY,
      params: ApiTestCredentialId,
      item: ApiTestCredential,
    },
    (caller, { id }) => service.get(caller, id),
  );

  app.patch(
    '/api-tests/credentials/:id',
    {
      config: { auth: { scope: 'apitests.write' } },
      schema: {
        tags: TAGS,
        summary: 'Rename an API test credential or change its base URL',
        description:
          'The base URL may change its path, not its origin: that would send the stored secret to another host.',
        security: SECURITY,
        params: ApiTestCredentialId,
        body: UpdateApiTestCredential,
        response: { 200: ApiTestCredential, ...AUTH_ERRORS },
      },
    },
    async function updateApiTestCredential(request) {
      return service.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  app.put(
    '/api-tests/credentials/:id/secret',
    {
      config: { auth: { scope: 'apitests.write' } },
      schema: {
        tags: TAGS,
        summary: 'Replace the secret of an API test credential',
        description: 'Replace-only: the stored secret is never shown, only overwritten.',
        security: SECURITY,
        params: ApiTestCredentialId,
        body: ReplaceApiTestSecret,
        response: { 200: ApiTestCredential, ...AUTH_ERRORS },
      },
    },
    async function replaceApiTestSecret(request) {
      return service.replaceSecret(workspaceCaller(request), request.params.id, request.body.secret);
    },
  );

  deleteRoute(
    app,
    '/api-tests/credentials/:id',
    {
      name: 'deleteApiTestCredential',
      scope: 'apitests.write',
      tags: TAGS,
      summary: 'Delete an API test credential',
      description: 'The sealed secret is deleted; the runs made with it stay in the history.',
      security: SECURITY,
      params: ApiTestCredentialId,
    },
    (caller, { id }) => service.delete(caller, id),
  );
}
