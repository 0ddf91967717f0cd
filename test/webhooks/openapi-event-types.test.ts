import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error -- a plain .mjs script without declarations; liveDocument is used as documented there.
import { liveDocument } from '../../scripts/openapi.mjs';
import { WEBHOOK_EVENT_TYPES } from '../../src/events/webhook-events.js';

type Json = Record<string, any>;
const REF = { $ref: '#/components/schemas/WebhookEventType' };

test('/openapi.json has WebhookEventType (every event type) and the endpoint schemas reference it', async () => {
  const document: Json = await liveDocument();
  const { schemas } = document.components;
  assert.deepEqual(schemas.WebhookEventType.enum, [...WEBHOOK_EVENT_TYPES]);
  assert.equal(schemas.WebhookEventType.type, 'string');

  // The endpoint as returned (and with its secret, on create and rotate).
  assert.deepEqual(schemas.WebhookEndpoint.properties.events.items, REF);
  assert.deepEqual(schemas.WebhookEndpointWithSecret.properties.events.items, REF);
  const body = (url: string, method: string): Json =>
    document.paths[url][method].requestBody.content['application/json'].schema;
  assert.deepEqual(body('/api/v1/webhooks', 'post').properties.events.items, REF);
  assert.deepEqual(body('/api/v1/webhooks/{id}', 'patch').properties.events.items, REF);
});
