import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.js';
import { createStorage, type Storage } from './storage/database.js';
import { createLogger } from './http/logger.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerAuthentication } from './http/authenticate.js';
import { registerOpenAPI } from './http/openapi.js';
import { registerHealth } from './http/health.js';
import { ErrorBody } from './http/schemas.js';
import { AuditLog } from './audit/audit-log.js';
import { createInvalidationBus } from './events/index.js';
import type { InvalidationBus } from './events/invalidation-bus.js';
import { systemClock, type Clock, type CoreDeps, type DomainModule } from './deps.js';
import { loadInstanceSecrets, type InstanceSecrets } from './security/instance-secrets.js';
import { createAccountsModule } from './accounts/module.js';
import { createKeysModule } from './keys/module.js';
import { createSupportModule } from './support/module.js';
import { auditRoutes } from './audit/routes.js';
import { registerWebApp } from './web/plugin.js';
import { createRateLimiter, limiterNamespace } from './ratelimit/index.js';
import type { RateLimiter, RateRule, RuleName } from './ratelimit/rate-limiter.js';

export const VERSION: string = (
  JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

declare module 'fastify' {
  interface FastifyInstance {
    woes: WoesCore;
  }
}

export interface WoesCore extends CoreDeps {
  readonly secrets: InstanceSecrets;
  readonly modules: readonly DomainModule[];
}

/** Everything a test or a tool may substitute; anything left out is built from the config. */
export interface AppDeps {
  storage?: Storage;
  clock?: Clock;
  bus?: InvalidationBus;
  limiter?: RateLimiter;
  /** Other numbers for SPEC §5's limits (tests shrink quotas and windows this way). */
  rateRules?: Partial<Record<RuleName, RateRule>>;
  logger?: Logger;
  /** Where log lines go when no logger is given (tests capture them to search for secrets). */
  logStream?: DestinationStream;
}

export const BODY_LIMIT = 1024 * 1024;

/** The storage a config asks for: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
export function storageFor(config: Config): Storage {
  return createStorage({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'woes.db') });
}

/** Builds the whole application; no side effects beyond opening its own connections. */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const logger =
    deps.logger ?? createLogger({ level: config.logLevel, destination: deps.logStream ?? config.logDestination });
  const ownsStorage = deps.storage === undefined;
  const storage = deps.storage ?? storageFor(config);
  await storage.migrate();
  const clock = deps.clock ?? systemClock;
  const bus = deps.bus ?? createInvalidationBus(config, storage, logger);
  const core: CoreDeps = {
    config,
    storage,
    db: storage.db,
    logger,
    clock,
    bus,
    audit: new AuditLog(() => clock.now()),
    limiter:
      deps.limiter ??
      createRateLimiter(config, { now: () => clock.now(), logger, namespace: limiterNamespace(storage), rules: deps.rateRules }),
  };
  const modules: DomainModule[] = [createAccountsModule(core), createKeysModule(core), createSupportModule(core)];

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
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }) as unknown as FastifyInstance;

  app.decorate('woes', { ...core, secrets: loadInstanceSecrets(config), modules });
  app.addSchema(ErrorBody);
  // JSON only: a text body is a 415, not a string that slips past the schema.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onRequest', async function echoCorrelationId(request, reply) {
    reply.header('x-correlation-id', request.id);
  });
  app.addHook('onResponse', async function logRequest(request, reply) {
    request.log.info({ req: request, statusCode: reply.statusCode, responseTime: reply.elapsedTime }, 'request completed');
  });
  registerErrorHandling(app);
  await registerOpenAPI(app, VERSION);
  registerAuthentication(app, {
    apiKeys: modules.find((m) => m.apiKeyVerifier)?.apiKeyVerifier ?? null,
    sessions: modules.find((m) => m.sessionVerifier)?.sessionVerifier ?? null,
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
  await registerWebApp(app, config);

  app.addHook('onReady', async function startModules() {
    await bus.start();
    await core.limiter.start?.();
    for (const module of modules) await module.start?.();
  });
  app.addHook('onClose', async function closeModules() {
    // Flush buffers (key usage) before the database goes away.
    for (const module of modules) await module.close?.();
    await bus.close();
    await core.limiter.close();
    if (ownsStorage) await storage.destroy();
    logger.flush();
  });
  return app;
}

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** Echo the caller's x-correlation-id when it is safe to log and return; otherwise make one. */
function correlationId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-correlation-id'];
  if (typeof given === 'string' && SAFE_CORRELATION_ID.test(given)) return given;
  return `req_${crypto.randomUUID().replace(/-/g, '')}`;
}
