import type { FastifyInstance, FastifyRequest } from 'fastify';
import { typed } from '../http/typed.js';
import { bearerOf } from '../http/bearer.js';
import { Type } from 'typebox';
import { AppError, rateLimited, unauthorized } from '../errors.js';
import { AUTH_ERRORS } from '../http/schemas.js';
import { anonymousCaller, type RequestCaller } from '../http/caller.js';
import { enforceLimit } from '../ratelimit/enforce.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import { portalAuthenticator, portalOf } from './portal-auth.js';
import type { PortalService } from './portal-service.js';
import { claimMatches, clearedClaimCookie } from './session-claim.js';
import { cookieProtocol } from './portal-cookies.js';
import {
  Accepted,
  ConversationParams,
  MagicLinkBody,
  PortalConversationList,
  PortalMessage,
  PortalSession,
  PortalThread,
  ReplyBody,
  SessionBody,
} from './schemas.js';

const TAG = 'portal';
const PUBLIC: [] = [];
const PORTAL_SECURITY: Array<Record<string, string[]>> = [{ portalSession: [] }];
const PUBLIC_ERRORS = { 400: Type.Ref('ErrorBody'), 401: Type.Ref('ErrorBody'), 429: Type.Ref('ErrorBody') };
// Portal secrets belong in the body or the Authorization header; a URL ends up in logs and history.
// (Every other secret in a query string is refused for every API route by the authentication hook.)
const SECRET_IN_URL = /woesp[ls]_/i;

export function factsOf(request: FastifyRequest): RequestCaller {
  return anonymousCaller(request);
}

/** /api/v1/portal/…: magic links, portal sessions and the customer's own conversations (SPEC §7). */
export async function portalRoutes(
  root: FastifyInstance,
  portal: PortalService,
  limiter: RateLimiter,
  publicUrl: string,
): Promise<void> {
  const app = typed(root);
  const authenticatePortal = portalAuthenticator(portal, limiter);
  app.decorateRequest('portal', null);
  // This scope is all of /api/v1, so the hook runs on every API request: a callback hook, not an
  // async one (which cost every request a promise).
  app.addHook('onRequest', function refuseSecretsInURL(request, _reply, done) {
    // The matched route, not the raw URL: `/api/v1/%70ortal/…` reaches the same routes.
    if (request.routeOptions.url?.startsWith('/api/v1/portal/') && SECRET_IN_URL.test(request.url)) {
      return done(
        unauthorized('Portal tokens are accepted only in the body or the Authorization header, never in the URL.'),
      );
    }
    done();
  });

  app.post(
    '/portal/magic-link',
    {
      schema: {
        tags: [TAG],
        summary: 'Email a portal sign-in link',
        description:
          'Always 202 with the same body, whether or not the workspace has a customer with this email (no enumeration). ' +
          'A live customer of a workspace whose portal is on is emailed a one-use link, valid for 15 minutes. At most 10 requests per IP per 15 minutes; 5 links per recipient per hour from one workspace (and at most 20 from all workspaces together).',
        security: PUBLIC,
        body: MagicLinkBody,
        response: { 202: Accepted, ...PUBLIC_ERRORS },
      },
    },
    async function requestMagicLink(request, reply) {
      await enforceLimit(limiter, 'portalMagicLinkPerIP', request.ip);
      portal.requestLink(request.body.workspaceId, request.body.email, factsOf(request));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/portal/session',
    {
      schema: {
        tags: [TAG],
        summary: 'Exchange a link token for a portal session',
        description:
          'Spends the emailed `woespl_` token (once, within 15 minutes; with `workspaceId`, only in that portal) and answers a `woesps_` portal session token. ' +
          'The session ends after 30 minutes idle or 12 hours, on sign-out, or when the customer is deleted.',
        security: PUBLIC,
        body: SessionBody,
        response: { 201: PortalSession, ...PUBLIC_ERRORS },
      },
    },
    async function startPortalSession(request, reply) {
      const session = await signInCounted(portal, limiter, request, request.body.token, request.body.workspaceId);
      return reply.code(201).send(session);
    },
  );

  const authed = { onRequest: authenticatePortal } as const;
  app.get(
    '/portal/conversations',
    {
      ...authed,
      schema: {
        tags: [TAG],
        summary: "The signed-in customer's conversations",
        security: PORTAL_SECURITY,
        response: { 200: PortalConversationList, ...AUTH_ERRORS },
      },
    },
    async function listPortalConversations(request) {
      return portal.conversations(portalOf(request));
    },
  );

  app.get(
    '/portal/conversations/:id',
    {
      ...authed,
      schema: {
        tags: [TAG],
        summary: 'One of my conversations with its messages',
        description:
          'Oldest message first; internal notes are never included. Another customer’s conversation is a 404.',
        security: PORTAL_SECURITY,
        params: ConversationParams,
        response: { 200: PortalThread, ...AUTH_ERRORS },
      },
    },
    async function getPortalConversation(request) {
      return portal.thread(portalOf(request), request.params.id);
    },
  );

  app.post(
    '/portal/conversations/:id/messages',
    {
      ...authed,
      schema: {
        tags: [TAG],
        summary: 'Reply in one of my conversations',
        description: 'Written as the customer (`role: user`, author `customer`); reopens a closed conversation.',
        security: PORTAL_SECURITY,
        params: ConversationParams,
        body: ReplyBody,
        response: { 201: PortalMessage, ...AUTH_ERRORS },
      },
    },
    async function replyInPortal(request, reply) {
      const message = await portal.reply(portalOf(request), request.params.id, request.body.body, factsOf(request));
      return reply.code(201).send(message);
    },
  );

  app.post(
    '/portal/session/claim',
    {
      ...authed,
      schema: {
        tags: [TAG],
        summary: 'Confirm a session handed over by the Continue page',
        description:
          'For the portal page: 204 only when this browser pressed Continue for this very session (it holds the ' +
          'short-lived claim cookie the Continue POST set for it: `__Host-woes_portal_claim` over https, ' +
          '`woes_portal_claim` over plain http; an https request is not matched by the unprefixed one), which clears the cookie; ' +
          '401 otherwise. ' +
          'A page opened with someone else’s session in its URL is therefore not signed in.',
        security: PORTAL_SECURITY,
        response: { 204: Type.Null({ description: 'The session was handed to this browser' }), ...AUTH_ERRORS },
      },
    },
    async function claimPortalSession(request, reply) {
      const token = bearerOf(request) ?? '';
      if (!claimMatches(request.headers.cookie, token, cookieProtocol(request, publicUrl))) {
        throw unauthorized('This sign-in link was not opened in this browser: open the link from your email here.');
      }
      reply.header('set-cookie', clearedClaimCookie(cookieProtocol(request, publicUrl)));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/portal/session',
    {
      ...authed,
      schema: {
        tags: [TAG],
        summary: 'Sign out of the portal',
        security: PORTAL_SECURITY,
        response: { 204: Type.Null({ description: 'Signed out' }), ...AUTH_ERRORS },
      },
    },
    async function endPortalSession(request, reply) {
      await portal.signOut(portalOf(request), factsOf(request));
      return reply.code(204).send(null);
    },
  );
}

/** Signs in; a refused token spends a point of the IP's failed-credential budget. */
export async function signInCounted(
  portal: PortalService,
  limiter: RateLimiter,
  request: FastifyRequest,
  token: string,
  workspaceId: string | undefined,
) {
  const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
  if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
  try {
    return await portal.signIn(token, workspaceId, factsOf(request));
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 401) {
      await limiter.consume('failedCredentials', request.ip, limiter.rules.failedCredentials);
    }
    throw error;
  }
}
