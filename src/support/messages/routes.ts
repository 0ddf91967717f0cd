import type { FastifyInstance } from 'fastify';
import { pageRequest } from '../../storage/pagination.js';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import { CreateMessage, Message, MessageList, MessageQuery } from './schemas.js';

const TAG = 'messages';

export async function messageRoutes(
  plugin: FastifyInstance,
  { messages, idempotency }: SupportServices,
): Promise<void> {
  const app = typed(plugin);
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
      const { query } = request;
      return messages.list(workspaceCaller(request), request.params.id, pageRequest(query));
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
      const caller = workspaceCaller(request);
      const conversationId = request.params.id;
      return idempotency.send(request, reply, async (executor) => ({
        status: 201,
        body: await messages.create(executor, caller, conversationId, request.body),
      }));
    },
  );
}
