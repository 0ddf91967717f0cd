import type { CoreDeps } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { webhookOutbox } from '../events/webhook-outbox.js';
import { scopesToReceive } from '../events/webhook-events.js';
import { assertWithinScopes } from '../keys/policy.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { toPage, type Page, type PageRequest } from '../storage/pagination.js';
import type { DeliveryAttempt } from './attempt.js';
import { deliveryRepository as repo, type DeliveryWithType } from './delivery-repository.js';
import { LEASE_MS, newDelivery } from './delivery-worker.js';
import type { EndpointsService } from './endpoints-service.js';
import type { WebhookDeliveryDetail, WebhookDeliveryView } from './schemas.js';
import { toDeliveryDetail, toDeliveryView } from './views.js';

/** An endpoint's deliveries: listed with their attempts, retried by hand, and the `ping` test. */
export class DeliveriesService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'storage'>,
    private readonly endpoints: EndpointsService,
    private readonly attempt: DeliveryAttempt,
  ) {}

  async list(caller: WorkspaceCaller, endpointId: string, page: PageRequest): Promise<Page<WebhookDeliveryView>> {
    await this.endpoints.find(caller, endpointId);
    return toPage(await repo.list(this.core.db, endpointId, page), page.limit, toDeliveryView);
  }

  async get(caller: WorkspaceCaller, endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
    await this.endpoints.find(caller, endpointId);
    return this.detail(await this.find(endpointId, deliveryId));
  }

  /** Queues a finished delivery for one more attempt now; 409 while it is still pending. */
  async retry(caller: WorkspaceCaller, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    await this.endpoints.find(caller, endpointId);
    const row = await this.find(endpointId, deliveryId);
    // A retry sends the event's data again, to wherever the endpoint points now.
    assertWithinScopes(caller.principal, scopesToReceive([row.eventType]));
    if (row.status === 'pending')
      throw conflict('The delivery is still pending: it is retried on its schedule.', row.id);
    // The event is locked first, so the sweep cannot delete it (and this delivery) under the retry.
    const outcome = await this.core.db.transaction().execute(async (trx) => {
      if (!(await repo.lockEvent(trx, this.core.storage.dialect, row.eventId))) return 'gone';
      return (await repo.requeue(trx, row, this.core.clock.now())) ? 'requeued' : 'pending';
    });
    if (outcome === 'gone') throw notFound('webhook delivery');
    if (outcome === 'pending') {
      throw conflict('The delivery is still pending: it is retried on its schedule.', row.id);
    }
    return toDeliveryView(await this.find(endpointId, deliveryId));
  }

  /** Sends a `ping` event to the endpoint now (one attempt, whatever its status) and returns the outcome. */
  async ping(caller: WorkspaceCaller, endpointId: string): Promise<WebhookDeliveryDetail> {
    const endpoint = await this.endpoints.find(caller, endpointId);
    const now = this.core.clock.now();
    // Created already leased, so the worker leaves it to this request.
    const delivery = await this.core.db.transaction().execute(async (trx) => {
      const eventId = await webhookOutbox.append(trx, {
        workspaceId: caller.workspaceId,
        type: 'ping',
        payload: { endpoint: { id: endpoint.id, url: endpoint.url } },
        now,
      });
      await repo.markDispatched(trx, [eventId], now);
      const row = newDelivery({ id: eventId, workspaceId: caller.workspaceId }, endpoint.id, now, now + LEASE_MS, 1);
      await repo.insert(trx, [row]);
      return row;
    });
    await this.attempt.run(delivery);
    return this.detail(await this.find(endpointId, delivery.id));
  }

  private async find(endpointId: string, deliveryId: string): Promise<DeliveryWithType> {
    const row = await repo.find(this.core.db, endpointId, deliveryId);
    if (!row) throw notFound('webhook delivery');
    return row;
  }

  private async detail(row: DeliveryWithType): Promise<WebhookDeliveryDetail> {
    return toDeliveryDetail(row, await repo.attempts(this.core.db, row.id));
  }
}
