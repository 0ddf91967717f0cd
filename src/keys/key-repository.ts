import { sql } from 'kysely';
import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { ApiKeyRow } from './key-view.js';

/** What the verifier caches for one key: the key and the workspace facts the hook needs. */
export interface KeyWithWorkspace {
  id: string;
  hash: string;
  workspaceId: string;
  scopes: string;
  expiresAt: number | null;
  revokedAt: number | null;
  allowedIps: string | null;
  disabledAt: number | null;
  workspaceName: string;
  plan: string;
  rateLimitPerHour: number | null;
}

/** One key's buffered usage, as the usage buffer flushes it. */
export interface KeyUse {
  lastUsedAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** The SQL of the keys domain. Every query is bounded to one workspace: another's key is "missing". */
export const keyRepository = {
  async insert(db: Executor, row: ApiKeyRow): Promise<void> {
    await db.insertInto('apiKeys').values(row).execute();
  },

  /** The verifier's lookup: by hash across workspaces, with the workspace's plan and limit. */
  async findByHash(db: Executor, hash: string): Promise<KeyWithWorkspace | undefined> {
    return db
      .selectFrom('apiKeys')
      .innerJoin('workspaces', 'workspaces.id', 'apiKeys.workspaceId')
      .select([
        'apiKeys.id',
        'apiKeys.hash',
        'apiKeys.workspaceId',
        'apiKeys.scopes',
        'apiKeys.expiresAt',
        'apiKeys.revokedAt',
        'apiKeys.allowedIps',
        'apiKeys.disabledAt',
        'workspaces.name as workspaceName',
        'workspaces.plan',
        'workspaces.rateLimitPerHour',
      ])
      .where('apiKeys.hash', '=', hash)
      .executeTakeFirst();
  },

  /**
   * Claims the right to audit an expired key's use: true for the one caller whose conditional
   * update lands, so only one instance writes the event per interval.
   */
  async claimAudit(
    db: Executor,
    id: string,
    column: 'expiredUseAuditedAt' | 'ipDeniedAuditedAt',
    now: number,
    intervalMs: number,
  ): Promise<boolean> {
    const result = await db
      .updateTable('apiKeys')
      .set({ [column]: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb(column, 'is', null), eb(column, '<=', now - intervalMs)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Of these key ids, the ones that still exist (a workspace's removal deletes its keys). */
  async existingIds(db: Executor, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('apiKeys').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },

  async recordUse(db: Executor, keyId: string, use: KeyUse): Promise<void> {
    await db
      .updateTable('apiKeys')
      .set({ lastUsedAt: use.lastUsedAt, lastUsedIp: use.ip, lastUsedUserAgent: use.userAgent?.slice(0, 512) ?? null })
      .where('id', '=', keyId)
      // Another instance may have flushed a later use already.
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', use.lastUsedAt)]))
      .execute();
  },

  async addDailyCount(db: Executor, keyId: string, day: number, count: number): Promise<void> {
    await db
      .insertInto('keyUsageDaily')
      .values({ keyId, day, count })
      .onConflict((oc) =>
        oc.columns(['keyId', 'day']).doUpdateSet({ count: sql<number>`key_usage_daily.count + excluded.count` }),
      )
      .execute();
  },

  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<ApiKeyRow[]> {
    let query = db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  /** Every key of a workspace, newest first: the operator's (CLI) listing. */
  async listAll(db: Executor, workspaceId: string): Promise<ApiKeyRow[]> {
    return db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId).orderBy('id', 'desc').execute();
  },

  /** The operator (CLI) names a key by id alone; locked on PostgreSQL like findForUpdate. */
  async findInAnyWorkspace(db: Executor, id: string, dialect: 'sqlite' | 'postgres'): Promise<ApiKeyRow | undefined> {
    let query = db.selectFrom('apiKeys').selectAll().where('id', '=', id);
    if (dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async find(db: Executor, workspaceId: string, id: string): Promise<ApiKeyRow | undefined> {
    return db
      .selectFrom('apiKeys')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Inside a transaction: the row locked on PostgreSQL, so concurrent revoke/roll serialise. */
  async findForUpdate(
    db: Executor,
    workspaceId: string,
    id: string,
    dialect: 'sqlite' | 'postgres',
  ): Promise<ApiKeyRow | undefined> {
    let query = db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id);
    if (dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  },

  /**
   * The keys that these keys created or rolled (their `createdBy` is one of them), revoked or
   * not, locked on PostgreSQL so a revocation and a concurrent create by a child serialise.
   */
  async createdByKeys(
    db: Executor,
    workspaceId: string,
    keyIds: string[],
    dialect: 'sqlite' | 'postgres',
  ): Promise<ApiKeyRow[]> {
    if (keyIds.length === 0) return [];
    let query = db
      .selectFrom('apiKeys')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('createdByType', '=', 'api_key')
      .where('createdById', 'in', keyIds)
      .orderBy('id');
    if (dialect === 'postgres') query = query.forUpdate();
    return query.execute();
  },

  async rename(db: Executor, id: string, name: string): Promise<void> {
    await db.updateTable('apiKeys').set({ name }).where('id', '=', id).execute();
  },

  async setAllowedIps(db: Executor, id: string, allowedIps: string | null): Promise<void> {
    await db.updateTable('apiKeys').set({ allowedIps }).where('id', '=', id).execute();
  },

  async enable(db: Executor, id: string, now: number): Promise<void> {
    await db.updateTable('apiKeys').set({ disabledAt: null, enabledAt: now }).where('id', '=', id).execute();
  },

  async revoke(db: Executor, id: string, now: number): Promise<void> {
    await db
      .updateTable('apiKeys')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
  },

  async markRolled(db: Executor, id: string, successorId: string, expiresAt: number): Promise<void> {
    await db.updateTable('apiKeys').set({ rolledTo: successorId, expiresAt }).where('id', '=', id).execute();
  },

  async dailyUsage(db: Executor, keyId: string, fromDay: number): Promise<Array<{ day: number; count: number }>> {
    const rows = await db
      .selectFrom('keyUsageDaily')
      .select(['day', 'count'])
      .where('keyId', '=', keyId)
      .where('day', '>=', fromDay)
      .execute();
    return rows.map((r) => ({ day: Number(r.day), count: Number(r.count) }));
  },

  /** For GET /me: the caller's workspace and user, read-only. */
  async workspace(db: Executor, id: string): Promise<{ id: string; name: string; plan: string } | undefined> {
    return db.selectFrom('workspaces').select(['id', 'name', 'plan']).where('id', '=', id).executeTakeFirst();
  },

  async user(db: Executor, id: string): Promise<{ id: string; email: string; name: string } | undefined> {
    return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst();
  },
};
