import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requestFacts, workspaceOf } from '../http/authenticate.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
import type { KeysService, CreateKeyInput } from './keys-service.js';
import type { KeyActor } from './policy.js';
import { ApiKey, ApiKeyWithSecret, CreateKeyBody, KeyId, KeyUsage, RenameKeyBody, RollKeyBody } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const TAGS = ['keys'];
const ListQuery = Type.Object(PageQuery, { additionalProperties: false });

export function actorFrom(request: FastifyRequest): KeyActor {
  return { principal: request.principal!, facts: requestFacts(request) };
}

/** /keys: create, list, get, rename, revoke, roll and usage of server API keys (SPEC §6). */
export async function keyRoutes(app: FastifyInstance, service: KeysService): Promise<void> {
  app.post(
    '/keys',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create an API key',
        description: 'Returns the key with its `secret`, shown only here. A key may create keys only within its own scopes.',
        security: SECURITY,
        body: CreateKeyBody,
        response: { 201: ApiKeyWithSecret, ...AUTH_ERRORS },
      },
    },
    async function createKey(request, reply) {
      const created = await service.create(actorFrom(request), workspaceOf(request), request.body as CreateKeyInput);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.get(
    '/keys',
    {
      config: { auth: { scope: 'keys.read' } },
      schema: {
        tags: TAGS,
        summary: 'List API keys',
        security: SECURITY,
        querystring: ListQuery,
        response: { 200: ListOf(ApiKey), ...AUTH_ERRORS },
      },
    },
    async function listKeys(request) {
      return service.list(workspaceOf(request), pageRequest(request.query as { limit?: number; cursor?: string }));
    },
  );

  app.get(
    '/keys/:id',
    {
      config: { auth: { scope: 'keys.read' } },
      schema: { tags: TAGS, summary: 'Get an API key', security: SECURITY, params: KeyId, response: { 200: ApiKey, ...AUTH_ERRORS } },
    },
    async function getKey(request) {
      return service.get(workspaceOf(request), (request.params as { id: string }).id);
    },
  );

  app.patch(
    '/keys/:id',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Rename an API key',
        description: 'Only the name can change; the key value stays the same.',
        security: SECURITY,
        params: KeyId,
        body: RenameKeyBody,
        response: { 200: ApiKey, ...AUTH_ERRORS },
      },
    },
    async function renameKey(request) {
      const { id } = request.params as { id: string };
      return service.rename(actorFrom(request), workspaceOf(request), id, (request.body as { name: string }).name);
    },
  );

  app.delete(
    '/keys/:id',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Revoke an API key',
        description: 'Immediate: the key is refused on the next request, by every instance within a second.',
        security: SECURITY,
        params: KeyId,
        response: { 204: Type.Null(), ...AUTH_ERRORS },
      },
    },
    async function revokeKey(request, reply) {
      await service.revoke(actorFrom(request), workspaceOf(request), (request.params as { id: string }).id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/keys/:id/roll',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Roll an API key',
        description: 'A new key with the same name and scopes; the old key keeps working for `expiresIn` seconds (0–604800).',
        security: SECURITY,
        params: KeyId,
        body: RollKeyBody,
        response: { 201: ApiKeyWithSecret, ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') },
      },
    },
    async function rollKey(request, reply) {
      const { id } = request.params as { id: string };
      const rolled = await service.roll(actorFrom(request), workspaceOf(request), id, (request.body as { expiresIn: number }).expiresIn);
      return reply.code(201).header('cache-control', 'no-store').send(rolled);
    },
  );

  app.get(
    '/keys/:id/usage',
    {
      config: { auth: { scope: 'keys.read' } },
      schema: {
        tags: TAGS,
        summary: "An API key's usage",
        description: 'Requests per day for the last 30 days (UTC), and the last use: time, IP and user agent.',
        security: SECURITY,
        params: KeyId,
        response: { 200: KeyUsage, ...AUTH_ERRORS },
      },
    },
    async function keyUsage(request) {
      return service.usageOf(workspaceOf(request), (request.params as { id: string }).id);
    },
  );
}
