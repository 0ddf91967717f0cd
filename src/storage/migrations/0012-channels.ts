import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/** Tables of the channels domain (see src/channels/tables.ts): channels, replay receipts, email threads. */
export const channelsMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createTable('channels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('previous_secret_sealed', 'text')
      .addColumn('previous_secret_expires_at', TIME)
      .addColumn('created_by_type', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addColumn('deleted_at', TIME)
      .execute();
    await db.schema.createIndex('channels_workspace').on('channels').columns(['workspace_id', 'id']).execute();

    // One row per processed webhook-id and channel: the primary key is the replay guard.
    await db.schema
      .createTable('inbound_receipts')
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('created_conversation', 'integer', (c) => c.notNull())
      .addColumn('received_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('inbound_receipts_pk', ['channel_id', 'webhook_id'])
      .execute();
    await db.schema
      .createIndex('inbound_receipts_received')
      .on('inbound_receipts')
      .columns(['channel_id', 'received_at'])
      .execute();

    // The Message-ID of every inbound email: how a later reply finds its conversation.
    await db.schema
      .createTable('inbound_email_threads')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('email_message_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('inbound_email_threads_pk', ['workspace_id', 'email_message_id'])
      .execute();
  },
});
