import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Storage } from '../storage/database.js';
import type { Logger } from 'pino';
import type { InvalidationBus } from './invalidation-bus.js';
import { LoggedBus } from './logged-bus.js';
import { RedisChannel } from './redis-channel.js';
import { PgNotifyChannel } from './pg-notify-channel.js';

/**
 * The invalidation log in every mode, with the mode's fast path picked once: Redis pub/sub
 * when REDIS_URL is set, PostgreSQL LISTEN/NOTIFY on PostgreSQL without Redis, none in
 * embedded mode (the log is polled).
 */
export function createInvalidationBus(config: Config, storage: Storage, logger: Logger): LoggedBus {
  const push = config.redisUrl
    ? new RedisChannel(config.redisUrl, redisChannel(storage), logger)
    : storage.dialect === 'postgres'
      ? new PgNotifyChannel(storage.db, storage.location, notifyChannel(storage), logger)
      : null;
  return new LoggedBus(storage.db, push, { pollMs: config.invalidationPollMs, logger });
}

export type { InvalidationBus };

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
