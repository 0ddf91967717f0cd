import pino from 'pino';
import type { Config } from '../config.js';
import { storageFor } from '../app.js';
import type { Storage } from '../storage/database.js';
import { createInvalidationBus } from '../events/index.js';
import type { InvalidationBus } from '../events/invalidation-bus.js';

/** Every command first brings the schema up to date (SPEC §8). */
export async function openStorage(config: Config): Promise<Storage> {
  const storage = storageFor(config);
  await storage.migrate();
  return storage;
}

/** The database plus a bus, so a change made here reaches running servers like one made by the API. */
export async function openWithBus(config: Config): Promise<{ storage: Storage; bus: InvalidationBus; close(): Promise<void> }> {
  const storage = await openStorage(config);
  const bus = createInvalidationBus(config, storage, pino({ level: 'silent' }));
  return {
    storage,
    bus,
    async close() {
      await bus.close();
      await storage.destroy();
    },
  };
}
