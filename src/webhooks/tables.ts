/** Tables owned by the webhooks domain (merged into the Database interface in storage/schema.ts). */
export type EndpointStatus = 'enabled' | 'disabled';
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookEndpointsTable {
  id: string;
  workspaceId: string;
  url: string;
  description: string | null;
  /** JSON array of the event types the endpoint subscribes to. */
  events: string;
  status: EndpointStatus;
  /** Why it was disabled: `manual`, `gone` (410) or `failing` (failed for the whole retry schedule). */
  disabledReason: string | null;
  /** The signing secret (`whsec_…`), AES-256-GCM under WOES_MASTER_KEY: Woes must sign with it. */
  secretSealed: string;
  /** The secret before the last rotation, which also signs until `previousSecretExpiresAt`. */
  previousSecretSealed: string | null;
  previousSecretExpiresAt: number | null;
  /** Creation, the last successful delivery or the last re-enabling: failures before it do not count. */
  healthySince: number;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  workspaceId: string;
  endpointId: string;
  eventId: string;
  status: DeliveryStatus;
  attemptCount: number;
  /** Attempts after which a failure is final: the schedule's, or one more after a manual retry. */
  attemptsAllowed: number;
  /** When a pending delivery is due; while a sender holds it, the end of its lease. */
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookAttemptsTable {
  deliveryId: string;
  attempt: number;
  startedAt: number;
  durationMs: number;
  responseStatus: number | null;
  /** At most 1 KiB of the response body (never the request's headers). */
  responseExcerpt: string | null;
  /** `refused:<reason>`, `timeout`, `connect`, `tls`, `too_large`, `protocol` or `http_<status>`. */
  error: string | null;
}

export interface WebhooksTables {
  webhookEndpoints: WebhookEndpointsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  webhookAttempts: WebhookAttemptsTable;
}
