import type { Config } from '../config.js';
import type { Storage } from '../storage/database.js';
import type { Logger } from 'pino';
import { InProcessBus, type InvalidationBus } from './invalidation-bus.js';

/**
 * Picks the invalidation transport for the mode, once: Redis pub/sub when REDIS_URL is set,
 * PostgreSQL LISTEN/NOTIFY on PostgreSQL without Redis, the polled log in embedded mode.
 */
export function createInvalidationBus(_config: Config, _storage: Storage, _logger: Logger): InvalidationBus {
  // Cross-process transports arrive with the API-key issue.
  return new InProcessBus();
}
