import type { AnyDB, MigrationFactory } from './helpers.js';

/**
 * Pruning old webhook events (src/webhooks/delivery-worker.ts) deletes their deliveries by
 * ON DELETE CASCADE, which looks deliveries up by event: without this index every deleted event
 * scanned the whole deliveries table (the unique key leads with the endpoint).
 */
export const webhookRetentionMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').columns(['event_id']).execute();
  },
});
