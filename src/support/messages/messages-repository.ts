import type { Selectable } from 'kysely';
import type { MessagesTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';
import { queryTemplate } from '../../storage/query-template.js';

export type MessageRow = Selectable<MessagesTable>;

interface ConversationRef {
  workspaceId: string;
  conversationId: string;
}

const touchQuery = queryTemplate('messages.touch_conversation', (db, p: ConversationRef & { now: number }) =>
  db
    .updateTable('conversations')
    .set((eb) => ({ messageCount: eb('messageCount', '+', 1), lastMessageAt: p.now, updatedAt: p.now }))
    .where('workspaceId', '=', p.workspaceId)
    .where('id', '=', p.conversationId)
    .returning('status'),
);

const reopenQuery = queryTemplate('messages.reopen_conversation', (db, p: ConversationRef) =>
  db
    .updateTable('conversations')
    .set({ status: 'open' })
    .where('workspaceId', '=', p.workspaceId)
    .where('id', '=', p.conversationId)
    .where('status', '=', 'closed')
    .returning('id'),
);

const insertQuery = queryTemplate('messages.insert', (db, p: MessageRow) =>
  db.insertInto('messages').values({
    id: p.id,
    workspaceId: p.workspaceId,
    conversationId: p.conversationId,
    role: p.role,
    body: p.body,
    authorType: p.authorType,
    authorId: p.authorId,
    createdAt: p.createdAt,
  }),
);

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
   * Counts the message on its conversation in the same transaction as the insert; returns the
   * conversation's status (undefined when it is not in the workspace). The update holds the
   * row until commit, so the status is the latest: a concurrent reopen has committed or waits.
   */
  async touchConversation(
    db: Executor,
    workspaceId: string,
    conversationId: string,
    now: number,
  ): Promise<string | undefined> {
    return (await touchQuery.first(db, { workspaceId, conversationId, now }))?.status;
  },

  /**
   * Reopens the conversation when it is closed; true when this statement did it. On PostgreSQL a
   * concurrent reopen holds the row until it commits, and then this one finds it open: one wins.
   */
  async reopenIfClosed(db: Executor, workspaceId: string, conversationId: string): Promise<boolean> {
    return (await reopenQuery.first(db, { workspaceId, conversationId })) !== undefined;
  },

  async insert(db: Executor, row: MessageRow): Promise<void> {
    await insertQuery.execute(db, row);
  },
};
