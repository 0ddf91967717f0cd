import type { Static } from 'typebox';
import { Literals } from '../http/schemas.js';

/**
 * Every event a workspace's webhooks can subscribe to (issue #15). Each is written to the
 * outbox (`webhookOutbox.append`) in the transaction of the change it reports, with the public
 * API's resource as its payload: the conversation, message, customer or key exactly as the
 * API's GET returns it, never a secret.
 */
export const WEBHOOK_EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'message.created',
  'customer.created',
  'key.revoked',
  'key.expiring',
] as const;

export const WebhookEventType = Literals(WEBHOOK_EVENT_TYPES, {
  title: 'WebhookEventType',
  description: 'A webhook event type; the delivered `data` is the resource the event names, as the API returns it.',
});
export type WebhookEventType = Static<typeof WebhookEventType>;
