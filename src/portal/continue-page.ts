import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { typed } from '../http/typed.js';
import { Type } from 'typebox';
import { AppError } from '../errors.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import type { PortalService } from './portal-service.js';
import { signInCounted } from './routes.js';
import { claimCookie } from './session-claim.js';
import {
  clearedPortalCookie,
  cookieProtocol,
  portalCookie,
  readPortalCookie,
  type PortalCookie,
} from './portal-cookies.js';

const COOKIE_NAME = 'woes_portal_continue';
const COOKIE_SECONDS = 15 * 60;
const Params = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const PageQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
const FormBody = Type.Object({ token: Type.String({ maxLength: 200 }), nonce: Type.String({ maxLength: 100 }) });

// The page is static HTML with a plain form: no script runs, nothing is fetched, nothing leaks.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The emailed link's landing page. Email scanners (Safe Links, Proofpoint, Mimecast) open every
 * link, with a real browser, on delivery: this GET therefore spends nothing. It names the
 * workspace and shows a Continue button; only the POST that button sends spends the token.
 * The POST must also carry the nonce of a SameSite=Strict cookie this GET set, so a page on
 * another site cannot sign a visitor in to someone else's portal (login CSRF); and the page names
 * the address the link signs in, so a visitor who was handed someone else's link can tell.
 */
export async function continuePageRoutes(
  root: FastifyInstance,
  portal: PortalService,
  limiter: RateLimiter,
  publicUrl: string,
): Promise<void> {
  await root.register(async function portalContinue(scope) {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    const app = typed(scope);

    app.get(
      '/portal/:workspaceId/continue',
      { schema: { hide: true, params: Params, querystring: PageQuery } },
      async function continuePage(request, reply) {
        const name = await portal.workspaceName(request.params.workspaceId);
        const token = request.query.token ?? '';
        if (name === null)
          return page(reply, 404, 'Portal not available', '<p>This support portal is not available.</p>');
        const email = await portal.linkEmail(token, request.params.workspaceId);
        const nonce = randomBytes(24).toString('base64url');
        const path = continuePath(request.params.workspaceId);
        reply.header(
          'set-cookie',
          portalCookie(nonceCookie(request.params.workspaceId), nonce, cookieProtocol(request, publicUrl)),
        );
        return page(
          reply,
          200,
          `Sign in to ${name} support`,
          `<h1>${escape(name)} support</h1>` +
            (email === null
              ? `<p>Continue to see your conversations with ${escape(name)}.</p>`
              : `<p>Continue as <strong>${escape(email)}</strong> to see your conversations with ${escape(name)}.</p>` +
                `<p class="small">Not your address? Close this page: this link signs in whoever it was sent to, and someone may have sent you theirs.</p>`) +
            `<form method="post" action="${escape(path)}"><input type="hidden" name="token" value="${escape(token)}">` +
            `<input type="hidden" name="nonce" value="${nonce}"><button type="submit">Continue</button></form>` +
            '<p class="small">This extra step keeps email security scanners, which open every link, from using up your one-time link.</p>',
        );
      },
    );

    app.post(
      '/portal/:workspaceId/continue',
      // The form parser's own limit, given to the route too, so a 413 names it (error-handler.ts).
      { bodyLimit: 4096, schema: { hide: true, params: Params, body: FormBody } },
      async function continueSignIn(request, reply) {
        const cookieNonce = readPortalCookie(
          request.headers.cookie,
          nonceCookie(request.params.workspaceId).name,
          cookieProtocol(request, publicUrl),
        );
        if (cookieNonce === null || !sameText(cookieNonce, request.body.nonce)) {
          return page(
            reply,
            403,
            'Open the link again',
            '<p>Open the link from your email again, then press Continue.</p>',
          );
        }
        const workspaceId = request.params.workspaceId;
        try {
          const session = await signInCounted(portal, limiter, request, request.body.token, workspaceId);
          reply.header('set-cookie', [
            clearedPortalCookie(nonceCookie(workspaceId), cookieProtocol(request, publicUrl)),
            // The app keeps the fragment's session only if this browser holds this (session-claim.ts).
            claimCookie(session.sessionToken, cookieProtocol(request, publicUrl)),
          ]);
          // The session token travels in the fragment: never sent to a server, never in a log.
          return reply
            .code(303)
            .header('location', `/app/portal/${encodeURIComponent(workspaceId)}#session=${session.sessionToken}`)
            .send();
        } catch (error) {
          if (!(error instanceof AppError) || error.statusCode !== 401) throw error;
          return page(
            reply,
            401,
            'Link not valid',
            `<p>This link was already used, has expired or is for another portal.</p><p><a href="/app/portal/${escape(encodeURIComponent(workspaceId))}">Ask for a new link</a></p>`,
          );
        }
      },
    );
  });
}

function page(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('content-security-policy', PAGE_CSP);
  reply.header('x-frame-options', 'DENY');
  reply.header('x-content-type-options', 'nosniff');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}` +
    `button{font-size:1rem;padding:.5rem 1.5rem}.small{color:#666;font-size:.85rem;margin-top:2rem}</style></head><body>${body}</body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function continuePath(workspaceId: string): string {
  return `/portal/${encodeURIComponent(workspaceId)}/continue`;
}

/**
 * Over plain http the nonce goes only to this portal's Continue page; over https it is `__Host-`
 * (portal-cookies.ts), whose path is always `/`, so the name carries the workspace: a customer who
 * opens two portals' links in one browser keeps one nonce per portal. (The page sets it only for a
 * workspace that exists, whose id is letters, digits and `_`; anything else is left out of the name.)
 */
function nonceCookie(workspaceId: string): PortalCookie {
  return {
    name: `${COOKIE_NAME}_${workspaceId.replace(/[^A-Za-z0-9_]/g, '')}`,
    path: continuePath(workspaceId),
    maxAgeSeconds: COOKIE_SECONDS,
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
