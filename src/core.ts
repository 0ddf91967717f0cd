import path from 'node:path';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.js';
import { createStorage, type Storage } from './storage/database.js';
import { createLogger } from './http/logger.js';
import { AuditLog } from './audit/audit-log.js';
import { createInvalidationBus } from './events/index.js';
import type { InvalidationBus } from './events/invalidation-bus.js';
import { systemClock, type Clock, type CoreDeps } from './deps.js';
import { createRateLimiter, limiterNamespace } from './ratelimit/index.js';
import type { RateLimiter, RateRule, RuleName } from './ratelimit/rate-limiter.js';
import { UsageBuffer } from './keys/usage-buffer.js';
import { KeysService } from './keys/keys-service.js';
import { OperatorWorkspaces } from './accounts/index.js';
import { OperatorKeys } from './keys/operator-keys.js';
import type { OutboundPolicy } from './net/outbound.js';

/** Everything a test or a tool may substitute; anything left out is built from the config. */
export interface CoreOptions {
  storage?: Storage;
  clock?: Clock;
  bus?: InvalidationBus;
  limiter?: RateLimiter;
  /** Other numbers for SPEC §5's limits (tests shrink quotas and windows this way). */
  rateRules?: Partial<Record<RuleName, RateRule>>;
  logger?: Logger;
  /** Where log lines go when no logger is given (tests capture them to search for secrets). */
  logStream?: DestinationStream;
  /** The outbound guard's policy for API test runs (tests add a DNS hook); default from the config. */
  outboundPolicy?: OutboundPolicy;
}

/** The services the server's modules and the CLI's commands share. */
export interface CoreServices {
  readonly keyUsage: UsageBuffer;
  readonly keys: KeysService;
  readonly operatorKeys: OperatorKeys;
  readonly operatorWorkspaces: OperatorWorkspaces;
}

export interface Core extends CoreDeps {
  readonly services: CoreServices;
  /** Starts listening to other processes (the server; a CLI command only publishes). */
  start(): Promise<void>;
  /** Stops the bus and the limiter and closes the storage it opened. */
  close(): Promise<void>;
}

/** The storage a config asks for: PostgreSQL when DATABASE_URL is set, else SQLite in the data dir. */
export function storageFor(config: Config): Storage {
  return createStorage({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'woes.db'),
    timeoutMs: config.dbTimeoutMs,
    poolSize: config.dbPoolSize,
  });
}

/**
 * The composition root: storage (migrated), clock, logger, invalidation bus, audit log, rate
 * limiter and the shared services, each chosen once from the config. `buildApp` and every CLI
 * command start here, so both write the same audit events and publish the same invalidations.
 */
export async function createCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, destination: options.logStream ?? config.logDestination });
  const ownsStorage = options.storage === undefined;
  const storage = options.storage ?? storageFor(config);
  await storage.migrate();
  const clock = options.clock ?? systemClock;
  const bus = options.bus ?? createInvalidationBus(config, storage, logger);
  const deps: CoreDeps = {
    config,
    storage,
    db: storage.db,
    logger,
    clock,
    bus,
    audit: new AuditLog(() => clock.now()),
    limiter:
      options.limiter ??
      createRateLimiter(config, {
        now: () => clock.now(),
        logger,
        namespace: limiterNamespace(storage),
        rules: options.rateRules,
      }),
  };
  const keyUsage = new UsageBuffer(deps.db, logger, config.usageFlushMs);
  const services: CoreServices = {
    keyUsage,
    keys: new KeysService(deps, keyUsage),
    operatorKeys: new OperatorKeys(deps, keyUsage),
    operatorWorkspaces: new OperatorWorkspaces(deps),
  };
  return {
    ...deps,
    services,
    async start() {
      await bus.start();
      await deps.limiter.start?.();
    },
    async close() {
      await keyUsage.close();
      await bus.close();
      await deps.limiter.close();
      if (ownsStorage) await storage.destroy();
      logger.flush();
    },
  };
}
