import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/**
 * Key governance (issue #19): per-key IP allowlists, the idle-key `disabled` state, expiry
 * warnings, workspace key policies, and the webhook event outbox that issue #15 delivers from.
 */
export const keyGovernanceMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    for (const [column, type] of [
      ['allowed_ips', 'text'],
      ['disabled_at', TIME],
      ['enabled_at', TIME],
      ['expiry_warned_at', TIME],
      ['ip_denied_audited_at', TIME],
    ] as const) {
      await db.schema.alterTable('api_keys').addColumn(column, type).execute();
    }
    await db.schema.createIndex('api_keys_expires').on('api_keys').column('expires_at').execute();

    await db.schema
      .createTable('key_policies')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
      .addColumn('max_lifetime_days', 'integer')
      .addColumn('require_expiry', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disable_unused_days', 'integer')
      .addColumn('warn_before_expiry', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_events_workspace')
      .on('webhook_events')
      .columns(['workspace_id', 'id'])
      .execute();
  },
});
