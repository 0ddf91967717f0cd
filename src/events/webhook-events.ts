import { Type, type Static } from 'typebox';
import type { Scope } from '../scopes/scopes.js';

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

/**
 * A string enum (not an anyOf of constants): /openapi.json has it as the named component
 * WebhookEventType, so generated clients get the union, and a bad value is one validation error
 * listing the allowed types.
 */
export const WebhookEventType = Type.Enum([...WEBHOOK_EVENT_TYPES], {
  type: 'string',
  title: 'WebhookEventType',
  description: 'A webhook event type; the delivered `data` is the resource the event names, as the API returns it.',
});
export type WebhookEventType = Static<typeof WebhookEventType>;

/**
 * The read scope of each event's data: a webhook delivers the resource, so subscribing to an
 * event (or pointing or re-sending it somewhere) needs the scope that reads it over the API, as a
 * GitHub app needs the permission of an event's data to receive it.
 */
export const WEBHOOK_EVENT_SCOPES: Readonly<Record<WebhookEventType, Scope>> = Object.freeze({
  'conversation.created': 'conversations.read',
  'conversation.updated': 'conversations.read',
  'message.created': 'messages.read',
  'customer.created': 'customers.read',
  'key.revoked': 'keys.read',
  'key.expiring': 'keys.read',
});

/** The read scopes the given event types' data needs, without repeats; `ping` and unknown types need none. */
export function scopesToReceive(types: Iterable<string>): Scope[] {
  const scopes = new Set<Scope>();
  for (const type of types) {
    const scope = (WEBHOOK_EVENT_SCOPES as Record<string, Scope | undefined>)[type];
    if (scope !== undefined) scopes.add(scope);
  }
  return [...scopes];
}
