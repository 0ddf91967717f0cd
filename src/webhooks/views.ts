import type { WebhookEventType } from '../events/webhook-events.js';
import { isoTime } from '../http/schemas.js';
import type { AttemptRow, DeliveryWithType } from './delivery-repository.js';
import type { EndpointRow } from './endpoint-repository.js';
import type { WebhookDeliveryDetail, WebhookDeliveryView, WebhookEndpointView } from './schemas.js';

/** The public shapes of endpoints and deliveries: never a secret, sealed or not. */
export function toEndpointView(row: EndpointRow, now: number): WebhookEndpointView {
  const previousLive = row.previousSecretSealed !== null && Number(row.previousSecretExpiresAt ?? 0) > now;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    // Written by the service only after checking each type against WEBHOOK_EVENT_TYPES.
    events: JSON.parse(row.events) as WebhookEventType[],
    status: row.status,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: previousLive ? isoTime(row.previousSecretExpiresAt) : null,
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
}

export function toDeliveryView(row: DeliveryWithType): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: Number(row.attemptCount),
    lastResponseStatus: row.lastResponseStatus === null ? null : Number(row.lastResponseStatus),
    lastError: row.lastError,
    lastAttemptAt: isoTime(row.lastAttemptAt),
    nextAttemptAt: row.status === 'pending' ? isoTime(row.nextAttemptAt) : null,
    createdAt: isoTime(row.createdAt)!,
  };
}

export function toDeliveryDetail(row: DeliveryWithType, attempts: AttemptRow[]): WebhookDeliveryDetail {
  return {
    ...toDeliveryView(row),
    attemptLog: attempts.map((a) => ({
      attempt: Number(a.attempt),
      startedAt: isoTime(a.startedAt)!,
      durationMs: Number(a.durationMs),
      responseStatus: a.responseStatus === null ? null : Number(a.responseStatus),
      responseExcerpt: a.responseExcerpt,
      error: a.error,
    })),
  };
}
