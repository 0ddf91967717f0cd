import type { FastifyInstance } from 'fastify';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { deleteRoute, getRoute, listRoute } from '../http/route-helpers.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { EndpointsService } from './endpoints-service.js';
import {
  CreateEndpointBody,
  EndpointParams,
  UpdateEndpointBody,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from './schemas.js';

export const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
export const TAGS = ['webhooks'];

/** /webhooks: the workspace's outbound endpoints (owners and admins: webhooks.*). */
export async function webhookEndpointRoutes(plugin: FastifyInstance, service: EndpointsService): Promise<void> {
  const app = typed(plugin);

  app.post(
    '/webhooks',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Create a webhook endpoint',
        description:
          'Returns the `whsec_` signing secret once. The URL must reach a public address; at most 16 endpoints per workspace. Each event delivers its data, so the caller also needs the read scope of every event type subscribed (`conversation.*`: `conversations.read`, `message.*`: `messages.read`, `customer.*`: `customers.read`, `key.*`: `keys.read`); otherwise 403 `insufficient_scope` lists the missing ones.',
        security: SECURITY,
        body: CreateEndpointBody,
        response: { 201: WebhookEndpointWithSecret, ...AUTH_ERRORS },
      },
    },
    async function createWebhook(request, reply) {
      return reply.code(201).send(await service.create(workspaceCaller(request), request.body));
    },
  );

  listRoute(
    app,
    '/webhooks',
    {
      name: 'listWebhooks',
      scope: 'webhooks.read',
      tags: TAGS,
      summary: 'List webhook endpoints',
      security: SECURITY,
      item: WebhookEndpoint,
    },
    (caller, page) => service.list(caller, page),
  );

  getRoute(
    app,
    '/webhooks/:id',
    {
      name: 'getWebhook',
      scope: 'webhooks.read',
      tags: TAGS,
      summary: 'Get a webhook endpoint',
      security: SECURITY,
      params: EndpointParams,
      item: WebhookEndpoint,
    },
    (caller, { id }) => service.get(caller, id),
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Change a webhook endpoint',
        description:
          'Setting `status` to `enabled` again clears the failures that disabled it. Setting `events`, or changing `url`, needs the read scope of every event type the endpoint will receive (as on create); otherwise 403 `insufficient_scope`.',
        security: SECURITY,
        params: EndpointParams,
        body: UpdateEndpointBody,
        response: { 200: WebhookEndpoint, ...AUTH_ERRORS },
      },
    },
    async function updateWebhook(request) {
      return service.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  deleteRoute(
    app,
    '/webhooks/:id',
    {
      name: 'deleteWebhook',
      scope: 'webhooks.write',
      tags: TAGS,
      summary: 'Delete a webhook endpoint',
      security: SECURITY,
      params: EndpointParams,
    },
    (caller, { id }) => service.delete(caller, id),
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Rotate the signing secret',
        description:
          'Returns the new `whsec_` secret once. For 24 hours every delivery carries two signatures, one per secret.',
        security: SECURITY,
        params: EndpointParams,
        response: { 201: WebhookEndpointWithSecret, ...AUTH_ERRORS },
      },
    },
    async function rotateWebhookSecret(request, reply) {
      return reply.code(201).send(await service.rotateSecret(workspaceCaller(request), request.params.id));
    },
  );
}
