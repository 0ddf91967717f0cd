import type { FastifyInstance } from 'fastify';
import { pageRequest } from '../../storage/pagination.js';
import { callerOf } from '../context.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import { CreateMessage, Message, MessageList, MessageQuery, type CreateMessageInput } from './schemas.js';

const TAG = 'messages';

export async function messageRoutes(app: FastifyInstance, { messages, idempotency }: SupportServices): Promise<void> {
  app.get(
    '/conversations/:id/messages',
    guarded('messages.read', TAG, {
      summary: "List a conversation's messages",
      description: 'Newest first, including internal `note`s.',
      params: IdParams,
      querystring: MessageQuery,
      response: { 200: MessageList },
    }),
    async function listMessages(request) {
      const query = request.query as { limit?: number; cursor?: string };
      return messages.list(callerOf(request), (request.params as { id: string }).id, pageRequest(query));
    },
  );

  app.post(
    '/conversations/:id/messages',
    guarded('messages.write', TAG, {
      summary: 'Add a message',
      description:
        '`role`: `user` (the customer; reopens a closed conversation), `agent`, `bot` or `note` (internal, never shown to the customer). The calling key or member is recorded as `author`.',
      params: IdParams,
      headers: IdempotencyHeaders,
      body: CreateMessage,
      response: { 201: Message },
    }),
    async function createMessage(request, reply) {
      const caller = callerOf(request);
      const conversationId = (request.params as { id: string }).id;
      return idempotency.send(request, reply, async (trx) => ({
        status: 201,
        body: await messages.create(trx, caller, conversationId, request.body as CreateMessageInput),
      }));
    },
  );
}
