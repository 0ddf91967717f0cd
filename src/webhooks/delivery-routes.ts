import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../http/caller.js';
import { typed } from '../http/typed.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest } from '../storage/pagination.js';
import type { DeliveriesService } from './deliveries-service.js';
import { SECURITY, TAGS } from './routes.js';
import { DeliveryParams, EndpointParams, WebhookDelivery, WebhookDeliveryWithAttempts } from './schemas.js';

/** An endpoint's deliveries, their manual retry and the `ping` test (owners and admins: webhooks.*). */
export async function webhookDeliveryRoutes(plugin: FastifyInstance, service: DeliveriesService): Promise<void> {
  const app = typed(plugin);

  app.post(
    '/webhooks/:id/test',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Send a test ping',
        description: 'Sends a signed `ping` event now (one attempt) and returns the delivery with its outcome.',
        security: SECURITY,
        params: EndpointParams,
        response: { 201: WebhookDeliveryWithAttempts, ...AUTH_ERRORS },
      },
    },
    async function testWebhook(request, reply) {
      return reply.code(201).send(await service.ping(workspaceCaller(request), request.params.id));
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { auth: { scope: 'webhooks.read' } },
      schema: {
        tags: TAGS,
        summary: 'List deliveries',
        description: 'Newest first, each with its status, attempts, last response status and next attempt.',
        security: SECURITY,
        params: EndpointParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ListOf(WebhookDelivery), ...AUTH_ERRORS },
      },
    },
    async function listWebhookDeliveries(request) {
      return service.list(workspaceCaller(request), request.params.id, pageRequest(request.query));
    },
  );

  app.get(
    '/webhooks/:id/deliveries/:deliveryId',
    {
      config: { auth: { scope: 'webhooks.read' } },
      schema: {
        tags: TAGS,
        summary: 'Get a delivery with its attempts',
        security: SECURITY,
        params: DeliveryParams,
        response: { 200: WebhookDeliveryWithAttempts, ...AUTH_ERRORS },
      },
    },
    async function getWebhookDelivery(request) {
      return service.get(workspaceCaller(request), request.params.id, request.params.deliveryId);
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/retry',
    {
      config: { auth: { scope: 'webhooks.write' } },
      schema: {
        tags: TAGS,
        summary: 'Retry a delivery',
        description:
          "Queues a succeeded or failed delivery for one more attempt now; 409 while it is pending. Sends the event's data again, so it needs the read scope of the event's type (as subscribing does); otherwise 403 `insufficient_scope`.",
        security: SECURITY,
        params: DeliveryParams,
        response: { 202: WebhookDelivery, 409: Type.Ref('ErrorBody'), ...AUTH_ERRORS },
      },
    },
    async function retryWebhookDelivery(request, reply) {
      return reply
        .code(202)
        .send(await service.retry(workspaceCaller(request), request.params.id, request.params.deliveryId));
    },
  );
}
