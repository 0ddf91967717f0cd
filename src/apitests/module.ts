import type { CoreDeps, DomainModule } from '../deps.js';
import { outboundPolicy, type OutboundPolicy } from '../net/outbound.js';
import type { MasterKeys } from '../security/sealed-secret.js';
import { apiTestCredentialRoutes } from './credential-routes.js';
import { ApiTestCredentialsService } from './credentials-service.js';
import { apiTestRunRoutes } from './run-routes.js';
import { ApiTestRunsService } from './runs-service.js';

/**
 * API tests (SPEC §7): the vault of third-party credentials and the guarded runs made with them.
 * `policy` defaults to WOES_ALLOW_PRIVATE_WEBHOOKS; tests hand in one with a DNS hook.
 */
export function createApiTestsModule(
  core: CoreDeps,
  options: { masterKeys: MasterKeys; policy?: OutboundPolicy },
): DomainModule {
  const policy = options.policy ?? outboundPolicy(core.config);
  const credentials = new ApiTestCredentialsService(core, options.masterKeys, policy);
  const runs = new ApiTestRunsService(core, credentials, policy);
  return {
    name: 'apitests',
    async routes(app) {
      await apiTestCredentialRoutes(app, credentials);
      await apiTestRunRoutes(app, runs);
    },
  };
}
