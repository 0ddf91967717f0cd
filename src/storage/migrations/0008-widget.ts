import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/** Tables of the widget domain (see src/widget/tables.ts) and the mobile flag on widget keys. */
export const widgetMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    // A key for mobile apps (no Origin header) must come with identity verification.
    await db.schema
      .alterTable('widget_keys')
      .addColumn('mobile', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('widget_settings')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
      .addColumn('identity_secret_sealed', 'text')
      .addColumn('identity_secret_start', 'text')
      .addColumn('identity_secret_created_at', TIME)
      .addColumn('require_verification', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('widget_conversations')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('widget_key_id', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('secret_rotated_at', TIME)
      .execute();
    await db.schema
      .createIndex('widget_conversations_customer')
      .on('widget_conversations')
      .columns(['workspace_id', 'customer_id', 'conversation_id'])
      .execute();
  },
});
