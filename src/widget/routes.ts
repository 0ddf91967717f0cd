import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed } from '../http/typed.js';
import { Type } from 'typebox';
import { AUTH_ERRORS } from '../http/schemas.js';
import type { CoreDeps } from '../deps.js';
import { enforceLimit } from '../ratelimit/index.js';
import { widgetAuthenticator, widgetPreflight } from './widget-auth.js';
import type { Visitor, WidgetKeyContext, WidgetService } from './widget-service.js';
import {
  CreateWidgetConversation,
  WidgetConfig,
  WidgetConversation,
  WidgetConversationId,
  WidgetConversationList,
  WidgetConversationWithSecret,
  WidgetHeaders,
  WidgetMessageBody,
  WidgetSearchQuery,
  WidgetSecret,
} from './schemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    widgetKey: WidgetKeyContext | null;
  }
}

const TAGS = ['widget'];
// The widget key travels in its own header (SPEC §7); OpenAPI names it as an apiKey scheme.
const SECURITY = [{ widgetKey: [] }];
const ERRORS = { ...AUTH_ERRORS };

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The visitor behind a widget request; the identity claim comes from headers unless the body carries one. */
function visitorOf(request: FastifyRequest, claim?: Visitor['claim']): Visitor {
  const agent = request.headers['user-agent'];
  return {
    key: request.widgetKey!,
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent : null,
    requestId: request.id,
    claim: claim ?? {
      identityToken: header(request, 'x-woes-identity-token'),
      customerId: header(request, 'x-woes-customer-id'),
      userHash: header(request, 'x-woes-user-hash'),
    },
  };
}

/** /widget/…: what the embeddable widget calls from the browser with its public key. */
export async function widgetRoutes(parent: FastifyInstance, core: CoreDeps, service: WidgetService): Promise<void> {
  const app = typed(parent);
  const authenticate = widgetAuthenticator(core);
  app.decorateRequest('widgetKey', null);

  app.options('/widget/*', { schema: { hide: true } }, widgetPreflight(core));

  await app.register(async function widgetEndpoints(scope) {
    scope.addHook('onRequest', async function authenticateWidgetRequest(request, reply) {
      request.widgetKey = await authenticate(request, reply);
    });
    const widget = typed(scope);

    widget.get(
      '/widget/config',
      {
        schema: {
          tags: TAGS,
          summary: 'Widget configuration',
          operationId: 'widget.config',
          security: SECURITY,
          headers: WidgetHeaders,
          response: { 200: WidgetConfig, ...ERRORS },
        },
      },
      async function widgetConfig(request) {
        return service.config(visitorOf(request));
      },
    );

    widget.post(
      '/widget/conversations',
      {
        schema: {
          tags: TAGS,
          summary: 'Start a conversation from the widget',
          description: 'Returns the conversation and its `woescs_` history secret (shown once). 10 per hour per IP.',
          operationId: 'widget.conversations.create',
          security: SECURITY,
          headers: WidgetHeaders,
          body: CreateWidgetConversation,
          response: { 201: WidgetConversationWithSecret, ...ERRORS },
        },
      },
      async function createWidgetConversation(request, reply) {
        const { body } = request;
        const claim = {
          identityToken: body.identityToken,
          customerId: body.customer?.id,
          userHash: body.customer?.userHash,
        };
        const fromBody = claim.identityToken !== undefined || claim.userHash !== undefined;
        return reply.code(201).send(await service.create(visitorOf(request, fromBody ? claim : undefined), body));
      },
    );

    widget.get(
      '/widget/conversations',
      {
        schema: {
          tags: TAGS,
          summary: "A verified visitor's conversations",
          operationId: 'widget.conversations.list',
          security: SECURITY,
          headers: WidgetHeaders,
          response: { 200: WidgetConversationList, ...ERRORS },
        },
      },
      async function listWidgetConversations(request) {
        return service.list(visitorOf(request));
      },
    );

    widget.get(
      '/widget/conversations/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'One conversation, as the visitor sees it',
          description:
            'Needs `x-woes-conversation-secret`, or the verified identity of its customer. 30 per minute per conversation and IP.',
          operationId: 'widget.conversations.get',
          security: SECURITY,
          headers: WidgetHeaders,
          params: WidgetConversationId,
          response: { 200: WidgetConversation, ...ERRORS },
        },
      },
      async function getWidgetConversation(request) {
        return service.get(visitorOf(request), request.params.id, header(request, 'x-woes-conversation-secret'));
      },
    );

    widget.post(
      '/widget/conversations/:id/messages',
      {
        schema: {
          tags: TAGS,
          summary: 'The visitor writes in their conversation',
          description: 'Answers the conversation with its messages. 20 per minute per conversation and IP.',
          operationId: 'widget.messages.create',
          security: SECURITY,
          headers: WidgetHeaders,
          params: WidgetConversationId,
          body: WidgetMessageBody,
          response: { 201: WidgetConversation, ...ERRORS },
        },
      },
      async function createWidgetMessage(request, reply) {
        // Counted per conversation and IP, as reads are: each answer carries the thread, and a
        // stranger who only knows the id cannot use up the visitor's own quota.
        await enforceLimit(core.limiter, 'widgetMessage', `${request.ip}|${request.params.id}`);
        const view = await service.reply(
          visitorOf(request),
          request.params.id,
          header(request, 'x-woes-conversation-secret'),
          request.body.body,
        );
        return reply.code(201).send(view);
      },
    );

    widget.post(
      '/widget/conversations/:id/secret/rotate',
      {
        schema: {
          tags: TAGS,
          summary: "Rotate a conversation's history secret",
          description: 'The old secret stops working at once.',
          operationId: 'widget.conversations.rotateSecret',
          security: SECURITY,
          headers: WidgetHeaders,
          params: WidgetConversationId,
          response: { 200: WidgetSecret, ...ERRORS },
        },
      },
      async function rotateHistorySecret(request) {
        return service.rotateSecret(
          visitorOf(request),
          request.params.id,
          header(request, 'x-woes-conversation-secret'),
        );
      },
    );

    widget.get(
      '/widget/kb/search',
      {
        schema: {
          tags: TAGS,
          summary: 'Search published articles from the widget',
          description: '5 per minute per IP.',
          operationId: 'widget.kb.search',
          security: SECURITY,
          headers: WidgetHeaders,
          querystring: WidgetSearchQuery,
          response: { 200: Type.Object({ data: Type.Array(Type.Unknown()) }), ...ERRORS },
        },
      },
      async function searchWidgetArticles(request) {
        return service.searchArticles(visitorOf(request), request.query.q, request.query.limit ?? 5);
      },
    );
  });
}
