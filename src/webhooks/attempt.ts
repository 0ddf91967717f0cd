import type { MasterKeys } from '../security/sealed-secret.js';
import type { CoreDeps } from '../deps.js';
import { keyRepository } from '../keys/key-repository.js';
import { governanceRepository } from '../keys/governance-repository.js';
import { outboundPolicy } from '../net/outbound.js';
import { deliveryRepository as deliveries, type DeliveryRow } from './delivery-repository.js';
import { endpointDisabledEmail } from './emails.js';
import { endpointRepository as endpoints, type EndpointRow } from './endpoint-repository.js';
import { isSuccess, MAX_ATTEMPTS, nextAttemptAt } from './schedule.js';
import { send, type SendResult } from './sender.js';
import { signatureHeaders, signingSecrets } from './signing.js';
import type { DeliveryStatus } from './tables.js';

export interface AttemptOptions {
  masterKeys: MasterKeys;
  /** `Woes-Webhooks/<version>` */
  userAgent: string;
  /** WOES_WEBHOOK_RETRY_SCALE */
  retryScale: number;
  mailer: { send(email: { to: string; subject: string; text: string; link?: string }): void };
}

/**
 * One attempt of a delivery this instance holds (a lease or a fresh ping): sign the event's
 * body with every live secret, POST it through the outbound guard, and record the attempt with
 * its outcome — success, the next retry, or a final failure that may disable the endpoint.
 */
export class DeliveryAttempt {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'config' | 'logger'>,
    private readonly options: AttemptOptions,
  ) {}

  async run(claimed: DeliveryRow): Promise<void> {
    const [endpoint, event] = await Promise.all([
      endpoints.byId(this.core.db, claimed.endpointId),
      deliveries.event(this.core.db, claimed.eventId),
    ]);
    if (!endpoint || !event) return; // Deleted meanwhile: the cascade removes the delivery too.
    const startedAt = this.core.clock.now();
    const body = JSON.stringify({
      type: event.type,
      timestamp: new Date(Number(event.createdAt)).toISOString(),
      data: JSON.parse(event.payload) as unknown,
    });
    const secrets = signingSecrets(this.options.masterKeys, endpoint, startedAt);
    if (secrets.length === 0) {
      // Sealed under another master key: never send an unsigned delivery.
      const unsigned = {
        status: null,
        retryAfter: undefined,
        excerpt: null,
        error: 'secret_unreadable',
        durationMs: 0,
      };
      return this.record(claimed, endpoint, startedAt, unsigned);
    }
    const headers = {
      ...signatureHeaders(event.id, new Date(startedAt), body, secrets),
      'content-type': 'application/json',
      'user-agent': this.options.userAgent,
    };
    const result = await send(endpoint.url, headers, body, outboundPolicy(this.core.config));
    await this.record(claimed, endpoint, startedAt, result);
  }

  private async record(
    claimed: DeliveryRow,
    endpoint: EndpointRow,
    startedAt: number,
    result: SendResult,
  ): Promise<void> {
    const attempt = Number(claimed.attemptCount) + 1;
    const now = startedAt + result.durationMs;
    const succeeded = result.status !== null && isSuccess(result.status);
    const next = succeeded
      ? null
      : result.status === 410
        ? null
        : nextAttemptAt({
            attempts: attempt,
            attemptsAllowed: Number(claimed.attemptsAllowed),
            status: result.status,
            retryAfter: result.retryAfter,
            now,
            scale: this.options.retryScale,
            random: Math.random(),
          });
    const status: DeliveryStatus = succeeded ? 'succeeded' : next === null ? 'failed' : 'pending';
    // Failed for the whole schedule with no success since this delivery began: the receiver is gone.
    const exhausted =
      status === 'failed' && attempt >= MAX_ATTEMPTS && Number(endpoint.healthySince) <= Number(claimed.createdAt);
    const disableReason = result.status === 410 ? 'gone' : exhausted ? 'failing' : null;
    const error = result.error ?? (succeeded ? null : `http_${result.status}`);
    const disabled = await this.core.db.transaction().execute(async (trx) => {
      const won = await deliveries.recordAttempt(
        trx,
        claimed,
        {
          deliveryId: claimed.id,
          attempt,
          startedAt,
          durationMs: Math.round(result.durationMs),
          responseStatus: result.status,
          responseExcerpt: result.excerpt,
          error,
        },
        {
          status,
          nextAttemptAt: next,
          lastResponseStatus: result.status,
          lastError: error,
        },
      );
      if (!won) return false;
      if (succeeded) await endpoints.update(trx, endpoint.id, { healthySince: now });
      return disableReason !== null && (await endpoints.disable(trx, endpoint.id, disableReason, now));
    });
    if (disabled) {
      this.core.logger.warn({ endpointId: endpoint.id, reason: disableReason }, 'webhook endpoint disabled');
      if (disableReason === 'failing') await this.emailOwners(endpoint);
    }
  }

  private async emailOwners(endpoint: EndpointRow): Promise<void> {
    const workspace = await keyRepository.workspace(this.core.db, endpoint.workspaceId);
    for (const to of await governanceRepository.ownerEmails(this.core.db, endpoint.workspaceId)) {
      this.options.mailer.send(
        endpointDisabledEmail(this.core.config.publicUrl, to, workspace?.name ?? endpoint.workspaceId, endpoint),
      );
    }
  }
}
