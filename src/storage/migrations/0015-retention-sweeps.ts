import type { AnyDB, MigrationFactory } from './helpers.js';
import { sql } from './helpers.js';

/**
 * Indexes for the sweeps of agent sessions, invitations, idempotency keys and inbound receipts
 * (src/jobs/sweep-job.ts), each by the time that ends a row. The existing ones lead with the
 * workspace or the channel, so a sweep across all of them would scan the table.
 *
 * Ending a session now expires it too; sessions that ended before get the same expiry here, so
 * the sweep finds them by expiry alone (once, over the sessions table).
 */
export const retentionSweepsMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ expires_at: sql.ref('ended_at') })
      .where('ended_at', 'is not', null)
      .where('expires_at', '>', sql.ref('ended_at'))
      .execute();
    await db.schema.createIndex('sessions_expires').on('sessions').columns(['expires_at']).execute();
    await db.schema.createIndex('invites_expires').on('invites').columns(['expires_at']).execute();
    await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').columns(['created_at']).execute();
    await db.schema
      .createIndex('inbound_receipts_received_at')
      .on('inbound_receipts')
      .columns(['received_at'])
      .execute();
  },
});
