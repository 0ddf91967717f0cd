import type { CoreDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import { isId, newId } from '../../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import { inTransaction, type Author, type Caller, type Executor } from '../context.js';
import { conversationsRepository } from '../conversations/conversations-repository.js';
import { messagesRepository as repo, type MessageRow } from './messages-repository.js';
import type { CreateMessageInput, MessageRole } from './schemas.js';

export interface MessageView {
  id: string;
  conversationId: string;
  role: MessageRole;
  body: string;
  author: Author;
  createdAt: string;
}

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    role: row.role as MessageRole,
    body: row.body,
    author: { type: row.authorType as Author['type'], id: row.authorId },
    createdAt: isoTime(row.createdAt)!,
  };
}

/** Messages of a conversation, newest first; adding one updates the conversation's counters. */
export class MessagesService {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock'>) {}

  async list(caller: Caller, conversationId: string, page: PageRequest): Promise<Page<MessageView>> {
    if (!isId(conversationId, 'conv')) throw notFound('conversation');
    const rows = await repo.list(this.core.db, caller.workspaceId, conversationId, page);
    // Only an empty page needs to tell "no messages" from "no such conversation".
    if (rows.length === 0 && !(await conversationsRepository.exists(this.core.db, caller.workspaceId, conversationId))) {
      throw notFound('conversation');
    }
    return toPage(rows, page.limit, messageView);
  }

  async create(executor: Executor, caller: Caller, conversationId: string, input: CreateMessageInput): Promise<MessageView> {
    if (!isId(conversationId, 'conv')) throw notFound('conversation');
    const now = this.core.clock.now();
    const row: MessageRow = {
      id: newId('msg', now),
      workspaceId: caller.workspaceId,
      conversationId,
      role: input.role,
      body: input.body,
      authorType: caller.author.type,
      authorId: caller.author.id,
      createdAt: now,
    };
    return inTransaction(executor, async (trx) => {
      // A customer writing again reopens a closed conversation.
      const reopen = input.role === 'user';
      if (!(await repo.touchConversation(trx, caller.workspaceId, conversationId, now, reopen))) throw notFound('conversation');
      await repo.insert(trx, row);
      return messageView(row);
    });
  }
}
