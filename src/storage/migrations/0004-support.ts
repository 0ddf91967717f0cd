import { TIME, addSequence, sql, type AnyDB, type Dialect, type MigrationFactory } from './helpers.js';

/** Tables of the support domain (see src/support/tables.ts). */
export const supportMigration: MigrationFactory = (dialect) => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('external_id', 'text')
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('company', 'text')
      .addColumn('deleted_at', TIME)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
    // NULLs are distinct on both dialects: only customers with an externalId compete for it.
    await db.schema
      .createIndex('customers_external')
      .unique()
      .on('customers')
      .columns(['workspace_id', 'external_id'])
      .execute();
    await db.schema.createIndex('customers_workspace').on('customers').columns(['workspace_id', 'id']).execute();
    await db.schema.createIndex('customers_email').on('customers').columns(['workspace_id', 'email']).execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('external_id', 'text')
      .addColumn('subject', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
      .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_message_at', TIME)
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('conversations_external')
      .unique()
      .on('conversations')
      .columns(['workspace_id', 'external_id'])
      .execute();
    await db.schema
      .createIndex('conversations_workspace')
      .on('conversations')
      .columns(['workspace_id', 'id'])
      .execute();
    await db.schema
      .createIndex('conversations_status')
      .on('conversations')
      .columns(['workspace_id', 'status', 'id'])
      .execute();
    await db.schema
      .createIndex('conversations_customer')
      .on('conversations')
      .columns(['workspace_id', 'customer_id', 'id'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author_type', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'id']).execute();

    await addSequence(db.schema.createTable('kb_articles'), 'seq', dialect)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('published', 'integer', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kb_articles_workspace').on('kb_articles').columns(['workspace_id', 'id']).execute();
    await createSearchIndex(db, dialect);

    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('instructions', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addColumn('updated_at', TIME, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agents_workspace').on('agents').columns(['workspace_id', 'id']).execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('credential', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer', (c) => c.notNull())
      .addColumn('response_body', 'text', (c) => c.notNull())
      .addColumn('created_at', TIME, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'credential', 'idempotency_key'])
      .execute();
    await db.schema
      .createIndex('idempotency_keys_age')
      .on('idempotency_keys')
      .columns(['workspace_id', 'created_at'])
      .execute();
  },
});

/**
 * Full-text search over articles. SQLite: an FTS5 external-content table kept in step by
 * triggers (the workspace id is an indexed column so a search never walks other tenants'
 * postings). PostgreSQL: a generated, weighted tsvector with a GIN index.
 */
async function createSearchIndex(db: AnyDB, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create virtual table kb_articles_fts using fts5(
      workspace_id, title, body, tags,
      content='kb_articles', content_rowid='seq', tokenize='porter unicode61'
    )`.execute(db);
    await sql`create trigger kb_articles_ai after insert on kb_articles begin
      insert into kb_articles_fts(rowid, workspace_id, title, body, tags)
      values (new.seq, new.workspace_id, new.title, new.body, new.tags);
    end`.execute(db);
    await sql`create trigger kb_articles_ad after delete on kb_articles begin
      insert into kb_articles_fts(kb_articles_fts, rowid, workspace_id, title, body, tags)
      values ('delete', old.seq, old.workspace_id, old.title, old.body, old.tags);
    end`.execute(db);
    await sql`create trigger kb_articles_au after update on kb_articles begin
      insert into kb_articles_fts(kb_articles_fts, rowid, workspace_id, title, body, tags)
      values ('delete', old.seq, old.workspace_id, old.title, old.body, old.tags);
      insert into kb_articles_fts(rowid, workspace_id, title, body, tags)
      values (new.seq, new.workspace_id, new.title, new.body, new.tags);
    end`.execute(db);
    return;
  }
  await sql`alter table kb_articles add column search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', tags), 'B') ||
    setweight(to_tsvector('english', body), 'C')
  ) stored`.execute(db);
  await sql`create index kb_articles_search on kb_articles using gin (search)`.execute(db);
}
