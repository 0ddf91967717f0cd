import type { CoreDeps } from '../../deps.js';
import type { Executor } from '../../audit/audit-log.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import type { Principal } from '../../http/principal.js';
import type { WorkspaceCaller } from '../../http/caller.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { Role } from '../../scopes/scopes.js';
import { deleteMembership, findMember, listMembers, ownerIds, setRole, type MemberView } from './member-repository.js';

export type { MemberView } from './member-repository.js';

/**
 * Members and roles. An API key with `members.write` acts as an admin: it may manage agents
 * and admins but never owners. A workspace always keeps at least one owner.
 */
export class Members {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'storage' | 'audit' | 'bus'>) {}

  list(workspaceId: string, page: PageRequest): Promise<Array<MemberView & { id: string }>> {
    return listMembers(this.core.db, workspaceId, page);
  }

  async changeRole(caller: WorkspaceCaller, userId: string, role: Role): Promise<MemberView> {
    const { workspaceId, principal } = caller;
    // A member's own role is never writable by themselves (no self-promotion, no accidental lock-out).
    if (principal.type === 'session' && principal.userId === userId)
      throw forbidden('You cannot change your own role.');
    const view = await this.core.db.transaction().execute(async (trx) => {
      const target = await this.member(trx, workspaceId, userId);
      if ((target.role === 'owner' || role === 'owner') && actingRole(principal) !== 'owner') {
        throw forbidden('Only an owner can make or unmake owners.');
      }
      if (target.role === role) return target;
      if (target.role === 'owner') await this.keepAnOwner(trx, workspaceId);
      await setRole(trx, workspaceId, userId, role);
      await this.core.audit.record(trx, caller, {
        type: 'member.role_changed',
        target: { type: 'user', id: userId },
        data: { from: target.role, to: role },
      });
      return { ...target, role };
    });
    // Effective on the next request of the member, on every instance.
    await this.core.bus.publish({ kind: 'membership', subject: `${workspaceId}:${userId}` });
    return view;
  }

  async remove(caller: WorkspaceCaller, userId: string): Promise<void> {
    const { workspaceId, principal } = caller;
    const logged = await this.core.db.transaction().execute(async (trx) => {
      const target = await this.member(trx, workspaceId, userId);
      const leaving = principal.type === 'session' && principal.userId === userId;
      if (target.role === 'owner' && !leaving && actingRole(principal) !== 'owner')
        throw forbidden('Only an owner can remove an owner.');
      if (target.role === 'owner') await this.keepAnOwner(trx, workspaceId);
      await deleteMembership(trx, workspaceId, userId);
      await this.core.audit.record(trx, caller, {
        type: 'member.removed',
        target: { type: 'user', id: userId },
        data: { role: target.role },
      });
      // Logged with the removal, so every instance hears of it even if the fast path is down.
      return this.core.bus.record(trx, { kind: 'membership', subject: `${workspaceId}:${userId}` });
    });
    await this.core.bus.announce(logged);
  }

  private async member(trx: Executor, workspaceId: string, userId: string): Promise<MemberView> {
    const member = await findMember(trx, workspaceId, userId);
    if (!member) throw notFound('member');
    return member;
  }

  /** Throws 409 unless another owner remains. On PostgreSQL the owner rows are locked so two demotions cannot race. */
  private async keepAnOwner(trx: Executor, workspaceId: string): Promise<void> {
    const owners = await ownerIds(trx, workspaceId, { lock: this.core.storage.dialect === 'postgres' });
    if (owners.length <= 1) throw conflict('A workspace must keep at least one owner.');
  }
}

/** The role a principal acts with: a session's role, or `admin` for an API key holding the scope. */
function actingRole(principal: Principal): Role {
  return principal.type === 'session' ? (principal.role ?? 'agent') : 'admin';
}
