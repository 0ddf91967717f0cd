import type { CoreDeps, DomainModule } from '../deps.js';
import type { UsageBuffer } from './usage-buffer.js';
import { KeyVerifier } from './verifier.js';
import type { KeysService } from './keys-service.js';
import { keyRoutes } from './routes.js';
import { widgetKeyRoutes } from './widget-key-routes.js';
import { meRoutes } from './me-routes.js';
import { MeService } from './me-service.js';
import { refusedCredential } from '../http/principal.js';
import { WIDGET_KEY_PREFIX } from './key-format.js';
import { governanceRoutes } from './governance-routes.js';
import { KeyGovernanceJob } from './governance-job.js';
import { LeakReports } from './leak-report.js';
import type { KeyMailer } from './governance-emails.js';

// Widget keys are public: claimed here only so the hook can refuse them by name on the REST API.
const widgetKeyOnRESTAPI = refusedCredential(
  'widget_key',
  (token) => token.startsWith(WIDGET_KEY_PREFIX),
  'A widget key is not an API credential; use a server API key (woesk_…).',
);

export interface KeysModuleDeps {
  readonly usage: UsageBuffer;
  readonly service: KeysService;
  /** Email to workspace owners (leaked keys, expiring keys); built by the composition root. */
  readonly mailer: KeyMailer;
}

/**
 * The keys domain: server API keys (issue, verify, roll, revoke, usage), widget keys and
 * GET /me. The verifier is the authentication hook's API-key backend.
 */
export function createKeysModule(
  core: CoreDeps,
  deps: KeysModuleDeps,
): DomainModule & { readonly governance: KeyGovernanceJob } {
  // The usage buffer and the service come from the composition root (src/core.ts), shared with the CLI.
  const { usage, service } = deps;
  const verifier = new KeyVerifier(core, usage);
  const me = new MeService(core.db);
  const governance = new KeyGovernanceJob(core, deps.mailer, () => usage.flush());
  const leaks = new LeakReports(core, deps.mailer);
  let unsubscribe: (() => void) | null = core.bus.subscribe((invalidation) => verifier.invalidate(invalidation));
  return {
    name: 'keys',
    credentials: [verifier, widgetKeyOnRESTAPI],
    governance,
    async routes(app) {
      await keyRoutes(app, service);
      await widgetKeyRoutes(app, service);
      await meRoutes(app, me);
      await governanceRoutes(app, core, leaks);
    },
    async start() {
      usage.start();
      governance.start(core.config.keyJobIntervalMs);
    },
    async close() {
      unsubscribe?.();
      unsubscribe = null;
      await governance.close();
      await usage.close();
      await deps.mailer.close();
    },
  };
}
