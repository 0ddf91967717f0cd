import Fastify, { LogController, type FastifyInstance } from 'fastify';
import crypto from 'node:crypto';
import type { Config } from './config.js';
import { registerErrorHandling } from './http/error-handler.js';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerOpenAPI } from './http/openapi.js';
import { registerHealth } from './http/health.js';
import { logRequestCompleted } from './http/logger.js';
import { ErrorBody } from './http/schemas.js';
import { nullableAsTypeListSerializer } from './http/serializer.js';
import { finiteNumbersValidator } from './http/validator.js';
import { registerNulRefusal } from './http/nul-input.js';
import type { CoreDeps, DomainModule } from './deps.js';
import { createCore, storageFor, type CoreOptions } from './core.js';
import { loadInstanceSecrets, type InstanceSecrets } from './security/instance-secrets.js';
import { createAccountsModule } from './accounts/index.js';
import { createKeysModule } from './keys/module.js';
import { Mailer } from './accounts/mail/mailer.js';
import { createSupportModule } from './support/module.js';
import { createSupportServices } from './support/services.js';
import { createWidgetModule } from './widget/module.js';
import { widgetSupport } from './widget/support-adapter.js';
import { createPortalModule } from './portal/module.js';
import { portalSupport } from './portal/support-adapter.js';
import { createApiTestsModule } from './apitests/module.js';
import { createChannelsModule } from './channels/module.js';
import { channelSupport } from './channels/support-adapter.js';
import { auditRoutes } from './audit/routes.js';
import { createWebhooksModule } from './webhooks/module.js';
import { registerWebApp } from './web-app/plugin.js';
import { VERSION } from './version.js';
import { SweepJob } from './jobs/sweep-job.js';

export { VERSION };

declare module 'fastify' {
  interface FastifyInstance {
    woes: WoesCore;
  }
}

export interface WoesCore extends CoreDeps {
  readonly secrets: InstanceSecrets;
  readonly modules: readonly DomainModule[];
  /** Deletes every domain's dead rows (expired credentials, old webhook events) every 10 minutes. */
  readonly sweeper: SweepJob;
}

/** Everything a test or a tool may substitute; anything left out is built from the config. */
export type AppDeps = CoreOptions;

export const BODY_LIMIT = 1024 * 1024;

export { storageFor };

/** Builds the whole application; no side effects beyond opening its own connections. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const core = await createCore(config, deps);
  const { logger, storage } = core;
  const secrets = loadInstanceSecrets(config);
  const support = createSupportServices(core);
  const accounts = createAccountsModule(core);
  const modules: DomainModule[] = [
    accounts,
    createKeysModule(core, { usage: core.services.keyUsage, service: core.services.keys, mailer: new Mailer(core) }),
    createSupportModule(core, support),
    createWidgetModule(core, { masterKeys: secrets.masterKeys, support: widgetSupport(support) }),
    createPortalModule(core, { mailer: new Mailer(core), support: portalSupport(support, core.db) }),
    createWebhooksModule(core, { masterKeys: secrets.masterKeys, version: VERSION }),
    createApiTestsModule(core, { masterKeys: secrets.masterKeys, policy: deps.outboundPolicy }),
    createChannelsModule(core, { masterKeys: secrets.masterKeys, support: channelSupport(support, storage.dialect) }),
  ];

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // One log line per request (written on response) instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    genReqId: correlationId,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // A whole request (headers and body) must arrive within WOES_REQUEST_TIMEOUT_MS, or it is
    // answered 408 and its connection closed: a client sending its body a byte at a time cannot
    // hold a connection (Fastify's default, 0, switches off even Node's own limit). Node looks
    // at the open connections every second for it.
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: Math.min(60_000, config.requestTimeoutMs), connectionsCheckingInterval: 1000 },
    frameworkErrors,
    clientErrorHandler: clientErrorHandler(logger),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    // Response serializers see nullable unions as type lists (src/http/serializer.ts); request
    // validators refuse a non-finite number, e.g. ?limit=Infinity (src/http/validator.ts).
    schemaController: {
      compilersFactory: { buildSerializer: nullableAsTypeListSerializer(), buildValidator: finiteNumbersValidator() },
    },
  }) as unknown as FastifyInstance;

  const sweeper = new SweepJob(
    core,
    modules.flatMap((m) => m.sweeps ?? []),
  );
  app.decorate('woes', { ...core, secrets, modules, sweeper });
  app.addSchema(ErrorBody);
  // JSON only: a text body is a 415, not a string that slips past the schema.
  app.removeContentTypeParser(['text/plain']);
  // Text holding U+0000 is a 400 before any handler, on both databases (src/http/nul-input.ts).
  registerNulRefusal(app);
  // Callback hooks, not async ones: they run on every request, and an async hook costs a promise each.
  app.addHook('onRequest', function echoCorrelationId(request, reply, done) {
    // API answers are per caller and often carry secrets: no browser or proxy may keep them (SPEC §9).
    reply.header('x-correlation-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
  app.addHook('onResponse', function logRequest(request, reply, done) {
    logRequestCompleted(request, reply.statusCode, reply.elapsedTime);
    done();
  });
  registerErrorHandling(app);
  await registerOpenAPI(app, VERSION, config.publicUrl.startsWith('https:'));
  registerAuthentication(app, {
    verifiers: modules.flatMap((m) => m.credentials ?? []),
    limiter: core.limiter,
  });
  await registerHealth(app, { storage, version: VERSION, redisStatus: () => core.limiter.backendStatus() });
  for (const module of modules) await module.rootRoutes?.(app);
  await app.register(
    async function apiV1(api) {
      await auditRoutes(api, core);
      for (const module of modules) await module.routes(api);
    },
    { prefix: '/api/v1' },
  );
  await registerWebApp(app, config, { signUpsDone: () => accounts.registration.idle() });

  app.addHook('onReady', async function startModules() {
    await core.start();
    for (const module of modules) await module.start?.();
    sweeper.start();
  });
  app.addHook('onClose', async function closeModules() {
    // Flush buffers (key usage) before the database goes away.
    await sweeper.close();
    for (const module of modules) await module.close?.();
    await core.close();
  });
  return app;
}

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Echo the caller's x-correlation-id when it is safe to log and return; otherwise make one. */
function correlationId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-correlation-id'];
  if (typeof given === 'string' && SAFE_CORRELATION_ID.test(given)) return given;
  requestCounter += 1;
  return `${REQUEST_ID_PREFIX}${requestCounter.toString(16).padStart(12, '0')}`;
}

/**
 * Made ids: 80 random bits per process, then a counter — unique across processes and restarts
 * like a UUID's 32 hex digits, at the cost of an integer increment instead of random bytes and a
 * regex per request (this runs on every request that brings no id of its own).
 */
const REQUEST_ID_PREFIX = `req_${crypto.randomBytes(10).toString('hex')}`;
let requestCounter = 0;
