import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/** Tables of the customer portal (see src/portal/tables.ts). */
export const portalMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createTable('portal_settings')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('display_name', 'text')
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('portal_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('used_at', TIME)
      .execute();

    await db.schema
      .createTable('portal_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('expires_at', TIME, (c) => c.notNull())
      .addColumn('absolute_expires_at', TIME, (c) => c.notNull())
      .addColumn('ended_at', TIME)
      .execute();
    await db.schema.createIndex('portal_sessions_customer').on('portal_sessions').columns(['customer_id']).execute();
  },
});
