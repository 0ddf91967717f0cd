import type { CoreDeps } from '../../deps.js';
import { conflict, invalidRequest, notFound } from '../../errors.js';
import { isId, newId } from '../../storage/ids.js';
import { isoTime } from '../../http/schemas.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import type { WorkspaceCaller } from '../../http/caller.js';
import { inTransaction, type Executor } from '../context.js';
import { webhookOutbox } from '../../events/webhook-outbox.js';
import type { CustomersService } from '../customers/customers-service.js';
import {
  conversationsRepository as repo,
  type ConversationFilter,
  type ConversationRow,
  type ConversationView,
} from './conversations-repository.js';
import type { CreateConversationInput, UpdateConversationInput } from './schemas.js';

export type { ConversationView };

/** What a customer sees of a conversation's metadata (widget; the portal reads its own). */
export interface CustomerConversationView {
  id: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Reads a conversation as the API returns it, in the transaction that just created or changed
 * it, and writes that resource to the outbox as the event's payload.
 */
export async function recordConversation(
  trx: Executor,
  workspaceId: string,
  id: string,
  type: 'conversation.created' | 'conversation.updated',
  now: number,
): Promise<ConversationView> {
  const view = (await repo.get(trx, workspaceId, id))!;
  await webhookOutbox.append(trx, { workspaceId, type, payload: view, now });
  return view;
}

/** Conversations: the unit of support work ("tickets"). */
export class ConversationsService {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock'>,
    private readonly customers: CustomersService,
  ) {}

  async list(caller: WorkspaceCaller, filter: ConversationFilter, page: PageRequest): Promise<Page<ConversationView>> {
    const conversations = await repo.list(this.core.db, caller.workspaceId, filter, page);
    return toPage(conversations, page.limit, (conversation) => conversation);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ConversationView> {
    const conversation = isId(id, 'conv') ? await repo.get(this.core.db, caller.workspaceId, id) : undefined;
    if (!conversation) throw notFound('conversation');
    return conversation;
  }

  /**
   * The conversation as its customer sees it (widget): `updatedAt` is the last change they can
   * see — not an internal note nor an assignment (`customerUpdatedAt`).
   */
  async getForCustomer(caller: WorkspaceCaller, id: string): Promise<CustomerConversationView> {
    const row = isId(id, 'conv') ? await repo.customerView(this.core.db, caller.workspaceId, id) : undefined;
    if (!row) throw notFound('conversation');
    return { id: row.id, status: row.status, createdAt: isoTime(row.createdAt)!, updatedAt: isoTime(row.updatedAt)! };
  }

  /**
   * `customerId` links a customer the caller has just created itself (the widget's anonymous
   * visitor); otherwise `input.customer` is upserted by its external id.
   */
  async create(
    executor: Executor,
    caller: WorkspaceCaller,
    input: CreateConversationInput,
    customerId: string | null = null,
  ): Promise<ConversationView> {
    const now = this.core.clock.now();
    return inTransaction(executor, async (trx) => {
      const linked = input.customer
        ? await this.customers.upsert(trx, caller.workspaceId, {
            externalId: input.customer.id,
            name: input.customer.name,
            email: input.customer.email,
            company: input.customer.company,
          })
        : customerId;
      const row: ConversationRow = {
        id: newId('conv', now),
        workspaceId: caller.workspaceId,
        externalId: input.externalId ?? null,
        subject: input.subject ?? null,
        status: 'open',
        customerId: linked,
        assigneeId: null,
        messageCount: 0,
        lastMessageAt: null,
        createdAt: now,
        updatedAt: now,
        customerUpdatedAt: now,
      };
      if (!(await repo.insert(trx, row))) {
        // Throwing rolls the customer upsert back with it.
        const holder = await repo.idByExternalId(trx, caller.workspaceId, row.externalId!);
        throw conflict('A conversation with this externalId already exists.', holder);
      }
      return recordConversation(trx, caller.workspaceId, row.id, 'conversation.created', now);
    });
  }

  async update(caller: WorkspaceCaller, id: string, patch: UpdateConversationInput): Promise<ConversationView> {
    if (!isId(id, 'conv')) throw notFound('conversation');
    const now = this.core.clock.now();
    const changes: Partial<ConversationRow> = { updatedAt: now };
    if (patch.status !== undefined) changes.status = patch.status;
    if (patch.subject !== undefined) changes.subject = patch.subject;
    // The customer sees status and subject (portal, widget), not who is assigned.
    if (patch.status !== undefined || patch.subject !== undefined) changes.customerUpdatedAt = now;
    if (patch.assigneeId !== undefined) changes.assigneeId = patch.assigneeId;
    return this.core.db.transaction().execute(async (trx) => {
      if (typeof patch.assigneeId === 'string' && !(await repo.isMember(trx, caller.workspaceId, patch.assigneeId))) {
        // Another workspace's conversation is a 404 whatever the body says.
        if (!(await repo.exists(trx, caller.workspaceId, id))) throw notFound('conversation');
        throw invalidRequest('The assignee must be a member of this workspace.', [
          { path: '/body/assigneeId', message: 'is not a member of this workspace' },
        ]);
      }
      if (!(await repo.update(trx, caller.workspaceId, id, changes))) throw notFound('conversation');
      return recordConversation(trx, caller.workspaceId, id, 'conversation.updated', now);
    });
  }
}
