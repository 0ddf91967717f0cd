import type { Executor } from '../../audit/audit-log.js';
import { DAY_MS } from '../../jobs/sweep-job.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { InvitesTable } from '../tables.js';

/** The SQL of invitations. */

/**
 * How long an invitation's row stays after it expired (7 days after it was sent; an accepted or
 * revoked one stopped working earlier). Nothing lists or accepts it by then: its link answers as
 * an unknown one, and the audit log keeps who invited whom and who joined.
 */
export const INVITE_RETENTION_MS = 30 * DAY_MS;

export async function insertInvite(executor: Executor, row: InvitesTable): Promise<void> {
  await executor.insertInto('invites').values(row).execute();
}

/** Revokes the pending invitations of an address (a new one replaces them). */
export async function revokePendingInvitesTo(
  executor: Executor,
  workspaceId: string,
  email: string,
  now: number,
): Promise<void> {
  await executor
    .updateTable('invites')
    .set({ revokedAt: now })
    .where('workspaceId', '=', workspaceId)
    .where('email', '=', email)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Pending invitations (not accepted, revoked or expired), newest first, one extra for paging. */
export async function listPendingInvites(
  executor: Executor,
  workspaceId: string,
  page: PageRequest,
  now: number,
): Promise<InvitesTable[]> {
  let query = executor
    .selectFrom('invites')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now);
  if (page.before) query = query.where('id', '<', page.before);
  return query
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/**
 * Revokes one pending invitation of the workspace; false when there is none. An expired one is not
 * pending (nor listed): a 404 already, as once the sweep has deleted it (INVITE_RETENTION_MS).
 */
export async function revokeInvite(executor: Executor, workspaceId: string, id: string, now: number): Promise<boolean> {
  const result = await executor
    .updateTable('invites')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('workspaceId', '=', workspaceId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findInviteByTokenHash(executor: Executor, tokenHash: string): Promise<InvitesTable | undefined> {
  return executor.selectFrom('invites').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Marks an invitation accepted; false when it was accepted or revoked meanwhile (one use). */
export async function markInviteAccepted(
  executor: Executor,
  id: string,
  userId: string,
  now: number,
): Promise<boolean> {
  const spent = await executor
    .updateTable('invites')
    .set({ acceptedAt: now, acceptedBy: userId })
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}
