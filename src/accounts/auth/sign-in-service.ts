import type { Static } from 'typebox';
import type { SessionResult } from './schemas.js';
import { AppError, conflict, forbidden, invalidRequest, rateLimited, unauthorized } from '../../errors.js';
import type { RequestCaller } from '../../http/caller.js';
import { isUniqueViolation } from '../../storage/database.js';
import type { UsersTable } from '../../storage/schema.js';
import { proveAccountEmail } from './account-proof.js';
import { auditForUser, type AccountsContext } from '../context.js';
import type { IdProvider } from './id-tokens.js';
import { findUserByIdentity, linkIdentity } from './identity-repository.js';
import { findUserByEmail, findUserById, insertUser, normalizeEmail, toUserView } from './user-repository.js';
import { defaultWorkspaceOf, membershipOf, toWorkspaceView } from '../workspaces/workspace-repository.js';

export type SessionResponse = Static<typeof SessionResult>;

const BAD_CREDENTIALS = 'The email or password is not correct.';

/** POST /auth/session: local passwords and Google/Microsoft ID tokens. */
export class SignIn {
  constructor(private readonly ctx: AccountsContext) {}

  async local(
    input: { email: string; password: string; workspaceId?: string },
    caller: RequestCaller,
  ): Promise<SessionResponse> {
    const { core, hasher, failures } = this.ctx;
    const email = normalizeEmail(input.email);
    // Both limits answer before any lookup or password hash: the IP's budget across every
    // account (password spraying), then the account+IP one (guessing one account).
    await failures.gate(caller.ip);
    // Keyed by account and IP: an attacker elsewhere cannot lock the real user out.
    // The address first, so an IPv6 client counts as its /64 here too (ratelimit/client-key.ts).
    const throttleKey = `${caller.ip}|${email}`;
    const gate = await core.limiter.check('signInFailures', throttleKey, core.limiter.rules.signInFailures);
    if (!gate.allowed) throw rateLimited(gate.retryAfterMs / 1000);
    const user = await findUserByEmail(core.db, email);
    // Unknown account and wrong password take the same path and the same argon2 time.
    const ok = await hasher.verify(user?.passwordHash ?? null, input.password);
    if (!ok || !user) {
      await core.limiter.consume('signInFailures', throttleKey, core.limiter.rules.signInFailures);
      await failures.spend(caller.ip);
      await auditForUser(core, core.db, caller, user?.id ?? null, {
        type: 'sign_in_failed',
        actor: { type: 'anonymous', id: null },
        target: user ? { type: 'user', id: user.id } : null,
        data: { provider: 'local', email },
      });
      throw unauthorized(BAD_CREDENTIALS);
    }
    // Only after the password proved who it is, so this reveals nothing to a guesser.
    if (user.emailVerifiedAt === null)
      throw new AppError('email_not_verified', 'Verify your email address before signing in.');
    await core.limiter.reset('signInFailures', throttleKey);
    return this.start(user, 'local', input.workspaceId, caller);
  }

  async withIdToken(
    input: { provider: IdProvider; idToken: string; workspaceId?: string },
    caller: RequestCaller,
  ): Promise<SessionResponse> {
    // A forged or stale ID token is a failed sign-in too: it spends the IP's budget.
    const identity = await this.ctx.failures.guard(caller.ip, () =>
      this.ctx.idTokens.verify(input.provider, input.idToken),
    );
    const { db, clock } = this.ctx.core;
    let user: UsersTable;
    let proven = false;
    try {
      user = await db.transaction().execute(async (trx) => {
        const linked = await findUserByIdentity(trx, identity.provider, identity.subject);
        if (linked) return linked;
        if (identity.email === null)
          throw invalidRequest('The ID token carries no email address.', [
            { path: '/body/idToken', message: 'has no email claim' },
          ]);
        const now = clock.now();
        const existing = await findUserByEmail(trx, identity.email);
        let target: UsersTable;
        if (existing) {
          // Only a provider-verified email proves the address; Microsoft's email claim never does.
          if (!identity.emailVerified)
            throw conflict('An account with this email already exists; sign in with it first.');
          // The owner proved the address: whatever had not proven it loses the account (account-proof.ts).
          proven = await proveAccountEmail(trx, this.ctx.sessions, { userId: existing.id, now, keepPassword: false });
          target = (await findUserById(trx, existing.id))!;
        } else {
          target = await insertUser(trx, {
            email: identity.email,
            name: identity.name ?? '',
            passwordHash: null,
            verified: identity.emailVerified,
            now,
          });
        }
        await linkIdentity(trx, {
          userId: target.id,
          provider: identity.provider,
          subject: identity.subject,
          email: identity.email,
          now,
        });
        return target;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('This identity was linked at the same moment; try again.');
      throw error;
    }
    // Every instance drops the cached sessions of the identities that were just cut off.
    if (proven) await this.ctx.core.bus.publish({ kind: 'user', subject: user.id });
    return this.start(user, identity.provider, input.workspaceId, caller);
  }

  private async start(
    user: UsersTable,
    provider: string,
    workspaceId: string | undefined,
    caller: RequestCaller,
  ): Promise<SessionResponse> {
    const { core, sessions } = this.ctx;
    return core.db.transaction().execute(async (trx) => {
      const workspace = workspaceId
        ? await membershipOf(trx, workspaceId, user.id)
        : await defaultWorkspaceOf(trx, user.id);
      if (workspaceId && !workspace) throw forbidden('You are not a member of that workspace.');
      const issued = await sessions.create(trx, { userId: user.id, provider, caller });
      await core.audit.record(trx, caller, {
        workspaceId: workspace?.row.id ?? null,
        type: 'sign_in',
        actor: { type: 'user', id: user.id },
        target: { type: 'session', id: issued.sessionId },
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
