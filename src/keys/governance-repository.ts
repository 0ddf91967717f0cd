import type { Executor } from '../audit/audit-log.js';
import type { ApiKeyRow } from './key-view.js';

/** The SQL of the key-governance job and leak reports (policies live in key-policy.ts). */
export const governanceRepository = {
  /** Emails of the workspace's owners: the people told about leaks and expiring keys. */
  async ownerEmails(db: Executor, workspaceId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select('users.email')
      .where('memberships.workspaceId', '=', workspaceId)
      .where('memberships.role', '=', 'owner')
      .execute();
    return rows.map((r) => r.email);
  },

  async workspacesWithIdlePolicy(db: Executor): Promise<Array<{ workspaceId: string; days: number }>> {
    const rows = await db
      .selectFrom('keyPolicies')
      .select(['workspaceId', 'disableUnusedDays'])
      .where('disableUnusedDays', 'is not', null)
      .execute();
    return rows.map((r) => ({ workspaceId: r.workspaceId, days: Number(r.disableUnusedDays) }));
  },

  /** Keys that still work (not revoked, disabled or expired) in one workspace. */
  async liveKeys(db: Executor, workspaceId: string, now: number): Promise<ApiKeyRow[]> {
    return db
      .selectFrom('apiKeys')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('revokedAt', 'is', null)
      .where('disabledAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
      .execute();
  },

  /** Marks a key disabled unless another instance (or a revocation) got there first. */
  async disable(db: Executor, id: string, now: number): Promise<boolean> {
    const result = await db
      .updateTable('apiKeys')
      .set({ disabledAt: now })
      .where('id', '=', id)
      .where('disabledAt', 'is', null)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Live, not yet warned, not rolled keys expiring in (now, until]. */
  async expiringKeys(db: Executor, now: number, until: number): Promise<ApiKeyRow[]> {
    return db
      .selectFrom('apiKeys')
      .selectAll()
      .where('expiresAt', '>', now)
      .where('expiresAt', '<=', until)
      .where('expiryWarnedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .where('rolledTo', 'is', null)
      .limit(1000)
      .execute();
  },

  /** Claims the one warning of a key: false when another instance already sent it. */
  async claimExpiryWarning(db: Executor, id: string, now: number): Promise<boolean> {
    const result = await db
      .updateTable('apiKeys')
      .set({ expiryWarnedAt: now })
      .where('id', '=', id)
      .where('expiryWarnedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async findByHash(db: Executor, hash: string): Promise<ApiKeyRow | undefined> {
    return db.selectFrom('apiKeys').selectAll().where('hash', '=', hash).executeTakeFirst();
  },
};
