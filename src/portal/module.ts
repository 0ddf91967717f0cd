import type { CoreDeps, DomainModule } from '../deps.js';
import { refusedCredential } from '../http/principal.js';
import { looksLikePortalSession } from './portal-tokens.js';
import { continuePageRoutes } from './continue-page.js';
import { PortalService, type PortalMailer } from './portal-service.js';
import { portalRoutes } from './routes.js';
import { portalSettingsRoutes } from './settings-routes.js';
import type { PortalSupport } from './support-adapter.js';
import { expiredCredentialsSweep } from '../jobs/sweep-job.js';

export interface PortalModule extends DomainModule {
  readonly service: PortalService;
}

/** The customer portal (SPEC §7): magic links, portal sessions, the customer's own conversations. */
export function createPortalModule(
  core: CoreDeps,
  options: { mailer: PortalMailer & { close(): Promise<void> }; support: PortalSupport },
): PortalModule {
  const service = new PortalService(core, options.mailer, options.support);
  return {
    name: 'portal',
    service,
    // Ending a portal session expires it (portalRepository.endSession).
    sweeps: [
      expiredCredentialsSweep('portal sign-in links', 'portalLinks', core.storage.dialect),
      expiredCredentialsSweep('portal sessions', 'portalSessions', core.storage.dialect),
    ],
    // Claimed by the REST hook only to be refused by name: a portal session opens /api/v1/portal/… alone.
    credentials: [
      refusedCredential(
        'portal_session',
        looksLikePortalSession,
        'A portal session (woesps_…) works only on the /api/v1/portal/ endpoints.',
      ),
    ],
    async routes(app) {
      await portalRoutes(app, service, core.limiter, core.config.publicUrl);
      await portalSettingsRoutes(app, core);
    },
    async rootRoutes(app) {
      await continuePageRoutes(app, service, core.limiter, core.config.publicUrl);
    },
    async close() {
      await service.idle();
      await options.mailer.close();
    },
  };
}
