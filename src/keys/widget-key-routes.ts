import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
import type { KeysService } from './keys-service.js';
import { CreateWidgetKeyBody, KeyId, WidgetKey, WidgetKeyWithKey } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const TAGS = ['widget keys'];

/** /widget-keys: the browser-safe keys of the chat widget. */
export async function widgetKeyRoutes(plugin: FastifyInstance, service: KeysService): Promise<void> {
  const app = typed(plugin);
  app.post(
    '/widget-keys',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create a widget key',
        description: 'A public `woespk_` key for the widget snippet, accepted only from `allowedOrigins`.',
        security: SECURITY,
        body: CreateWidgetKeyBody,
        response: { 201: WidgetKeyWithKey, ...AUTH_ERRORS },
      },
    },
    async function createWidgetKey(request, reply) {
      return reply.code(201).send(await service.widgetKeys.create(workspaceCaller(request), request.body));
    },
  );

  app.get(
    '/widget-keys',
    {
      config: { auth: { scope: 'keys.read' } },
      schema: {
        tags: TAGS,
        summary: 'List widget keys',
        security: SECURITY,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ListOf(WidgetKey), ...AUTH_ERRORS },
      },
    },
    async function listWidgetKeys(request) {
      return service.widgetKeys.list(workspaceCaller(request), pageRequest(request.query));
    },
  );

  app.delete(
    '/widget-keys/:id',
    {
      config: { auth: { scope: 'keys.write' } },
      schema: {
        tags: TAGS,
        summary: 'Revoke a widget key',
        security: SECURITY,
        params: KeyId,
        response: { 204: Type.Null(), ...AUTH_ERRORS },
      },
    },
    async function revokeWidgetKey(request, reply) {
      await service.widgetKeys.revoke(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
