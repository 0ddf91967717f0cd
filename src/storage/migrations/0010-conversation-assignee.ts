import type { AnyDB, MigrationFactory } from './helpers.js';

/** The Inbox's "Mine" view lists a workspace's conversations by assignee, newest first: one index serves it. */
export const conversationAssigneeMigration: MigrationFactory = () => ({
  async up(db: AnyDB): Promise<void> {
    await db.schema
      .createIndex('conversations_workspace_assignee')
      .on('conversations')
      .columns(['workspace_id', 'assignee_id', 'id'])
      .execute();
  },
  async down(db: AnyDB): Promise<void> {
    await db.schema.dropIndex('conversations_workspace_assignee').execute();
  },
});
