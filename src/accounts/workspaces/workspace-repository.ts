import type { Static } from 'typebox';
import type { Workspace } from './schemas.js';
import type { Executor } from '../../audit/audit-log.js';
import type { Plan } from '../../config.js';
import type { WorkspacesTable } from '../../storage/schema.js';
import { newId } from '../../storage/ids.js';
import { isoTime } from '../../http/schemas.js';
import { notFound } from '../../errors.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { Role } from '../../scopes/scopes.js';

/** `role` is the caller's, when the caller is a member (sessions). */
export type WorkspaceView = Static<typeof Workspace>;

export function toWorkspaceView(row: WorkspacesTable, role?: Role | null): WorkspaceView {
  const view: WorkspaceView = {
    id: row.id,
    name: row.name,
    plan: row.plan,
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
  if (role) view.role = role;
  return view;
}

/** A new workspace on the configured default plan, with its creator as owner. */
export async function createWorkspace(
  executor: Executor,
  input: { name: string; plan: Plan; ownerId: string; now: number },
): Promise<WorkspacesTable> {
  const row: WorkspacesTable = {
    id: newId('ws', input.now),
    name: input.name.trim(),
    plan: input.plan,
    rateLimitPerHour: null,
    createdAt: input.now,
    updatedAt: input.now,
  };
  await executor.insertInto('workspaces').values(row).execute();
  await executor
    .insertInto('memberships')
    .values({ workspaceId: row.id, userId: input.ownerId, role: 'owner', createdAt: input.now })
    .execute();
  return row;
}

export async function getWorkspace(executor: Executor, id: string): Promise<WorkspacesTable> {
  const row = await executor.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('workspace');
  return row;
}

/** The workspaces a user belongs to, newest first, with the user's role in each. */
export async function workspacesOf(
  executor: Executor,
  userId: string,
  page: PageRequest,
): Promise<Array<{ row: WorkspacesTable; role: Role; id: string }>> {
  let query = executor
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspaceId')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.userId', '=', userId);
  if (page.before) query = query.where('workspaces.id', '<', page.before);
  const rows = await query
    .orderBy('workspaces.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return rows.map(({ role, ...row }) => ({ row, role: role as Role, id: row.id }));
}

/** The workspace a fresh session lands in: the requested one (must be a member) or the oldest membership. */
export async function defaultWorkspaceOf(
  executor: Executor,
  userId: string,
): Promise<{ row: WorkspacesTable; role: Role } | null> {
  const found = await executor
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspaceId')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.userId', '=', userId)
    .orderBy('memberships.createdAt', 'asc')
    .orderBy('workspaces.id', 'asc')
    .executeTakeFirst();
  if (!found) return null;
  const { role, ...row } = found;
  return { row, role: role as Role };
}

export async function membershipOf(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<{ row: WorkspacesTable; role: Role } | null> {
  const found = await executor
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspaceId')
    .selectAll('workspaces')
    .select('memberships.role')
    .where('memberships.userId', '=', userId)
    .where('memberships.workspaceId', '=', workspaceId)
    .executeTakeFirst();
  if (!found) return null;
  const { role, ...row } = found;
  return { row, role: role as Role };
}

export async function renameWorkspace(executor: Executor, id: string, name: string, now: number): Promise<void> {
  await executor.updateTable('workspaces').set({ name, updatedAt: now }).where('id', '=', id).execute();
}

/** The operator-set fields (plan, API-key limit) of a workspace, or undefined when there is none. */
export async function operatorFieldsOf(
  executor: Executor,
  id: string,
): Promise<{ plan: string; rateLimitPerHour: number | null } | undefined> {
  const row = await executor
    .selectFrom('workspaces')
    .select(['plan', 'rateLimitPerHour'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { plan: row.plan, rateLimitPerHour: row.rateLimitPerHour === null ? null : Number(row.rateLimitPerHour) };
}

export async function setOperatorFields(
  executor: Executor,
  id: string,
  fields: { plan?: Plan; rateLimitPerHour?: number | null },
  now: number,
): Promise<void> {
  await executor
    .updateTable('workspaces')
    .set({ ...fields, updatedAt: now })
    .where('id', '=', id)
    .execute();
}
