import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Storage, DB } from './storage/database.js';
import type { InvalidationBus } from './events/invalidation-bus.js';
import type { AuditLog } from './audit/audit-log.js';
import type { CredentialVerifier } from './http/principal.js';
import type { RateLimiter } from './ratelimit/rate-limiter.js';
import type { Sweep } from './jobs/sweep-job.js';

/** A clock the tests can move. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/**
 * What every domain module is handed: the backends chosen once in app.ts. No module
 * reaches for a global; two apps in one process (two "instances") share nothing by accident.
 */
export interface CoreDeps {
  readonly config: Config;
  readonly storage: Storage;
  readonly db: DB;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly bus: InvalidationBus;
  readonly audit: AuditLog;
  readonly limiter: RateLimiter;
}

/** A domain: its routes and what it contributes to the authentication hook. */
export interface DomainModule {
  readonly name: string;
  routes(app: FastifyInstance): Promise<void>;
  /** Routes outside the /api/v1 prefix (e.g. GET /.well-known/jwks.json). */
  rootRoutes?(app: FastifyInstance): Promise<void>;
  /** The credential kinds this domain verifies for the authentication hook. */
  readonly credentials?: readonly CredentialVerifier[];
  /** Rows this domain deletes once nothing can use them (run by the app's SweepJob). */
  readonly sweeps?: readonly Sweep[];
  /** Starts background work (flush timers, pollers) once the app is ready. */
  start?(): Promise<void>;
  /** Flushes buffers and stops timers on shutdown. */
  close?(): Promise<void>;
}
