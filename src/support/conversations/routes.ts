import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageRequest } from '../../storage/pagination.js';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import type { ConversationFilter } from './conversations-repository.js';
import {
  Conversation,
  ConversationList,
  ConversationQuery,
  CreateConversation,
  UpdateConversation,
} from './schemas.js';

const TAG = 'conversations';
const CONFLICT = { 409: Type.Ref('ErrorBody') };

export async function conversationRoutes(
  plugin: FastifyInstance,
  { conversations, idempotency }: SupportServices,
): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/conversations',
    guarded('conversations.read', TAG, {
      summary: 'List conversations',
      description:
        'Newest first. Filter by `status`, `customerId` (a `cust_` id), `externalId` or `assigneeId` (a `usr_` id; the filters combine). Each carries its customer, `messageCount` and `lastMessageAt`.',
      querystring: ConversationQuery,
      response: { 200: ConversationList },
    }),
    async function listConversations(request) {
      const { query } = request;
      const filter: ConversationFilter = {
        status: query.status,
        customerId: query.customerId,
        externalId: query.externalId,
        assigneeId: query.assigneeId,
      };
      return conversations.list(workspaceCaller(request), filter, pageRequest(query));
    },
  );

  app.post(
    '/conversations',
    guarded('conversations.write', TAG, {
      summary: 'Create a conversation',
      description:
        '`externalId` is unique per workspace (a second create is a 409 carrying the existing `id`). `customer.id` is your own identifier for the customer: the customer is created or updated by it. Send `Idempotency-Key` to retry safely.',
      headers: IdempotencyHeaders,
      body: CreateConversation,
      response: { 201: Conversation, ...CONFLICT },
    }),
    async function createConversation(request, reply) {
      const caller = workspaceCaller(request);
      return idempotency.send(request, reply, async (executor) => ({
        status: 201,
        body: await conversations.create(executor, caller, request.body),
      }));
    },
  );

  app.get(
    '/conversations/:id',
    guarded('conversations.read', TAG, {
      summary: 'Get a conversation',
      params: IdParams,
      response: { 200: Conversation },
    }),
    async function getConversation(request) {
      return conversations.get(workspaceCaller(request), request.params.id);
    },
  );

  app.patch(
    '/conversations/:id',
    guarded('conversations.write', TAG, {
      summary: 'Update a conversation',
      description:
        'Change `status` (open, pending, closed), `subject` or `assigneeId` (a member of the workspace, or null).',
      params: IdParams,
      body: UpdateConversation,
      response: { 200: Conversation },
    }),
    async function updateConversation(request) {
      return conversations.update(workspaceCaller(request), request.params.id, request.body);
    },
  );
}
