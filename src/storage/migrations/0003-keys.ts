import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/** Tables of the keys domain (see src/keys/tables.ts). */
export const keysMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('start', 'text', (c) => c.notNull())
      .addColumn('last4', 'text', (c) => c.notNull())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('created_by_type', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'text')
      .addColumn('expires_at', TIME)
      .addColumn('revoked_at', TIME)
      .addColumn('last_used_at', TIME)
      .addColumn('last_used_ip', 'text')
      .addColumn('last_used_user_agent', 'text')
      .addColumn('rolled_from', 'text')
      .addColumn('rolled_to', 'text')
      .addColumn('expired_use_audited_at', TIME)
      .execute();
    await db.schema.createIndex('api_keys_workspace').on('api_keys').columns(['workspace_id', 'id']).execute();

    await db.schema
      .createTable('key_usage_daily')
      .addColumn('key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('key_usage_daily_pk', ['key_id', 'day'])
      .execute();

    await db.schema
      .createTable('widget_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('start', 'text', (c) => c.notNull())
      .addColumn('last4', 'text', (c) => c.notNull())
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('created_by_type', 'text', (c) => c.notNull())
      .addColumn('created_by_id', 'text')
      .addColumn('revoked_at', TIME)
      .execute();
    await db.schema.createIndex('widget_keys_workspace').on('widget_keys').columns(['workspace_id', 'id']).execute();
  },
});
