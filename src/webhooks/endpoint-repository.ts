import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { WebhookEndpointsTable } from './tables.js';

export type EndpointRow = Selectable<WebhookEndpointsTable>;

/** The SQL of webhook endpoints, always bounded to one workspace. */
export const endpointRepository = {
  async insert(db: Executor, row: EndpointRow): Promise<void> {
    await db.insertInto('webhookEndpoints').values(row).execute();
  },

  async count(db: Executor, workspaceId: string): Promise<number> {
    const row = await db
      .selectFrom('webhookEndpoints')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<EndpointRow[]> {
    let query = db.selectFrom('webhookEndpoints').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async find(db: Executor, workspaceId: string, id: string): Promise<EndpointRow | undefined> {
    return db
      .selectFrom('webhookEndpoints')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Any workspace's endpoint: for the delivery worker, which works for all of them. */
  async byId(db: Executor, id: string): Promise<EndpointRow | undefined> {
    return db.selectFrom('webhookEndpoints').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The endpoints that receive new events: enabled ones (the dispatcher filters by type). */
  async enabled(db: Executor, workspaceId: string): Promise<Array<Pick<EndpointRow, 'id' | 'events'>>> {
    return db
      .selectFrom('webhookEndpoints')
      .select(['id', 'events'])
      .where('workspaceId', '=', workspaceId)
      .where('status', '=', 'enabled')
      .execute();
  },

  async update(db: Executor, id: string, changes: Updateable<WebhookEndpointsTable>): Promise<void> {
    await db.updateTable('webhookEndpoints').set(changes).where('id', '=', id).execute();
  },

  /** Disables an enabled endpoint; false when it was already disabled (another instance won). */
  async disable(db: Executor, id: string, reason: string, now: number): Promise<boolean> {
    const result = await db
      .updateTable('webhookEndpoints')
      .set({ status: 'disabled', disabledReason: reason, updatedAt: now })
      .where('id', '=', id)
      .where('status', '=', 'enabled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('webhookEndpoints').where('id', '=', id).execute();
  },
};
