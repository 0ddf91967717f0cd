import type { CoreDeps, DomainModule } from '../deps.js';
import { agedRowsSweep } from '../jobs/sweep-job.js';
import { IDEMPOTENCY_WINDOW_MS } from './idempotency/idempotency.js';
import { agentRoutes } from './agents/routes.js';
import { conversationRoutes } from './conversations/routes.js';
import { customerRoutes } from './customers/routes.js';
import { kbRoutes } from './kb/routes.js';
import { messageRoutes } from './messages/routes.js';
import { createSupportServices, type SupportServices } from './services.js';

/** The support domain: conversations, messages, customers, knowledge base and AI agents (SPEC §6). */
export function createSupportModule(
  core: CoreDeps,
  services: SupportServices = createSupportServices(core),
): DomainModule {
  return {
    name: 'support',
    // Stored responses past the window are never replayed (a repeat creates anew): a workspace
    // deletes its own when it stores the next, this sweep those of idle workspaces.
    sweeps: [
      agedRowsSweep(
        'idempotency keys',
        {
          table: 'idempotencyKeys',
          key: ['workspaceId', 'credential', 'idempotencyKey'],
          time: 'createdAt',
          keepMs: IDEMPOTENCY_WINDOW_MS,
        },
        core.storage.dialect,
      ),
    ],
    async routes(app) {
      await conversationRoutes(app, services);
      await messageRoutes(app, services);
      await customerRoutes(app, services);
      await kbRoutes(app, services);
      await agentRoutes(app, services);
    },
  };
}
