import type { Static } from 'typebox';
import type { Member } from './schemas.js';
import type { Executor } from '../../audit/audit-log.js';
import { isoTime } from '../../http/schemas.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { Role } from '../../scopes/scopes.js';

/** The SQL of memberships (user × workspace → role). */

export type MemberView = Static<typeof Member>;

/** A member's role, or undefined for "not a member" (the role string as stored). */
export async function roleOf(executor: Executor, workspaceId: string, userId: string): Promise<string | undefined> {
  const row = await executor
    .selectFrom('memberships')
    .select('role')
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/** The workspaces a user belongs to (at most `limit`), for audit fan-out. */
export async function workspaceIdsOf(executor: Executor, userId: string, limit: number): Promise<string[]> {
  const rows = await executor
    .selectFrom('memberships')
    .select('workspaceId')
    .where('userId', '=', userId)
    .limit(limit)
    .execute();
  return rows.map((row) => row.workspaceId);
}

export async function listMembers(
  executor: Executor,
  workspaceId: string,
  page: PageRequest,
): Promise<Array<MemberView & { id: string }>> {
  let query = executor
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.workspaceId', '=', workspaceId);
  if (page.before) query = query.where('users.id', '<', page.before);
  const rows = await query
    .orderBy('users.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    joinedAt: isoTime(r.createdAt)!,
  }));
}

export async function findMember(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<MemberView | undefined> {
  const row = await executor
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.workspaceId', '=', workspaceId)
    .where('memberships.userId', '=', userId)
    .executeTakeFirst();
  return row
    ? { userId: row.id, email: row.email, name: row.name, role: row.role as Role, joinedAt: isoTime(row.createdAt)! }
    : undefined;
}

/** The member of a workspace with this (normalised) email, if any. */
export async function memberIdByEmail(
  executor: Executor,
  workspaceId: string,
  email: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.id')
    .where('memberships.workspaceId', '=', workspaceId)
    .where('users.email', '=', email)
    .executeTakeFirst();
  return row?.id;
}

export async function insertMembership(
  executor: Executor,
  input: { workspaceId: string; userId: string; role: Role; now: number },
): Promise<void> {
  await executor
    .insertInto('memberships')
    .values({ workspaceId: input.workspaceId, userId: input.userId, role: input.role, createdAt: input.now })
    .execute();
}

export async function setRole(executor: Executor, workspaceId: string, userId: string, role: Role): Promise<void> {
  await executor
    .updateTable('memberships')
    .set({ role })
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .execute();
}

export async function deleteMembership(executor: Executor, workspaceId: string, userId: string): Promise<void> {
  await executor
    .deleteFrom('memberships')
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .execute();
}

/** The owners of a workspace; `lock` takes row locks (PostgreSQL) so two demotions cannot race. */
export async function ownerIds(executor: Executor, workspaceId: string, options: { lock: boolean }): Promise<string[]> {
  let query = executor
    .selectFrom('memberships')
    .select('userId')
    .where('workspaceId', '=', workspaceId)
    .where('role', '=', 'owner');
  if (options.lock) query = query.forUpdate();
  return (await query.execute()).map((row) => row.userId);
}
