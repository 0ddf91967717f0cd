import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { deleteRoute, getRoute, listRoute } from '../http/route-helpers.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { KeysService } from './keys-service.js';
import { ApiKey, ApiKeyWithSecret, CreateKeyBody, KeyId, KeyUsage, RenameKeyBody, RollKeyBody } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const TAGS = ['keys'];

/** /keys: create, list, get, rename, revoke, roll and usage of server API keys (SPEC §6). */
export async function keyRoutes(plugin: FastifyInstance, service: KeysService): Promise<void> {
  const app = typed(plugin);
  app.post(
    '/keys',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create an API key',
        description:
          'Returns the key with its `secret`, shown only here. A key may create keys only within its own scopes, ' +
          'and never one that expires after itself (without an expiry, the new key gets the calling key’s).',
        security: SECURITY,
        body: CreateKeyBody,
        response: { 201: ApiKeyWithSecret, ...AUTH_ERRORS },
      },
    },
    async function createKey(request, reply) {
      const created = await service.create(workspaceCaller(request), request.body);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  listRoute(
    app,
    '/keys',
    { name: 'listKeys', scope: 'keys.read', tags: TAGS, summary: 'List API keys', security: SECURITY, item: ApiKey },
    (caller, page) => service.list(caller, page),
  );

  getRoute(
    app,
    '/keys/:id',
    {
      name: 'getKey',
      scope: 'keys.read',
      tags: TAGS,
      summary: 'Get an API key',
      security: SECURITY,
      params: KeyId,
      item: ApiKey,
    },
    (caller, { id }) => service.get(caller, id),
  );

  app.patch(
    '/keys/:id',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Update an API key',
        description: 'The name and the IP allowlist (`allowedIps`) can change; the key value and scopes stay the same.',
        security: SECURITY,
        params: KeyId,
        body: RenameKeyBody,
        response: { 200: ApiKey, ...AUTH_ERRORS },
      },
    },
    async function updateKey(request) {
      return service.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  app.post(
    '/keys/:id/enable',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Re-enable a disabled API key',
        description:
          'Undoes the idle-key policy: the key works again and its idle time starts afresh. A revoked key cannot be re-enabled (409).',
        security: SECURITY,
        params: KeyId,
        response: { 200: ApiKey, ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') },
      },
    },
    async function enableKey(request) {
      return service.enable(workspaceCaller(request), request.params.id);
    },
  );

  deleteRoute(
    app,
    '/keys/:id',
    {
      name: 'revokeKey',
      scope: 'keys.write',
      tags: TAGS,
      summary: 'Revoke an API key',
      description: 'Immediate: the key is refused on the next request, by every instance within a second.',
      security: SECURITY,
      params: KeyId,
    },
    (caller, { id }) => service.revoke(caller, id),
  );

  app.post(
    '/keys/:id/roll',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Roll an API key',
        description:
          'A new key with the same name and scopes; the old key keeps working for `expiresIn` seconds (0–604800). ' +
          "The new key keeps the old key's lifetime (same duration, from now) unless `newKeyExpiresAt` or `newKeyExpiresIn` sets one; " +
          'a key never creates or rolls into a key that expires after itself.',
        security: SECURITY,
        params: KeyId,
        body: RollKeyBody,
        response: { 201: ApiKeyWithSecret, ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') },
      },
    },
    async function rollKey(request, reply) {
      const { body } = request;
      const rolled = await service.roll(workspaceCaller(request), request.params.id, body.expiresIn, {
        expiresAt: body.newKeyExpiresAt,
        expiresIn: body.newKeyExpiresIn,
      });
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
      return service.usageOf(workspaceCaller(request), request.params.id);
    },
  );
}
