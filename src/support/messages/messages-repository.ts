import type { Selectable } from 'kysely';
import type { MessagesTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';

export type MessageRow = Selectable<MessagesTable>;

/** The SQL of messages; every query is bounded by the workspace. */
export const messagesRepository = {
  async list(db: Executor, workspaceId: string, conversationId: string, page: PageRequest): Promise<MessageRow[]> {
    let query = db
      .selectFrom('messages')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  /**
   * Counts the message on its conversation in the same transaction as the insert; false when
   * the conversation is not in the workspace.
   */
  async touchConversation(db: Executor, workspaceId: string, conversationId: string, now: number): Promise<boolean> {
    const result = await db
      .updateTable('conversations')
      .set((eb) => ({ messageCount: eb('messageCount', '+', 1), lastMessageAt: now, updatedAt: now }))
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', conversationId)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  /**
   * Reopens the conversation when it is closed; true when this statement did it. On PostgreSQL a
   * concurrent reopen holds the row until it commits, and then this one finds it open: one wins.
   */
  async reopenIfClosed(db: Executor, workspaceId: string, conversationId: string): Promise<boolean> {
    const result = await db
      .updateTable('conversations')
      .set({ status: 'open' })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', conversationId)
      .where('status', '=', 'closed')
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async insert(db: Executor, row: MessageRow): Promise<void> {
    await db.insertInto('messages').values(row).execute();
  },
};
