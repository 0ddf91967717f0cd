import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
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
          'Returns the `whsec_` signing secret once. The URL must reach a public address; at most 16 endpoints per workspace.',
        security: SECURITY,
        body: CreateEndpointBody,
        response: { 201: WebhookEndpointWithSecret, ...AUTH_ERRORS },
      },
    },
    async function createWebhook(request, reply) {
      return reply.code(201).send(await service.create(workspaceCaller(request), request.body));
    },
  );

  app.get(
    '/webhooks',
    {
      config: { auth: { scope: 'webhooks.read' } },
      schema: {
        tags: TAGS,
        summary: 'List webhook endpoints',
        security: SECURITY,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ListOf(WebhookEndpoint), ...AUTH_ERRORS },
      },
    },
    async function listWebhooks(request) {
      return service.list(workspaceCaller(request), pageRequest(request.query));
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: { auth: { scope: 'webhooks.read' } },
      schema: {
        tags: TAGS,
        summary: 'Get a webhook endpoint',
        security: SECURITY,
        params: EndpointParams,
        response: { 200: WebhookEndpoint, ...AUTH_ERRORS },
      },
    },
    async function getWebhook(request) {
      return service.get(workspaceCaller(request), request.params.id);
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Change a webhook endpoint',
        description: 'Setting `status` to `enabled` again clears the failures that disabled it.',
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

  app.delete(
    '/webhooks/:id',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Delete a webhook endpoint',
        security: SECURITY,
        params: EndpointParams,
        response: { 204: Type.Null(), ...AUTH_ERRORS },
      },
    },
    async function deleteWebhook(request, reply) {
      await service.delete(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
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
