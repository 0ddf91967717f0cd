import type { Executor } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { isoTime } from '../http/schemas.js';
import type { Principal, RequestFacts } from '../http/principal.js';
import { actorOf } from '../http/principal.js';
import type { PageRequest } from '../storage/pagination.js';
import type { Role } from '../scopes/scopes.js';

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

/**
 * Members and roles. An API key with `members.write` acts as an admin: it may manage agents
 * and admins but never owners. A workspace always keeps at least one owner.
 */
export class Members {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'storage' | 'audit' | 'bus'>) {}

  async list(workspaceId: string, page: PageRequest): Promise<Array<MemberView & { id: string }>> {
    let query = this.core.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
      .where('memberships.workspaceId', '=', workspaceId);
    if (page.before) query = query.where('users.id', '<', page.before);
    const rows = await query.orderBy('users.id', 'desc').limit(page.limit + 1).execute();
    return rows.map((r) => ({ id: r.id, userId: r.id, email: r.email, name: r.name, role: r.role as Role, joinedAt: isoTime(r.createdAt)! }));
  }

  async changeRole(workspaceId: string, userId: string, role: Role, principal: Principal, facts: RequestFacts): Promise<MemberView> {
    // A member's own role is never writable by themselves (no self-promotion, no accidental lock-out).
    if (principal.type === 'session' && principal.userId === userId) throw forbidden('You cannot change your own role.');
    const view = await this.core.db.transaction().execute(async (trx) => {
      const target = await this.member(trx, workspaceId, userId);
      if ((target.role === 'owner' || role === 'owner') && actingRole(principal) !== 'owner') {
        throw forbidden('Only an owner can make or unmake owners.');
      }
      if (target.role === role) return target;
      if (target.role === 'owner') await this.keepAnOwner(trx, workspaceId);
      await trx.updateTable('memberships').set({ role }).where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'member.role_changed',
        actor: actorOf(principal),
        target: { type: 'user', id: userId },
        ip: facts.ip,
        userAgent: facts.userAgent,
        data: { from: target.role, to: role },
      });
      return { ...target, role };
    });
    // Effective on the next request of the member, on every instance.
    await this.core.bus.publish({ kind: 'membership', subject: `${workspaceId}:${userId}` });
    return view;
  }

  async remove(workspaceId: string, userId: string, principal: Principal, facts: RequestFacts): Promise<void> {
    await this.core.db.transaction().execute(async (trx) => {
      const target = await this.member(trx, workspaceId, userId);
      const leaving = principal.type === 'session' && principal.userId === userId;
      if (target.role === 'owner' && !leaving && actingRole(principal) !== 'owner') throw forbidden('Only an owner can remove an owner.');
      if (target.role === 'owner') await this.keepAnOwner(trx, workspaceId);
      await trx.deleteFrom('memberships').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute();
      await this.core.audit.record(trx, {
        workspaceId,
        type: 'member.removed',
        actor: actorOf(principal),
        target: { type: 'user', id: userId },
        ip: facts.ip,
        userAgent: facts.userAgent,
        data: { role: target.role },
      });
    });
    await this.core.bus.publish({ kind: 'membership', subject: `${workspaceId}:${userId}` });
  }

  private async member(trx: Executor, workspaceId: string, userId: string): Promise<MemberView> {
    const row = await trx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
      .where('memberships.workspaceId', '=', workspaceId)
      .where('memberships.userId', '=', userId)
      .executeTakeFirst();
    if (!row) throw notFound('member');
    return { userId: row.id, email: row.email, name: row.name, role: row.role as Role, joinedAt: isoTime(row.createdAt)! };
  }

  /** Throws 409 unless another owner remains. On PostgreSQL the owner rows are locked so two demotions cannot race. */
  private async keepAnOwner(trx: Executor, workspaceId: string): Promise<void> {
    let query = trx.selectFrom('memberships').select('userId').where('workspaceId', '=', workspaceId).where('role', '=', 'owner');
    if (this.core.storage.dialect === 'postgres') query = query.forUpdate();
    const owners = await query.execute();
    if (owners.length <= 1) throw conflict('A workspace must keep at least one owner.');
  }
}

/** The role a principal acts with: a session's role, or `admin` for an API key holding the scope. */
function actingRole(principal: Principal): Role {
  return principal.type === 'session' ? (principal.role ?? 'agent') : 'admin';
}
