import type { MasterKeys } from '../security/sealed-secret.js';
import type { Updateable } from 'kysely';
import type { CoreDeps } from '../deps.js';
import { invalidRequest, notFound } from '../errors.js';
import { scopesToReceive, WEBHOOK_EVENT_TYPES } from '../events/webhook-events.js';
import { assertWithinScopes } from '../keys/policy.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { checkOutboundUrl, OutboundRefused, outboundPolicy } from '../net/outbound.js';
import { newId } from '../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import { deliveryRepository } from './delivery-repository.js';
import { endpointRepository as repo, type EndpointRow } from './endpoint-repository.js';
import type { WebhookEndpointView } from './schemas.js';
import { generateWebhookSecret, sealSecret } from './signing.js';
import type { WebhookEndpointsTable } from './tables.js';
import { toEndpointView } from './views.js';

/** At most this many endpoints per workspace (README: Webhooks → Limits). */
export const MAX_ENDPOINTS = 16;
/** How long the secret before a rotation keeps signing. */
export const ROTATION_WINDOW_MS = 24 * 60 * 60 * 1000;

type EndpointWithSecret = WebhookEndpointView & { secret: string };

/**
 * Webhook endpoints: created with a `whsec_` secret shown once (stored sealed under the master
 * key, since Woes signs with it), changed, rotated and deleted, each change audited without it.
 */
