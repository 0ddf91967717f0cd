import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { ApiKeyRow } from './key-view.js';
import type { Selectable } from 'kysely';
import type { WidgetKeysTable } from './tables.js';

export type WidgetKeyRow = Selectable<WidgetKeysTable>;

/** The SQL of the keys domain. Every query is bounded to one workspace: another's key is "missing". */
export const keyRepository = {
  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<ApiKeyRow[]> {
    let query = db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  },

  async find(db: Executor, workspaceId: string, id: string): Promise<ApiKeyRow | undefined> {
    return db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  },

  /** Inside a transaction: the row locked on PostgreSQL, so concurrent revoke/roll serialise. */
  async findForUpdate(db: Executor, workspaceId: string, id: string, dialect: 'sqlite' | 'postgres'): Promise<ApiKeyRow | undefined> {
    let query = db.selectFrom('apiKeys').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id);
    if (dialect === 'postgres') query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async rename(db: Executor, id: string, name: string): Promise<void> {
    await db.updateTable('apiKeys').set({ name }).where('id', '=', id).execute();
  },

  async revoke(db: Executor, id: string, now: number): Promise<void> {
    await db.updateTable('apiKeys').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).execute();
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

  async workspace(db: Executor, id: string): Promise<{ id: string; name: string; plan: string } | undefined> {
    return db.selectFrom('workspaces').select(['id', 'name', 'plan']).where('id', '=', id).executeTakeFirst();
  },

  async insertWidgetKey(db: Executor, row: WidgetKeyRow): Promise<void> {
    await db.insertInto('widgetKeys').values(row).execute();
  },

  async listWidgetKeys(db: Executor, workspaceId: string, page: PageRequest): Promise<WidgetKeyRow[]> {
    let query = db.selectFrom('widgetKeys').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  },

  async findWidgetKey(db: Executor, workspaceId: string, id: string): Promise<WidgetKeyRow | undefined> {
    return db.selectFrom('widgetKeys').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  },

  async revokeWidgetKey(db: Executor, id: string, now: number): Promise<void> {
    await db.updateTable('widgetKeys').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).execute();
  },
};
