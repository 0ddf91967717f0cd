import { sql, type Selectable } from 'kysely';
import type { WebhookEventRow } from '../../events/webhook-outbox.js';
import type { MessagesTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';
import { queryTemplate } from '../../storage/query-template.js';

export type MessageRow = Selectable<MessagesTable>;

interface ConversationRef {
  workspaceId: string;
  conversationId: string;
}

/** An internal note is not a change the customer can see (`customerUpdatedAt`). */
const customerSeesAt = (role: string, now: number) =>
  sql<number>`case when ${role} = 'note' then customer_updated_at else ${now} end`;

const touchQuery = queryTemplate(
  'messages.touch_conversation',
  (db, p: ConversationRef & { now: number; role: string }) =>
    db
      .updateTable('conversations')
      .set((eb) => ({
        messageCount: eb('messageCount', '+', 1),
        lastMessageAt: p.now,
        updatedAt: p.now,
        customerUpdatedAt: customerSeesAt(p.role, p.now),
      }))
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

/**
 * PostgreSQL: the counting update, the message and its outbox event in one statement (one round
 * trip instead of three). The inserts select from the update's RETURNING, so nothing is written
 * when the conversation is not in the workspace; the update's row lock and status are as in
 * `touchQuery`. Columns are written in SQL (snake_case): this text bypasses the builder.
 *
 * `unlessReopening`: nor when the message would reopen the conversation (a customer's message on
 * a closed one), the one case that needs more statements. The condition is checked on the locked
 * row, so a statement that writes has no reopen to do: it can run alone, without a transaction.
 */
type AddWithEventParams = MessageRow & { eventId: string; eventType: string; eventPayload: string };

const addWithEventSql = (p: AddWithEventParams, unlessReopening: boolean) =>
  // The event's workspace and time are the message's (one source for both rows).
  sql<{ status: string }>`
    with touched as (
      update conversations
      set message_count = message_count + 1, last_message_at = ${p.createdAt}, updated_at = ${p.createdAt},
        customer_updated_at = ${customerSeesAt(p.role, p.createdAt)}
      where workspace_id = ${p.workspaceId} and id = ${p.conversationId}${
        unlessReopening ? sql` and not (${p.role} = 'user' and status = 'closed')` : sql``
      }
      returning status
    ), message as (
      insert into messages (id, workspace_id, conversation_id, role, body, author_type, author_id, created_at)
      select ${p.id}, ${p.workspaceId}, ${p.conversationId}, ${p.role}, ${p.body}, ${p.authorType}, ${p.authorId},
        cast(${p.createdAt} as bigint)
      from touched
    ), event as (
      insert into webhook_events (id, workspace_id, type, payload, created_at)
      select ${p.eventId}, ${p.workspaceId}, ${p.eventType}, ${p.eventPayload}, cast(${p.createdAt} as bigint)
      from touched
    )
    select status from touched`;

const addWithEventQuery = queryTemplate('messages.add_with_event', (_db, p: AddWithEventParams) =>
  addWithEventSql(p, false),
);
const addUnlessReopeningQuery = queryTemplate('messages.add_unless_reopening', (_db, p: AddWithEventParams) =>
  addWithEventSql(p, true),
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
    role: string,
  ): Promise<string | undefined> {
    return (await touchQuery.first(db, { workspaceId, conversationId, now, role }))?.status;
  },

  /**
   * Reopens the conversation when it is closed; true when this statement did it. On PostgreSQL a
   * concurrent reopen holds the row until it commits, and then this one finds it open: one wins.
   */
  async reopenIfClosed(db: Executor, workspaceId: string, conversationId: string): Promise<boolean> {
    return (await reopenQuery.first(db, { workspaceId, conversationId })) !== undefined;
  },

  /**
   * PostgreSQL only: `touchConversation`, `insert` and the outbox append of `event` (whose
   * workspace and time must be the message's) in one statement; the status as `touchConversation`.
   * With `unlessReopening`, undefined (and nothing written) also when the message would reopen it.
   */
  async addWithEvent(
    db: Executor,
    row: MessageRow,
    event: WebhookEventRow,
    { unlessReopening = false } = {},
  ): Promise<string | undefined> {
    if (event.workspaceId !== row.workspaceId || event.createdAt !== row.createdAt) {
      throw new Error('the event must be the message’s workspace and time');
    }
    const values = { ...row, eventId: event.id, eventType: event.type, eventPayload: event.payload };
    return (await (unlessReopening ? addUnlessReopeningQuery : addWithEventQuery).first(db, values))?.status;
  },

  async insert(db: Executor, row: MessageRow): Promise<void> {
    await insertQuery.execute(db, row);
  },
};
