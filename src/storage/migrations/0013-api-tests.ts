import { TIME, type AnyDB, type MigrationFactory } from './helpers.js';

/** API test credentials (the vault) and their guarded runs (see src/apitests/tables.ts). */
export const apiTestsMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createTable('api_test_credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('base_url', 'text', (c) => c.notNull())
      .addColumn('auth_type', 'text', (c) => c.notNull())
      .addColumn('header_name', 'text')
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .addColumn('last_used_at', TIME)
      .execute();
    await db.schema
      .createIndex('api_test_credentials_workspace')
      .on('api_test_credentials')
      .columns(['workspace_id', 'id'])
      .execute();

    // Runs outlive their credential (the history stays readable after a delete): no foreign key to it.
    await db.schema
      .createTable('api_test_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('credential_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('expect_status', 'integer')
      .addColumn('status', 'integer')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('response_headers', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text')
      .addColumn('truncated', 'integer', (c) => c.notNull())
      .addColumn('error_reason', 'text')
      .addColumn('error_message', 'text')
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('api_test_runs_workspace')
      .on('api_test_runs')
      .columns(['workspace_id', 'id'])
      .execute();
    await db.schema
      .createIndex('api_test_runs_credential')
      .on('api_test_runs')
      .columns(['workspace_id', 'credential_id', 'id'])
      .execute();
  },
});
