import type { AnyDB, MigrationFactory } from './helpers.js';

/**
 * Indexes for the sweeps (src/jobs/sweep-job.ts). Deleting old webhook events deletes their
 * deliveries by ON DELETE CASCADE, which looks deliveries up by event: without an index on it
 * every deleted event scanned the whole deliveries table (the unique key leads with the
 * endpoint). Dead credentials are found by their expiry.
 */
export const retentionMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').columns(['event_id']).execute();
    for (const table of ['refresh_tokens', 'link_tokens', 'portal_links', 'portal_sessions']) {
      await db.schema.createIndex(`${table}_expires`).on(table).columns(['expires_at']).execute();
    }
  },
});
