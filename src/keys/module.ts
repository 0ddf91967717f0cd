import type { CoreDeps, DomainModule } from '../deps.js';
import { UsageBuffer } from './usage-buffer.js';
import { KeyVerifier } from './verifier.js';
import { KeysService } from './keys-service.js';
import { keyRoutes } from './routes.js';
import { widgetKeyRoutes } from './widget-key-routes.js';
import { meRoutes } from './me-routes.js';

/**
 * The keys domain: server API keys (issue, verify, roll, revoke, usage), widget keys and
 * GET /me. The verifier is the authentication hook's API-key backend.
 */
export function createKeysModule(core: CoreDeps): DomainModule {
  const usage = new UsageBuffer(core.db, core.logger, core.config.usageFlushMs);
  const verifier = new KeyVerifier(core, usage);
  const service = new KeysService(core, usage);
  let unsubscribe: (() => void) | null = core.bus.subscribe((invalidation) => verifier.invalidate(invalidation));
  return {
    name: 'keys',
    apiKeyVerifier: verifier,
    async routes(app) {
      await keyRoutes(app, service);
      await widgetKeyRoutes(app, service);
      await meRoutes(app, core);
    },
    async start() {
      usage.start();
    },
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      await usage.close();
    },
  };
}
