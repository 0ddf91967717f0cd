import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { CoreDeps, DomainModule } from '../deps.js';
import { AccessTokens } from './auth/access-tokens.js';
import { authRoutes } from './auth/routes.js';
import type { AccountsContext } from './context.js';
import { FailureBudget } from './auth/failure-budget.js';
import { IdTokenVerifier } from './auth/id-tokens.js';
import { Invites } from './workspaces/invite-service.js';
import { Mailer } from './mail/mailer.js';
import { memberRoutes } from './workspaces/member-routes.js';
import { Members } from './workspaces/member-service.js';
import { PasswordHasher } from './auth/passwords.js';
import { Registration } from './auth/registration-service.js';
import { JWKS } from './auth/schemas.js';
import { CachedSessionVerifier } from './auth/session-verifier.js';
import { SessionStore } from './auth/session-service.js';
import { SignIn } from './auth/sign-in-service.js';
import { workspaceRoutes } from './workspaces/workspace-routes.js';
import { agedRowsSweep, expiredCredentialsSweep } from '../jobs/sweep-job.js';
import { DEAD_SESSION_RETENTION_MS } from './auth/session-repository.js';
import { INVITE_RETENTION_MS } from './workspaces/invite-repository.js';
import { Workspaces } from './workspaces/workspace-service.js';

export interface AccountsModule extends DomainModule {
  /** For tests: `registration.idle()` resolves once the work queued after each answer has run. */
  readonly registration: Registration;
}

/** The accounts domain: users, sessions, workspaces, members, invitations and the email they send. */
export function createAccountsModule(core: CoreDeps): AccountsModule {
  const accessTokens = new AccessTokens(core.clock);
  const sessions = new SessionStore(core, accessTokens);
  const verifier = new CachedSessionVerifier(core, accessTokens, sessions);
  const ctx: AccountsContext = {
    core,
    mailer: new Mailer(core),
    hasher: new PasswordHasher(),
    sessions,
    accessTokens,
    idTokens: new IdTokenVerifier(core.config, core.clock),
    verifier,
    failures: new FailureBudget(core),
  };
  const registration = new Registration(ctx);
  const signIn = new SignIn(ctx);
  const invites = new Invites(ctx);
  const members = new Members(core);
  const workspaces = new Workspaces(core);
  const { dialect } = core.storage;

  /** The signing key is one of the app's instance secrets, decorated after modules are made. */
  function loadKey(app: FastifyInstance): void {
    if (accessTokens.kid === '') accessTokens.load(app.woes.secrets.signingKey);
  }

  return {
    name: 'accounts',
    registration,
    credentials: [verifier],
    // Ending a session expires it and its refresh tokens (endSession). A spent token of a live
    // session stays until it expires, so presenting it again is still caught as reuse.
    sweeps: [
      expiredCredentialsSweep('refresh tokens', 'refreshTokens', dialect),
      expiredCredentialsSweep('email link tokens', 'linkTokens', dialect),
      // A session's tokens expire when it does or before, so their sweep (a day on) has taken
      // them long before this one (a month on); its foreign key deletes any left with it.
      agedRowsSweep(
        'agent sessions',
        { table: 'sessions', key: ['id'], time: 'expiresAt', keepMs: DEAD_SESSION_RETENTION_MS },
        dialect,
      ),
      agedRowsSweep(
        'invitations',
        { table: 'invites', key: ['id'], time: 'expiresAt', keepMs: INVITE_RETENTION_MS },
        dialect,
      ),
    ],
    async routes(app) {
      loadKey(app);
      await app.register(async function accounts(scope) {
        // Encapsulated: only the accounts routes parse cookies (the refresh-token cookie).
        await scope.register(cookie);
        await authRoutes(scope, ctx, { registration, signIn, invites });
        await workspaceRoutes(scope, workspaces);
        await memberRoutes(scope, members, invites);
      });
    },
    async rootRoutes(app) {
      loadKey(app);
      app.get(
        '/.well-known/jwks.json',
        {
          schema: { tags: ['auth'], summary: 'Public keys of session access tokens', response: { 200: JWKS } },
        },
        async function jwks(_request, reply) {
          reply.header('cache-control', 'public, max-age=300');
          return { keys: [accessTokens.publicJwk] };
        },
      );
    },
    async close() {
      verifier.close();
      // Sign-ups, resets and resends asked for just before shutdown finish before the database closes.
      await registration.idle();
      await ctx.mailer.close();
    },
  };
}

/** For tests and tools that need the mailer's queue drained. */
export type { AccountsContext };
