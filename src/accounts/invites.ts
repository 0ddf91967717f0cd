import type { Executor } from '../audit/audit-log.js';
import { conflict, forbidden, invalidRequest, notFound, unauthorized } from '../errors.js';
import { isoTime } from '../http/schemas.js';
import { actorOf, type Principal, type RequestFacts } from '../http/principal.js';
import { newId } from '../storage/ids.js';
import type { PageRequest } from '../storage/pagination.js';
import type { InvitesTable } from './tables.js';
import type { Role } from '../scopes/scopes.js';
import type { AccountsContext } from './context.js';
import { inviteEmail } from './emails.js';
import { invalidToken } from './link-tokens.js';
import { checkPasswordPolicy } from './passwords.js';
import { LINK_TOKEN_SHAPE, LINK_TTL, newLinkToken, sha256 } from './tokens.js';
import { findUserByEmail, findUserById, insertUser, normalizeEmail, toUserView, type UserView } from './users.js';
import { getWorkspace, toWorkspaceView, type WorkspaceView } from './workspaces.js';

export type InviteRole = Exclude<Role, 'owner'>;

export interface InviteView {
  id: string;
  email: string;
  role: string;
  invitedBy: { type: string; id: string | null };
  createdAt: string;
  expiresAt: string;
}

function toInviteView(row: InvitesTable): InviteView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: { type: row.invitedByType, id: row.invitedById },
    createdAt: isoTime(row.createdAt)!,
    expiresAt: isoTime(row.expiresAt)!,
  };
}

/** Invitations: a 7-day one-use emailed token; the role always comes from the record. */
export class Invites {
  constructor(private readonly ctx: AccountsContext) {}

  async create(workspaceId: string, input: { email: string; role: InviteRole }, principal: Principal, facts: RequestFacts): Promise<InviteView> {
    const { core } = this.ctx;
    const email = normalizeEmail(input.email);
    const { row, token, workspaceName } = await core.db.transaction().execute(async (trx) => {
      const workspace = await getWorkspace(trx, workspaceId);
      const member = await trx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.userId')
        .select('users.id')
        .where('memberships.workspaceId', '=', workspaceId)
        .where('users.email', '=', email)
        .executeTakeFirst();
      if (member) throw conflict('This person is already a member of the workspace.', member.id);
      const now = core.clock.now();
      // A new invitation to the same address replaces the pending one (its link stops working).
      await trx.updateTable('invites').set({ revokedAt: now }).where('workspaceId', '=', workspaceId).where('email', '=', email).where('acceptedAt', 'is', null).where('revokedAt', 'is', null).execute();
      const secret = newLinkToken();
      const actor = actorOf(principal);
      const invite: InvitesTable = {
        id: newId('inv', now),
        workspaceId,
        email,
        role: input.role,
        tokenHash: sha256(secret),
        invitedByType: actor.type,
        invitedById: actor.id,
        createdAt: now,
        expiresAt: now + LINK_TTL.invite,
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      };
      await trx.insertInto('invites').values(invite).execute();
      await core.audit.record(trx, {
        workspaceId,
        type: 'member.invited',
        actor,
        target: { type: 'invite', id: invite.id },
        ip: facts.ip,
        userAgent: facts.userAgent,
        data: { email, role: input.role },
      });
      return { row: invite, token: secret, workspaceName: workspace.name };
    });
    this.ctx.mailer.send(inviteEmail(core.config.publicUrl, email, token, workspaceName, row.role));
    return toInviteView(row);
  }

  /** Pending invitations (not accepted, revoked or expired), newest first. */
  async list(workspaceId: string, page: PageRequest): Promise<InviteView[] & Array<{ id: string }>> {
    let query = this.ctx.core.db
      .selectFrom('invites')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', this.ctx.core.clock.now());
    if (page.before) query = query.where('id', '<', page.before);
    const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
    return rows.map(toInviteView);
  }