export class EndpointsService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'config'>,
    private readonly masterKeys: MasterKeys,
  ) {}

  async create(
    caller: WorkspaceCaller,
    input: { url: string; events: string[]; description?: string },
  ): Promise<EndpointWithSecret> {
    const events = checkEvents(input.events);
    // The endpoint receives each event's data: the caller must be able to read it (403 otherwise).
    assertWithinScopes(caller.principal, scopesToReceive(events));
    const url = await this.checkUrl(input.url);
    const now = this.core.clock.now();
    const id = newId('whe', now);
    const secret = generateWebhookSecret();
    const row: EndpointRow = {
      id,
      workspaceId: caller.workspaceId,
      url,
      description: input.description ?? null,
      events: JSON.stringify(events),
      status: 'enabled',
      disabledReason: null,
      secretSealed: sealSecret(this.masterKeys, id, secret),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      healthySince: now,
      createdAt: now,
      updatedAt: now,
    };
    await this.core.db.transaction().execute(async (trx) => {
      if ((await repo.count(trx, caller.workspaceId)) >= MAX_ENDPOINTS) {
        throw invalidRequest(`A workspace has at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`);
      }
      await repo.insert(trx, row);
      await this.core.audit.record(trx, caller, {
        type: 'webhook.created',
        target: { type: 'webhook_endpoint', id },
        data: { url, events },
      });
    });
    return { ...toEndpointView(row, now), secret };
  }

  async list(caller: WorkspaceCaller, page: PageRequest): Promise<Page<WebhookEndpointView>> {
    const now = this.core.clock.now();
    const rows = await repo.list(this.core.db, caller.workspaceId, page);
    return toPage(rows, page.limit, (row) => toEndpointView(row, now));
  }

  async get(caller: WorkspaceCaller, id: string): Promise<WebhookEndpointView> {
    return toEndpointView(await this.find(caller, id), this.core.clock.now());
  }

  /** The row, or 404 when the endpoint is not the caller's workspace's. */
  async find(caller: Pick<WorkspaceCaller, 'workspaceId'>, id: string): Promise<EndpointRow> {
    const row = await repo.find(this.core.db, caller.workspaceId, id);
    if (!row) throw notFound('webhook endpoint');
    return row;
  }

  async update(
    caller: WorkspaceCaller,
    id: string,
    input: { url?: string; events?: string[]; description?: string | null; status?: 'enabled' | 'disabled' },
  ): Promise<WebhookEndpointView> {
    const url = input.url === undefined ? undefined : await this.checkUrl(input.url);
    const events = input.events === undefined ? undefined : checkEvents(input.events);
    const now = this.core.clock.now();
    return this.core.db.transaction().execute(async (trx) => {
      const row = await repo.find(trx, caller.workspaceId, id);
      if (!row) throw notFound('webhook endpoint');
      // Choosing what an endpoint receives, or where it goes, hands over its events' data.
      if (events !== undefined || (url !== undefined && url !== row.url)) {
        assertWithinScopes(caller.principal, scopesToReceive(events ?? (JSON.parse(row.events) as string[])));
      }
      const changes: Updateable<WebhookEndpointsTable> = { updatedAt: now };
      if (url !== undefined) changes.url = url;
      if (events !== undefined) changes.events = JSON.stringify(events);
      if (input.description !== undefined) changes.description = input.description;
      const enabling = input.status === 'enabled' && row.status === 'disabled';
      if (enabling) {
        // A fresh start: earlier failures no longer count towards disabling it again.
        Object.assign(changes, { status: 'enabled', disabledReason: null, healthySince: now });
        await deliveryRepository.resume(trx, id, now);
      } else if (input.status === 'disabled' && row.status === 'enabled') {
        Object.assign(changes, { status: 'disabled', disabledReason: 'manual' });
      }
      await repo.update(trx, id, changes);
      await this.core.audit.record(trx, caller, {
        type: 'webhook.updated',
        target: { type: 'webhook_endpoint', id },
        data: { url, events, description: input.description, status: input.status },
      });
      return toEndpointView({ ...row, ...changes } as EndpointRow, now);
    });
  }

  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    await this.core.db.transaction().execute(async (trx) => {
      const row = await repo.find(trx, caller.workspaceId, id);
      if (!row) throw notFound('webhook endpoint');
      await repo.delete(trx, id);
      await this.core.audit.record(trx, caller, {
        type: 'webhook.deleted',
        target: { type: 'webhook_endpoint', id },
        data: { url: row.url },
      });
    });
  }

  /** A new secret, shown once; the current one keeps signing (as a second signature) for 24 hours. */
  async rotateSecret(caller: WorkspaceCaller, id: string): Promise<EndpointWithSecret> {
    const now = this.core.clock.now();
    const secret = generateWebhookSecret();
    const row = await this.core.db.transaction().execute(async (trx) => {
      const current = await repo.find(trx, caller.workspaceId, id);
      if (!current) throw notFound('webhook endpoint');
      const changes = {
        secretSealed: sealSecret(this.masterKeys, id, secret),
        previousSecretSealed: current.secretSealed,
        previousSecretExpiresAt: now + ROTATION_WINDOW_MS,
        updatedAt: now,
      };
      await repo.update(trx, id, changes);
      await this.core.audit.record(trx, caller, {
        type: 'webhook.secret_rotated',
        target: { type: 'webhook_endpoint', id },
        data: { previousSecretExpiresAt: new Date(changes.previousSecretExpiresAt).toISOString() },
      });
      return { ...current, ...changes };
    });
    return { ...toEndpointView(row, now), secret };
  }

  /** The URL as given when the outbound guard accepts it; else 400 naming the reason. */
  private async checkUrl(url: string): Promise<string> {
    try {
      await checkOutboundUrl(url, outboundPolicy(this.core.config));
    } catch (error) {
      if (error instanceof OutboundRefused) {
        throw invalidRequest(`The webhook URL is refused (${error.reason}).`, [
          { path: '/url', message: `refused: ${error.reason}` },
        ]);
      }
      throw error;
    }
    return url;
  }
}

/** The event types, each known, without repeats; else 400 listing the valid ones. */
function checkEvents(events: string[]): string[] {
  const known: readonly string[] = WEBHOOK_EVENT_TYPES;
  const unknown = events.filter((e) => !known.includes(e));
  if (unknown.length > 0) {
    throw invalidRequest(
      `Unknown event type ${unknown.map((e) => `"${e}"`).join(', ')}. Valid types: ${known.join(', ')}.`,
      unknown.map((e) => ({ path: '/events', message: `unknown event type "${e}"; valid: ${known.join(', ')}` })),
    );
  }
  return [...new Set(events)];
}
