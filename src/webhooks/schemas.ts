import { Type, type Static } from 'typebox';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../events/webhook-events.js';
import { Literals, Nullable, Timestamp } from '../http/schemas.js';

/** Request and response schemas of the outbound webhooks (SPEC §7). */
const strict = { additionalProperties: false } as const;
const EVENT_LIST = WEBHOOK_EVENT_TYPES.join(', ');
const EXAMPLE_URL = 'https://hooks.example.com/woes';

const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'An `https` (or `http`) URL on a public address',
});
// The items are the named component WebhookEventType, so generated clients get the union of types.
const Events = Type.Array(WebhookEventType, {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length,
  description: `Event types: ${EVENT_LIST}`,
});
const Description = Type.String({ maxLength: 500 });
const Status = Literals(['enabled', 'disabled'] as const);

export const EndpointParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
export const DeliveryParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }), deliveryId: Type.String({ minLength: 1, maxLength: 64 }) },
  strict,
);

export const WebhookEndpoint = Type.Object(
  {
    id: Type.String(),
    url: Type.String(),
    description: Nullable(Type.String()),
    events: Type.Array(WebhookEventType),
    status: Status,
    disabledReason: Nullable(
      Type.String({ description: '`manual`, `gone` (the receiver answered 410) or `failing` (3 days of failures)' }),
    ),
    previousSecretExpiresAt: Nullable(
      Type.String({ format: 'date-time', description: 'Until then the previous secret also signs every delivery' }),
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  {
    title: 'WebhookEndpoint',
    examples: [
      {
        id: 'whe_01jbx3k0000000000000000000',
        url: EXAMPLE_URL,
        description: 'CRM sync',
        events: ['conversation.created', 'message.created'],
        status: 'enabled',
        disabledReason: null,
        previousSecretExpiresAt: null,
        createdAt: '2026-11-23T09:00:00.000Z',
        updatedAt: '2026-11-23T09:00:00.000Z',
      },
    ],
  },
);
export type WebhookEndpointView = Static<typeof WebhookEndpoint>;

export const WebhookEndpointWithSecret = Type.Object(
  {
    ...WebhookEndpoint.properties,
    secret: Type.String({ description: 'The `whsec_…` signing secret. Shown only in this response.' }),
  },
  { title: 'WebhookEndpointWithSecret' },
);

export const CreateEndpointBody = Type.Object(
  { url: Url, events: Events, description: Type.Optional(Description) },
  { ...strict, examples: [{ url: EXAMPLE_URL, events: ['conversation.created'], description: 'CRM sync' }] },
);

export const UpdateEndpointBody = Type.Object(
  {
    url: Type.Optional(Url),
    events: Type.Optional(Events),
    description: Type.Optional(Nullable(Description)),
    status: Type.Optional(Status),
  },
  { ...strict, minProperties: 1, examples: [{ status: 'enabled' }] },
);

export const WebhookAttempt = Type.Object(
  {
    attempt: Type.Integer(),
    startedAt: Timestamp,
    durationMs: Type.Integer(),
    responseStatus: Nullable(Type.Integer()),
    responseExcerpt: Nullable(Type.String({ description: 'At most 1 KiB of the response body' })),
    error: Nullable(Type.String()),
  },
  { title: 'WebhookAttempt' },
);

export const WebhookDelivery = Type.Object(
  {
    id: Type.String(),
    endpointId: Type.String(),
    eventId: Type.String({ description: 'The `webhook-id` header of every attempt' }),
    eventType: Type.String(),
    status: Literals(['pending', 'succeeded', 'failed'] as const),
    attempts: Type.Integer(),
    lastResponseStatus: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    lastAttemptAt: Nullable(Timestamp),
    nextAttemptAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { title: 'WebhookDelivery' },
);
export type WebhookDeliveryView = Static<typeof WebhookDelivery>;

export const WebhookDeliveryWithAttempts = Type.Object(
  { ...WebhookDelivery.properties, attemptLog: Type.Array(WebhookAttempt) },
  { title: 'WebhookDeliveryWithAttempts' },
);
export type WebhookDeliveryDetail = Static<typeof WebhookDeliveryWithAttempts>;
