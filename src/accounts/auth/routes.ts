import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { unauthorized } from '../../errors.js';
import { bearerOf } from '../../http/bearer.js';
import { authenticatedCaller } from '../../http/caller.js';
import { named } from '../../http/route-helpers.js';
import { typed } from '../../http/typed.js';
import { AUTH_ERRORS } from '../../http/schemas.js';
import { enforceLimit } from '../../ratelimit/enforce.js';
import type { AccountsContext } from '../context.js';
import type { Invites } from '../workspaces/invite-service.js';
import type { Registration } from './registration-service.js';
import type { SignIn } from './sign-in-service.js';
import { REFRESH_TTL_MS } from './tokens.js';
import {
  AcceptInviteBody,
  Accepted,
  EmailBody,
  JoinResult,
  RefreshBody,
  RefreshResult,
  RegisterBody,
  ResetConfirmBody,
  SessionBody,
  SessionResult,
  VerifyEmailBody,
  VerifiedResult,
} from './schemas.js';

export const REFRESH_COOKIE = 'woes_refresh';
const COOKIE_PATH = '/api/v1/auth';
const ACCEPTED = { status: 'accepted' as const };
const PUBLIC_ERRORS = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  409: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
  503: Type.Ref('ErrorBody'),
};

/** These bodies are optional (the token may come in the cookie): validate an absent body as `{}`. */
async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}

export interface AuthServices {
  registration: Registration;
  signIn: SignIn;
  invites: Invites;
}

