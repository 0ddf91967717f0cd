import type { Static } from 'typebox';
import type { Invite, InviteBody } from './schemas.js';
import type { AcceptInviteBody } from '../auth/schemas.js';
import type { Executor } from '../../audit/audit-log.js';
import { conflict, forbidden, invalidRequest, notFound, unauthorized } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import type { RequestCaller, WorkspaceCaller } from '../../http/caller.js';
import { newId } from '../../storage/ids.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { InvitesTable } from '../tables.js';
import type { Role } from '../../scopes/scopes.js';
import type { AccountsContext } from '../context.js';
import { inviteEmail } from '../mail/emails.js';
import { invalidToken } from '../mail/link-token-repository.js';
import { checkPasswordPolicy } from '../auth/passwords.js';
import { LINK_TOKEN_SHAPE, LINK_TTL, newLinkToken, sha256 } from '../auth/tokens.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  markEmailVerified,
  normalizeEmail,
  toUserView,
  type UserView,
} from '../auth/user-repository.js';
import {
  findInviteByTokenHash,
  insertInvite,
  listPendingInvites,
  markInviteAccepted,
  revokeInvite,
  revokePendingInvitesTo,
} from './invite-repository.js';
import { insertMembership, memberIdByEmail, roleOf } from './member-repository.js';
import { getWorkspace, toWorkspaceView, type WorkspaceView } from './workspace-repository.js';

export type InviteRole = Exclude<Role, 'owner'>;

export type InviteView = Static<typeof Invite>;
export type InviteInput = Static<typeof InviteBody>;

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

  async create(caller: WorkspaceCaller, input: InviteInput): Promise<InviteView> {
    const { core } = this.ctx;
    const { workspaceId } = caller;
    const email = normalizeEmail(input.email);
    const { row, token, workspaceName } = await core.db.transaction().execute(async (trx) => {
      const workspace = await getWorkspace(trx, workspaceId);
      const memberId = await memberIdByEmail(trx, workspaceId, email);
      if (memberId !== undefined) throw conflict('This person is already a member of the workspace.', memberId);
      const now = core.clock.now();
      // A new invitation to the same address replaces the pending one (its link stops working).
      await revokePendingInvitesTo(trx, workspaceId, email, now);
      const secret = newLinkToken();
      const { actor } = caller;
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
      await insertInvite(trx, invite);
      await core.audit.record(trx, caller, {
        type: 'member.invited',
        target: { type: 'invite', id: invite.id },
        data: { email, role: input.role },
      });
      return { row: invite, token: secret, workspaceName: workspace.name };
    });
    this.ctx.mailer.send(
      inviteEmail(core.config.publicUrl, email, token, { id: workspaceId, name: workspaceName }, row.role),
    );
    return toInviteView(row);
  }

  /** Pending invitations (not accepted, revoked or expired), newest first. */
  async list(workspaceId: string, page: PageRequest): Promise<InviteView[] & Array<{ id: string }>> {
    const rows = await listPendingInvites(this.ctx.core.db, workspaceId, page, this.ctx.core.clock.now());
    return rows.map(toInviteView);
  }

  async revoke(caller: WorkspaceCaller, id: string): Promise<void> {
    const { core } = this.ctx;
    const { workspaceId } = caller;
    await core.db.transaction().execute(async (trx) => {
      if (!(await revokeInvite(trx, workspaceId, id, core.clock.now()))) throw notFound('invite');
      await core.audit.record(trx, caller, {
        type: 'member.invite_revoked',
        target: { type: 'invite', id },
      });
    });
  }

  /**
   * Joins the workspace with the role on the invite record. A new account is created verified
   * (the emailed token proved the address); an existing account must be the signed-in user.
   */
  async accept(
    input: Static<typeof AcceptInviteBody>,
    callerUserId: string | null,
    caller: RequestCaller,
  ): Promise<{ user: UserView; workspace: WorkspaceView }> {
    const { core, hasher } = this.ctx;
    if (!LINK_TOKEN_SHAPE.test(input.token)) throw invalidToken();
    const tokenHash = sha256(input.token);
    const preview = await this.pending(core.db, tokenHash);
    const known = await findUserByEmail(core.db, preview.email);
    let passwordHash: string | null = null;
    if (!known) {
      if (input.password === undefined)
        throw invalidRequest('A password is required to create the account.', [
          { path: '/body/password', message: 'is required' },
        ]);
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
          await markEmailVerified(trx, { userId: user.id, now, dropPassword: false });
          user = (await findUserById(trx, user.id))!;
        }
      } else {
        if (passwordHash === null)
          throw invalidRequest('A password is required to create the account.', [
            { path: '/body/password', message: 'is required' },
          ]);
        user = await insertUser(trx, {
          email: invite.email,
          name: input.name ?? '',
          passwordHash,
          verified: true,
          now,
        });
      }
      if (!(await markInviteAccepted(trx, invite.id, user.id, now))) throw invalidToken();
      const existing = await roleOf(trx, invite.workspaceId, user.id);
      // The role is the record's, never the caller's; an existing member keeps the role they have.
      const role = (existing ?? invite.role) as Role;
      if (existing === undefined) {
        await insertMembership(trx, {
          workspaceId: invite.workspaceId,
          userId: user.id,
          role: invite.role as Role,
          now,
        });
        await core.audit.record(trx, caller, {
          workspaceId: invite.workspaceId,
          type: 'member.joined',
          actor: { type: 'user', id: user.id },
          target: { type: 'user', id: user.id },
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
    const invite = await findInviteByTokenHash(executor, tokenHash);
    if (
      !invite ||
      invite.acceptedAt !== null ||
      invite.revokedAt !== null ||
      Number(invite.expiresAt) <= this.ctx.core.clock.now()
    )
      throw invalidToken();
    return invite;
  }
}
