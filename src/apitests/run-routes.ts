import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS, ListOf } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
import { SECURITY } from './credential-routes.js';
import type { ApiTestRunsService } from './runs-service.js';
import { ApiTestRun, ApiTestRunsQuery, CreateApiTestRun } from './schemas.js';

const TAGS = ['api tests'];

/** /api-tests/runs: guarded live calls with a stored credential, and their history. */
export async function apiTestRunRoutes(parent: FastifyInstance, service: ApiTestRunsService): Promise<void> {
  const app = typed(parent);

  app.post(
    '/api-tests/runs',
    {
      config: { auth: { scope: 'apitests.write' } },
      schema: {
        tags: TAGS,
        summary: 'Run a guarded API check',
        description:
          'Calls baseUrl + path with the credential injected server-side, through the outbound guard (no private ' +
          'addresses, no redirects, 10 s, 1 MiB). A refused or failed call is still recorded and answered 201 with ' +
          '`error`; a secret that does not decrypt is a 409 and nothing is sent. 30 runs per minute per workspace.',
        security: SECURITY,
        body: CreateApiTestRun,
        response: {
          201: ApiTestRun,
          ...AUTH_ERRORS,
          409: Type.Ref('ErrorBody', {
            description: 'The stored secret does not decrypt (altered or sealed under another key); nothing was sent',
          }),
        },
      },
    },
    async function createApiTestRun(request, reply) {
      return reply.code(201).send(await service.run(workspaceCaller(request), request.body));
    },
  );

  app.get(
    '/api-tests/runs',
    {
      config: { auth: { scope: 'apitests.read' } },
      schema: {
        tags: TAGS,
        summary: 'List API test runs, newest first',
        security: SECURITY,
        querystring: ApiTestRunsQuery,
        response: { 200: ListOf(ApiTestRun), ...AUTH_ERRORS },
      },
    },
    async function listApiTestRuns(request) {
      const { credentialId } = request.query;
      return service.list(
        workspaceCaller(request),
        credentialId === undefined ? {} : { credentialId },
        pageRequest(request.query),
      );
    },
  );

  app.get(
    '/api-tests/runs/:id',
    {
      config: { auth: { scope: 'apitests.read' } },
      schema: {
        tags: TAGS,
        summary: 'Get an API test run',
        security: SECURITY,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: ApiTestRun, ...AUTH_ERRORS },
      },
    },
    async function getApiTestRun(request) {
      return service.get(workspaceCaller(request), request.params.id);
    },
  );
}
