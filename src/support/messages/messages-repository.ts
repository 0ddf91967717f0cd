import { sql, type Selectable } from 'kysely';
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
    return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  },

  /**
   * Counts the message on its conversation (and reopens a closed one for a customer message)
   * in the same transaction as the insert; false when the conversation is not in the workspace.
   */
  async touchConversation(db: Executor, workspaceId: string, conversationId: string, now: number, reopen: boolean): Promise<boolean> {
    const result = await db
      .updateTable('conversations')
      .set((eb) => ({
        messageCount: eb('messageCount', '+', 1),
        lastMessageAt: now,
        updatedAt: now,
        ...(reopen ? { status: sql<string>`case when status = 'closed' then 'open' else status end` } : {}),
      }))
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', conversationId)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async insert(db: Executor, row: MessageRow): Promise<void> {
    await db.insertInto('messages').values(row).execute();
  },
};
