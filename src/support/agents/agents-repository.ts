import type { Selectable } from 'kysely';
import type { AgentsTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';

export type AgentRow = Selectable<AgentsTable>;

/** The SQL of AI agent definitions; every query is bounded by the workspace. */
export const agentsRepository = {
  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<AgentRow[]> {
    let query = db.selectFrom('agents').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async get(db: Executor, workspaceId: string, id: string): Promise<AgentRow | undefined> {
    return db
      .selectFrom('agents')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insert(db: Executor, row: AgentRow): Promise<void> {
    await db.insertInto('agents').values(row).execute();
  },

  async update(db: Executor, workspaceId: string, id: string, patch: Partial<AgentRow>): Promise<boolean> {
    const result = await db
      .updateTable('agents')
      .set(patch)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async delete(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('agents')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },
};
