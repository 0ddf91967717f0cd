import type { Selectable } from 'kysely';
import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { WidgetKeysTable } from './tables.js';

export type WidgetKeyRow = Selectable<WidgetKeysTable>;

/** The SQL of widget keys. Bounded to one workspace, except the lookup by hash a browser's key needs. */
export const widgetKeyRepository = {
  async insert(db: Executor, row: WidgetKeyRow): Promise<void> {
    await db.insertInto('widgetKeys').values(row).execute();
  },

  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<WidgetKeyRow[]> {
    let query = db.selectFrom('widgetKeys').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async find(db: Executor, workspaceId: string, id: string): Promise<WidgetKeyRow | undefined> {
    return db
      .selectFrom('widgetKeys')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findByHash(
    db: Executor,
    hash: string,
  ): Promise<Pick<WidgetKeyRow, 'id' | 'workspaceId' | 'allowedOrigins' | 'revokedAt' | 'mobile'> | undefined> {
    return db
      .selectFrom('widgetKeys')
      .select(['id', 'workspaceId', 'allowedOrigins', 'revokedAt', 'mobile'])
      .where('hash', '=', hash)
      .executeTakeFirst();
  },

  async revoke(db: Executor, id: string, now: number): Promise<void> {
    await db
      .updateTable('widgetKeys')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
  },
};
