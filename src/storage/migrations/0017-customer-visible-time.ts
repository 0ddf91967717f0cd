import { sql, TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/**
 * The time a conversation last changed as its customer can see it (the portal's and the widget's
 * `updatedAt`): its creation, a message that is not an internal note, a change of status or
 * subject. `updated_at` moves for everything (notes, assignment) and stays the API's.
 * Existing rows: the later of the creation and the newest non-note message; earlier status or
 * subject changes are not recorded anywhere, so they do not count.
 */
export const customerVisibleTimeMigration: MigrationFactory = (dialect) => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .alterTable('conversations')
      .addColumn('customer_updated_at', TIME, (c) => c.notNull().defaultTo(0))
      .execute();
    const later = dialect === 'postgres' ? sql`greatest` : sql`max`;
    await sql`UPDATE conversations SET customer_updated_at = ${later}(created_at, coalesce((
        SELECT max(m.created_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.workspace_id = conversations.workspace_id AND m.role <> 'note'
      ), 0))`.execute(db);
  },
  async down(db: AnyDB): Promise<void> {
    await db.schema.alterTable('conversations').dropColumn('customer_updated_at').execute();
  },
});
