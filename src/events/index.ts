import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Storage } from '../storage/database.js';
import type { Logger } from 'pino';
import type { InvalidationBus } from './invalidation-bus.js';
import { RedisBus } from './redis-bus.js';
import { PgNotifyBus } from './pg-notify-bus.js';
import { PollBus } from './poll-bus.js';

/**
 * Picks the invalidation transport for the mode, once: Redis pub/sub when REDIS_URL is set,
 * PostgreSQL LISTEN/NOTIFY on PostgreSQL without Redis, the polled log in embedded mode.
 */
export function createInvalidationBus(config: Config, storage: Storage, logger: Logger): InvalidationBus {
  if (config.redisUrl) return new RedisBus(config.redisUrl, redisChannel(storage), logger);
  if (storage.dialect === 'postgres') return new PgNotifyBus(storage.db, storage.location, notifyChannel(storage), logger);
  return new PollBus(storage.db, config.invalidationPollMs, logger);
}

/**
 * One channel per database, so processes on different databases (or test schemas) never
 * drop each other's caches. PostgreSQL instances may name the server differently in
 * DATABASE_URL, so only the schema tells them apart there.
 */
function redisChannel(storage: Storage): string {
  if (storage.dialect === 'postgres') return `woes:invalidations${storage.schema ? `:${storage.schema}` : ''}`;
  return `woes:invalidations:${createHash('sha256').update(storage.location).digest('hex').slice(0, 16)}`;
}

function notifyChannel(storage: Storage): string {
  return `woes_invalidations${storage.schema ? `_${storage.schema}` : ''}`.slice(0, 63);
}
