import type { CoreDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import { isId, newId } from '../../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import type { PrincipalActor, WorkspaceCaller } from '../../http/caller.js';
import { inTransaction, type Executor } from '../context.js';
import { conversationsRepository } from '../conversations/conversations-repository.js';
import { recordConversation } from '../conversations/conversations-service.js';
import { webhookOutbox } from '../../events/webhook-outbox.js';
import { messagesRepository as repo, type MessageRow } from './messages-repository.js';
import type { Static } from 'typebox';
import type { CreateMessageInput, Message, MessageRole } from './schemas.js';

export type MessageView = Static<typeof Message>;

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role as MessageRole,
    body: row.body,
    author: { type: row.authorType as PrincipalActor['type'], id: row.authorId },
    createdAt: isoTime(row.createdAt)!,
  };
}

/** Messages of a conversation, newest first; adding one updates the conversation's counters. */
export class MessagesService {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'storage'>) {}

  async list(caller: WorkspaceCaller, conversationId: string, page: PageRequest): Promise<Page<MessageView>> {
    if (!isId(conversationId, 'conv')) throw notFound('conversation');
    const rows = await repo.list(this.core.db, caller.workspaceId, conversationId, page);
    // Only an empty page needs to tell "no messages" from "no such conversation".
    if (
      rows.length === 0 &&
      !(await conversationsRepository.exists(this.core.db, caller.workspaceId, conversationId))
    ) {
      throw notFound('conversation');
    }
    return toPage(rows, page.limit, messageView);
  }

  async create(
    executor: Executor,
    caller: WorkspaceCaller,
    conversationId: string,
    input: CreateMessageInput,
  ): Promise<MessageView> {
    if (!isId(conversationId, 'conv')) throw notFound('conversation');
    const now = this.core.clock.now();
    const row: MessageRow = {
      id: newId('msg', now),
      workspaceId: caller.workspaceId,
      conversationId,
      role: input.role,
      body: input.body,
      authorType: caller.actor.type,
      authorId: caller.actor.id,
      createdAt: now,
    };
    const { workspaceId } = caller;
    const view = messageView(row);
    const postgres = this.core.storage.dialect === 'postgres';
    // Notes too: webhooks go to the workspace's own servers, which see everything the API shows.
    const event = { workspaceId, type: 'message.created' as const, payload: view, now };
    // Statements per message: PostgreSQL 1 (the counting update, the message and its
    // `message.created` event in one statement, which needs no transaction around it unless the
    // caller has one), SQLite 3 (the same three, each in-process, in a transaction). A customer
    // message on a closed conversation, which reopens it, takes the transaction below: the
    // reopen, a read of the conversation and its `conversation.updated` event (3 more).
    if (postgres && !executor.isTransaction) {
      const status = await repo.addWithEvent(executor, row, webhookOutbox.row(event), { unlessReopening: true });
      if (status !== undefined) return view;
      // Not written: no such conversation, or a reopen to do. The transaction tells which.
    }
    return inTransaction(executor, async (trx) => {
      let status: string | undefined;
      if (postgres) {
        status = await repo.addWithEvent(trx, row, webhookOutbox.row(event));
      } else {
        // Counting the message locks the conversation (SQLite: the database) and reads its status.
        status = await repo.touchConversation(trx, workspaceId, conversationId, now, input.role);
        if (status !== undefined) {
          await repo.insert(trx, row);
          await webhookOutbox.append(trx, event);
        }
      }
      if (status === undefined) throw notFound('conversation');
      // A customer writing again reopens a closed conversation (only then more statements).
      const reopened =
        input.role === 'user' && status === 'closed' && (await repo.reopenIfClosed(trx, workspaceId, conversationId));
      if (reopened) await recordConversation(trx, workspaceId, conversationId, 'conversation.updated', now);
      return view;
    });
  }
}
