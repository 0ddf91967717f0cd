import type { CoreDeps } from '../../deps.js';
import type { AuthenticatedCaller, WorkspaceCaller } from '../../http/caller.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { WorkspacesTable } from '../../storage/schema.js';
import type { Role } from '../../scopes/scopes.js';
import { createWorkspace, getWorkspace, renameWorkspace, workspacesOf } from './workspace-repository.js';

/** Workspaces: the signed-in user's list, creating one (its creator owns it) and renaming the current one. */
export class Workspaces {
  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'config' | 'audit' | 'bus'>) {}

  mine(userId: string, page: PageRequest): Promise<Array<{ row: WorkspacesTable; role: Role; id: string }>> {
    return workspacesOf(this.core.db, userId, page);
  }

  get(workspaceId: string): Promise<WorkspacesTable> {
    return getWorkspace(this.core.db, workspaceId);
  }

  async create(caller: AuthenticatedCaller, userId: string, name: string): Promise<WorkspacesTable> {
    const { core } = this;
    const row = await core.db.transaction().execute(async (trx) => {
      const created = await createWorkspace(trx, {
        name,
        plan: core.config.defaultPlan,
        ownerId: userId,
        now: core.clock.now(),
      });
      await core.audit.record(trx, caller, {
        workspaceId: created.id,
        type: 'workspace.created',
        target: { type: 'workspace', id: created.id },
        data: { name: created.name, plan: created.plan },
      });
      return created;
    });
    // The creator may have a cached "not a member" entry for this id (unlikely, but cheap to rule out).
    await core.bus.publish({ kind: 'membership', subject: `${row.id}:${userId}` });
    return row;
  }

  /** Renames the workspace (audited); an absent or unchanged name changes nothing. */
  async rename(caller: WorkspaceCaller, name: string | undefined): Promise<WorkspacesTable> {
    const { core } = this;
    const { workspaceId } = caller;
    return core.db.transaction().execute(async (trx) => {
      const before = await getWorkspace(trx, workspaceId);
      if (name === undefined || name.trim() === before.name) return before;
      const now = core.clock.now();
      await renameWorkspace(trx, workspaceId, name.trim(), now);
      await core.audit.record(trx, caller, {
        type: 'workspace.updated',
        target: { type: 'workspace', id: workspaceId },
        data: { name: { from: before.name, to: name.trim() } },
      });
      return getWorkspace(trx, workspaceId);
    });
  }
}
