import type { MasterKeys } from '../security/sealed-secret.js';
import type { CoreDeps, DomainModule } from '../deps.js';
import { Mailer } from '../accounts/mail/mailer.js';
import { DeliveryAttempt } from './attempt.js';
import { DeliveriesService } from './deliveries-service.js';
import { webhookDeliveryRoutes } from './delivery-routes.js';
import { DeliveryWorker } from './delivery-worker.js';
import { EndpointsService } from './endpoints-service.js';
import { webhookEndpointRoutes } from './routes.js';
import { deliveryRepository } from './delivery-repository.js';
import { idTimeBound } from '../storage/ids.js';
import { DAY_MS } from '../jobs/sweep-job.js';

/**
 * Outbound webhooks (SPEC §7, issue #15): endpoints under /api/v1/webhooks, and the worker that
 * dispatches outbox events and delivers them, running in every instance.
 */
export function createWebhooksModule(
  core: CoreDeps,
  options: { masterKeys: MasterKeys; version: string },
): DomainModule {
  const mailer = new Mailer(core);
  const attempt = new DeliveryAttempt(core, {
    masterKeys: options.masterKeys,
    userAgent: `Woes-Webhooks/${options.version}`,
    retryScale: core.config.webhookRetryScale,
    mailer,
  });
  const endpoints = new EndpointsService(core, options.masterKeys);
  const deliveries = new DeliveriesService(core, endpoints, attempt);
  const worker = new DeliveryWorker(core, attempt);
  return {
    name: 'webhooks',
    sweeps: [
      {
        // Events older than the retention whose deliveries all ended, with those deliveries and attempts.
        name: 'webhook events',
        run: (db, now, limit) =>
          deliveryRepository.pruneEvents(
            db,
            core.storage.dialect,
            idTimeBound('evt', now - core.config.webhookRetentionDays * DAY_MS),
            limit,
          ),
      },
    ],
    async routes(app) {
      await webhookEndpointRoutes(app, endpoints);
      await webhookDeliveryRoutes(app, deliveries);
    },
    async start() {
      worker.start(core.config.webhookPollMs);
    },
    async close() {
      await worker.close();
      await mailer.close();
    },
  };
}
