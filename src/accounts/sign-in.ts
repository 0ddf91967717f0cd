import { AppError, conflict, forbidden, invalidRequest, rateLimited, unauthorized } from '../errors.js';
import type { RequestFacts } from '../http/principal.js';
import { isUniqueViolation } from '../storage/database.js';
import { newId } from '../storage/ids.js';
import type { UsersTable } from '../storage/schema.js';
import type { Executor } from '../audit/audit-log.js';
import { auditForUser, type AccountsContext } from './context.js';
import type { IdProvider } from './id-tokens.js';
import { findUserByEmail, findUserById, insertUser, normalizeEmail, toUserView, type UserView } from './users.js';
import { defaultWorkspaceOf, membershipOf, toWorkspaceView, type WorkspaceView } from './workspaces.js';

export interface SessionResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
  user: UserView;
  workspace: WorkspaceView | null;
}

const BAD_CREDENTIALS = 'The email or password is not correct.';

/** POST /auth/session: local passwords and Google/Microsoft ID tokens. */
export class SignIn {
  constructor(private readonly ctx: AccountsContext) {}

  async local(input: { email: string; password: string; workspaceId?: string }, facts: RequestFacts): Promise<SessionResponse> {
    const { core, hasher } = this.ctx;
    const email = normalizeEmail(input.email);
    // Keyed by account and IP: an attacker elsewhere cannot lock the real user out.
    const throttleKey = `${email}|${facts.ip}`;
    const gate = await core.limiter.check('signInFailures', throttleKey, core.limiter.rules.signInFailures);
    if (!gate.allowed) throw rateLimited(gate.retryAfterMs / 1000);
    const user = await findUserByEmail(core.db, email);
    // Unknown account and wrong password take the same path and the same argon2 time.
    const ok = await hasher.verify(user?.passwordHash ?? null, input.password);
    if (!ok || !user) {
      await core.limiter.consume('signInFailures', throttleKey, core.limiter.rules.signInFailures);
      await auditForUser(core, core.db, user?.id ?? null, {
        type: 'sign_in_failed',
        actor: { type: 'anonymous', id: null },
        target: user ? { type: 'user', id: user.id } : null,
        ip: facts.ip,
        userAgent: facts.userAgent,
        data: { provider: 'local', email },
      });
      throw unauthorized(BAD_CREDENTIALS);
    }
    // Only after the password proved who it is, so this reveals nothing to a guesser.
    if (user.emailVerifiedAt === null) throw new AppError('email_not_verified', 'Verify your email address before signing in.');
    await core.limiter.reset('signInFailures', throttleKey);
    return this.start(user, 'local', input.workspaceId, facts);
  }

  async withIdToken(input: { provider: IdProvider; idToken: string; workspaceId?: string }, facts: RequestFacts): Promise<SessionResponse> {
    const identity = await this.ctx.idTokens.verify(input.provider, input.idToken);
    const { db, clock } = this.ctx.core;
    let user: UsersTable;
    try {
      user = await db.transaction().execute(async (trx) => {
        const linked = await trx
          .selectFrom('identities')
          .innerJoin('users', 'users.id', 'identities.userId')
          .selectAll('users')
          .where('identities.provider', '=', identity.provider)
          .where('identities.subject', '=', identity.subject)
          .executeTakeFirst();
        if (linked) return linked;
        if (identity.email === null) throw invalidRequest('The ID token carries no email address.', [{ path: '/body/idToken', message: 'has no email claim' }]);
        const now = clock.now();
        const existing = await findUserByEmail(trx, identity.email);
        let target: UsersTable;
        if (existing) {
          // Only a provider-verified email proves the address; Microsoft's email claim never does.
          if (!identity.emailVerified) throw conflict('An account with this email already exists; sign in with it first.');
          target = await this.claimByVerifiedEmail(trx, existing, now);
        } else {
          target = await insertUser(trx, { email: identity.email, name: identity.name ?? '', passwordHash: null, verified: identity.emailVerified, now });
        }
        await trx
          .insertInto('identities')
          .values({ id: newId('idn', now), userId: target.id, provider: identity.provider, subject: identity.subject, email: identity.email, createdAt: now })
          .execute();
        return target;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('This identity was linked at the same moment; try again.');
      throw error;
    }
    return this.start(user, identity.provider, input.workspaceId, facts);
  }

  /**
   * Links a verified Google identity to the account of that email. An unverified account may
   * have been pre-registered by someone else to hijack the address: its password is dropped.
   */
  private async claimByVerifiedEmail(trx: Executor, user: UsersTable, now: number): Promise<UsersTable> {
    if (user.emailVerifiedAt !== null) return user;
    await trx.updateTable('users').set({ emailVerifiedAt: now, passwordHash: null, updatedAt: now }).where('id', '=', user.id).execute();
    return (await findUserById(trx, user.id))!;
  }

  private async start(user: UsersTable, provider: string, workspaceId: string | undefined, facts: RequestFacts): Promise<SessionResponse> {
    const { core, sessions } = this.ctx;
    return core.db.transaction().execute(async (trx) => {
      const workspace = workspaceId ? await membershipOf(trx, workspaceId, user.id) : await defaultWorkspaceOf(trx, user.id);
      if (workspaceId && !workspace) throw forbidden('You are not a member of that workspace.');
      const issued = await sessions.create(trx, { userId: user.id, provider, facts });
      await core.audit.record(trx, {
        workspaceId: workspace?.row.id ?? null,
        type: 'sign_in',
        actor: { type: 'user', id: user.id },
        target: { type: 'session', id: issued.sessionId },
        ip: facts.ip,
        userAgent: facts.userAgent,
        data: { provider },
      });
      return {
        accessToken: issued.accessToken,
        refreshToken: issued.refreshToken,
        expiresIn: issued.expiresIn,
        tokenType: 'Bearer' as const,
        user: toUserView(user),
        workspace: workspace ? toWorkspaceView(workspace.row, workspace.role) : null,
      };
    });
  }
}
