import type { MasterKeys } from '../security/sealed-secret.js';
import type { CoreDeps, DomainModule } from '../deps.js';
import { ChannelsService } from './channels-service.js';
import { inboundRoutes } from './inbound-routes.js';
import { InboundService, RECEIPT_RETENTION_MS } from './inbound-service.js';
import { agedRowsSweep } from '../jobs/sweep-job.js';
import { inboundVerifier } from './inbound-verifier.js';
import { channelRoutes } from './routes.js';
import type { ChannelSupport } from './support-adapter.js';

/**
 * Channels (SPEC §7): named inbound sources with their own signing secret, and the signed
 * inbound webhook that turns a verified delivery into a customer message.
 */
export function createChannelsModule(
  core: CoreDeps,
  options: { masterKeys: MasterKeys; support: ChannelSupport },
): DomainModule {
  const service = new ChannelsService(core, options.masterKeys);
  const inbound = new InboundService(core, options.support);
  const verify = inboundVerifier(core, options.masterKeys);
  return {
    name: 'channels',
    // A receipt outlives the window in which its delivery's signature verifies: a channel
    // deletes its own when it receives the next, this sweep those of quiet channels.
    sweeps: [
      agedRowsSweep(
        'inbound receipts',
        {
          table: 'inboundReceipts',
          key: ['channelId', 'webhookId'],
          time: 'receivedAt',
          keepMs: RECEIPT_RETENTION_MS,
        },
        core.storage.dialect,
      ),
    ],
    async routes(app) {
      await channelRoutes(app, service);
      await inboundRoutes(app, core, verify, inbound);
    },
  };
}