  async revoke(workspaceId: string, id: string, principal: Principal, facts: RequestFacts): Promise<void> {
    const { core } = this.ctx;
    await core.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('invites')
        .set({ revokedAt: core.clock.now() })
        .where('id', '=', id)
        .where('workspaceId', '=', workspaceId)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw notFound('invite');
      await core.audit.record(trx, {
        workspaceId,
        type: 'member.invite_revoked',
        actor: actorOf(principal),
        target: { type: 'invite', id },
        ip: facts.ip,
        userAgent: facts.userAgent,
      });
    });
  }

  /**
   * Joins the workspace with the role on the invite record. A new account is created verified
   * (the emailed token proved the address); an existing account must be the signed-in user.
   */
  async accept(
    input: { token: string; name?: string; password?: string },
    callerUserId: string | null,
    facts: RequestFacts,
  ): Promise<{ user: UserView; workspace: WorkspaceView }> {
    const { core, hasher } = this.ctx;
    if (!LINK_TOKEN_SHAPE.test(input.token)) throw invalidToken();
    const tokenHash = sha256(input.token);
    const preview = await this.pending(core.db, tokenHash);
    const known = await findUserByEmail(core.db, preview.email);
    let passwordHash: string | null = null;
    if (!known) {
      if (input.password === undefined) throw invalidRequest('A password is required to create the account.', [{ path: '/body/password', message: 'is required' }]);
      checkPasswordPolicy(input.password);
      passwordHash = await hasher.hash(input.password);
    }
    const result = await core.db.transaction().execute(async (trx) => {
      const invite = await this.pending(trx, tokenHash);
      const now = core.clock.now();
      let user = await findUserByEmail(trx, invite.email);
      if (user) {
        if (callerUserId === null) throw unauthorized('Sign in as the invited account to accept this invitation.');
        if (callerUserId !== user.id) throw forbidden('This invitation is for another account.');
        if (user.emailVerifiedAt === null) {
          await trx.updateTable('users').set({ emailVerifiedAt: now, updatedAt: now }).where('id', '=', user.id).execute();
          user = (await findUserById(trx, user.id))!;
        }
      } else {
        if (passwordHash === null) throw invalidRequest('A password is required to create the account.', [{ path: '/body/password', message: 'is required' }]);
        user = await insertUser(trx, { email: invite.email, name: input.name ?? '', passwordHash, verified: true, now });
      }
      const spent = await trx
        .updateTable('invites')
        .set({ acceptedAt: now, acceptedBy: user.id })
        .where('id', '=', invite.id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw invalidToken();
      const existing = await trx.selectFrom('memberships').select('role').where('workspaceId', '=', invite.workspaceId).where('userId', '=', user.id).executeTakeFirst();
      // The role is the record's, never the caller's; an existing member keeps the role they have.
      const role = (existing?.role ?? invite.role) as Role;
      if (!existing) {
        await trx.insertInto('memberships').values({ workspaceId: invite.workspaceId, userId: user.id, role: invite.role, createdAt: now }).execute();
        await core.audit.record(trx, {
          workspaceId: invite.workspaceId,
          type: 'member.joined',
          actor: { type: 'user', id: user.id },
          target: { type: 'user', id: user.id },
          ip: facts.ip,
          userAgent: facts.userAgent,
          data: { role, inviteId: invite.id },
        });
      }
      const workspace = await getWorkspace(trx, invite.workspaceId);
      return { user: toUserView(user), workspace: toWorkspaceView(workspace, role) };
    });
    // A cached "not a member" for this user must not outlive the join.
    await core.bus.publish({ kind: 'membership', subject: `${result.workspace.id}:${result.user.id}` });
    return result;
  }

  private async pending(executor: Executor, tokenHash: string): Promise<InvitesTable> {
    const invite = await executor.selectFrom('invites').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
    if (!invite || invite.acceptedAt !== null || invite.revokedAt !== null || Number(invite.expiresAt) <= this.ctx.core.clock.now()) throw invalidToken();
    return invite;
  }
}