/** The unauthenticated /auth endpoints (SPEC §6) plus sign-out. */
export async function authRoutes(plugin: FastifyInstance, ctx: AccountsContext, services: AuthServices): Promise<void> {
  const app = typed(plugin);
  const { registration, signIn, invites } = services;
  const secureCookie = ctx.core.config.publicUrl.startsWith('https:');

  // The web app keeps the refresh token in an HttpOnly cookie scoped to /auth, out of reach of scripts.
  function setRefreshCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      secure: secureCookie,
      maxAge: REFRESH_TTL_MS / 1000,
    });
  }
  function clearRefreshCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, secure: secureCookie });
  }
  function refreshTokenOf(request: FastifyRequest, body: Static<typeof RefreshBody>): string | undefined {
    return body.refreshToken ?? request.cookies[REFRESH_COOKIE];
  }
  /** The signed-in user when a session token is sent (optional on accept-invite). */
  async function optionalUser(request: FastifyRequest): Promise<string | null> {
    const token = bearerOf(request);
    if (token === null) return null;
    return (await ctx.verifier.requireSession(token, request.caller)).userId;
  }

  /**
   * POST `url` with an email address: always 202, so the answer never tells whether the address
   * has an account. `send` (named, for stack traces) queues the lookup, the link and the email,
   * which start only once the answer has been written (Registration's `later`), so their time never
   * shows in the answer's, and a client that hangs up does not cancel them.
   */
  function emailLinkRoute(url: string, summary: string, send: (email: string) => void): void {
    app.post(
      url,
      {
        schema: {
          tags: ['auth'],
          summary,
          description:
            'Always 202, so the answer never tells whether the address has an account. At most 10 requests per IP per 15 minutes (with sign-ups and the other email-link route), then 429.',
          body: EmailBody,
          response: { 202: Accepted, ...PUBLIC_ERRORS },
        },
      },
      named(send.name, async function (request, reply) {
        await enforceLimit(ctx.core.limiter, 'accountEmailPerIP', request.ip);
        send(request.body.email);
        return reply.code(202).send(ACCEPTED);
      }),
    );
  }

  app.post(
    '/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an account',
        description:
          'Answers 202 whether or not the email is taken; a verification link is emailed. At most 10 requests per IP per 15 minutes (with verification resends and password resets), then 429.',
        body: RegisterBody,
        response: { 202: Accepted, ...PUBLIC_ERRORS },
      },
    },
    async function register(request, reply) {
      // Every sign-up emails the address it names: one IP may not make Woes mail the world.
      await enforceLimit(ctx.core.limiter, 'accountEmailPerIP', request.ip);
      // The hash is paid before the answer; the lookup and the account are queued to run after it.
      await registration.register(request.body);
      return reply.code(202).send(ACCEPTED);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Verify an email address with the emailed token (24 h, one use)',
        description:
          'Send `password` too, as the web app does: the link then verifies only for whoever knows the password of the sign-up that made it (401 `unauthorized` otherwise, and the link stays usable), so an account someone else registered with your address is not verified with their password by your click.',
        body: VerifyEmailBody,
        response: { 200: VerifiedResult, ...PUBLIC_ERRORS },
      },
    },
    async function verifyEmail(request) {
      return { user: await registration.verifyEmail(request.body.token, request.body.password, request.caller) };
    },
  );

  emailLinkRoute('/auth/resend-verification', 'Send the verification link again', function resendVerification(email) {
    registration.resendVerification(email);
  });

  emailLinkRoute('/auth/password-reset', 'Email a password-reset link (1 h, one use)', function passwordReset(email) {
    registration.requestPasswordReset(email);
  });

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the emailed token',
        description: 'Ends every session of the user.',
        body: ResetConfirmBody,
        response: { 204: Type.Null(), ...PUBLIC_ERRORS },
      },
    },
    async function passwordResetConfirm(request, reply) {
      await registration.confirmPasswordReset(request.body, request.caller);
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        description:
          'Email and password, or a Google/Microsoft ID token. Also sets the HttpOnly `woes_refresh` cookie.',
        body: SessionBody,
        response: { 200: SessionResult, ...PUBLIC_ERRORS },
      },
    },
    async function createSession(request, reply) {
      const { body } = request;
      const result =
        body.provider === 'local'
          ? await signIn.local(body, request.caller)
          : await signIn.withIdToken(body, request.caller);
      setRefreshCookie(reply, result.refreshToken);
      return result;
    },
  );

  app.post(
    '/auth/refresh',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh token for a new access token',
        description:
          'Takes the refresh token from the body or the `woes_refresh` cookie. Reusing a spent token ends the session.',
        body: RefreshBody,
        response: { 200: RefreshResult, ...PUBLIC_ERRORS },
      },
    },
    async function refresh(request, reply) {
      const token = refreshTokenOf(request, request.body);
      if (!token) throw unauthorized('A refresh token is required.');
      // A spent, forged or expired refresh token is a guess: it spends the IP's budget.
      const issued = await ctx.failures.guard(request.ip, () => ctx.sessions.refresh(token));
      setRefreshCookie(reply, issued.refreshToken);
      return {
        accessToken: issued.accessToken,
        refreshToken: issued.refreshToken,
        expiresIn: issued.expiresIn,
        tokenType: 'Bearer',
      };
    },
  );

  app.delete(
    '/auth/session',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        description:
          'Ends the session of the Bearer access token, or of the refresh token in the body or cookie. Clears the cookie.',
        security: [{ session: [] }],
        body: RefreshBody,
        response: { 204: Type.Null(), ...PUBLIC_ERRORS },
      },
    },
    async function signOut(request, reply) {
      let session: { sessionId: string; userId: string } | null = null;
      const bearer = bearerOf(request);
      if (bearer !== null) {
        session = await ctx.verifier.requireSession(bearer, request.caller);
      } else {
        const token = refreshTokenOf(request, request.body);
        session = token ? await ctx.sessions.sessionOfRefreshToken(token) : null;
      }
      clearRefreshCookie(reply);
      if (!session) throw unauthorized('No session to sign out of.');
      await ctx.sessions.signOut(session, request.caller);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/auth/sessions',
    {
      config: { auth: { scope: null, credentials: 'session', workspace: 'none' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere',
        description: 'Ends every session of the signed-in user.',
        security: [{ session: [] }],
        response: { 204: Type.Null(), ...AUTH_ERRORS },
      },
    },
    async function signOutEverywhere(request, reply) {
      const caller = authenticatedCaller(request);
      if (caller.principal.type !== 'session') throw unauthorized();
      await ctx.sessions.signOutEverywhere(caller.principal.userId, caller);
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/accept-invite',
    {
      schema: {
        tags: ['auth'],
        summary: 'Accept an invitation',
        description:
          'Joins with the role on the invitation. Creates a verified account (name, password) for a new email; an existing account must send its session token.',
        body: AcceptInviteBody,
        response: { 200: JoinResult, ...PUBLIC_ERRORS },
      },
    },
    async function acceptInvite(request) {
      const { caller } = request;
      // A wrong invitation token (or session token) spends the IP's failed sign-in budget.
      return ctx.failures.guard(caller.ip, async () => {
        const callerUserId = await optionalUser(request);
        return invites.accept(request.body, callerUserId, caller);
      });
    },
  );
}
