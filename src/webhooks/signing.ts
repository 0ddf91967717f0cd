import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { open, seal, type MasterKeys } from '../security/sealed-secret.js';
import { WEBHOOK_SECRET } from '../security/sealed-columns.js';
import type { EndpointRow } from './endpoint-repository.js';

/** A signing secret as the Standard Webhooks libraries take it: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The associated data that binds a sealed secret to its endpoint's row (both secret columns share it: rotation moves the current ciphertext to the previous column). */
const sealContext = (endpointId: string) => WEBHOOK_SECRET.context({ id: endpointId, workspaceId: '' });

export function sealSecret(masterKeys: MasterKeys, endpointId: string, secret: string): string {
  return seal(masterKeys, secret, sealContext(endpointId));
}

/** The secrets that sign now: the current one, and the previous one during its 24-hour window. */
export function signingSecrets(
  masterKeys: MasterKeys,
  row: Pick<EndpointRow, 'id' | 'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'>,
  now: number,
): string[] {
  const sealed = [row.secretSealed];
  if (row.previousSecretSealed !== null && Number(row.previousSecretExpiresAt ?? 0) > now) {
    sealed.push(row.previousSecretSealed);
  }
  return sealed.map((s) => open(masterKeys, s, sealContext(row.id))).filter((s): s is string => s !== null);
}

/**
 * The Standard Webhooks headers of one attempt: the event id (the same on every retry), the
 * attempt's time in seconds, and one `v1,` signature per secret, separated by spaces.
 */
export function signatureHeaders(
  eventId: string,
  at: Date,
  body: string,
  secrets: readonly string[],
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(' '),
  };
}
