import type { Selectable } from 'kysely';
import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { ApiTestCredentialsTable, ApiTestRunsTable } from './tables.js';

export type CredentialRow = Selectable<ApiTestCredentialsTable>;
export type RunRow = Selectable<ApiTestRunsTable>;

/** The SQL of API test credentials and runs; every query is bounded to one workspace. */
export const apiTestsRepository = {
  async insertCredential(db: Executor, row: CredentialRow): Promise<void> {
    await db.insertInto('apiTestCredentials').values(row).execute();
  },

  async listCredentials(db: Executor, workspaceId: string, page: PageRequest): Promise<CredentialRow[]> {
    let query = db.selectFrom('apiTestCredentials').selectAll().where('workspaceId', '=', workspaceId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async findCredential(db: Executor, workspaceId: string, id: string): Promise<CredentialRow | undefined> {
    return db
      .selectFrom('apiTestCredentials')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async updateCredential(
    db: Executor,
    workspaceId: string,
    id: string,
    changes: Partial<Pick<CredentialRow, 'name' | 'baseUrl' | 'secretSealed' | 'updatedAt' | 'lastUsedAt'>>,
  ): Promise<void> {
    await db
      .updateTable('apiTestCredentials')
      .set(changes)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  },

  async deleteCredential(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('apiTestCredentials')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async insertRun(db: Executor, row: RunRow): Promise<void> {
    await db.insertInto('apiTestRuns').values(row).execute();
  },

  async listRuns(
    db: Executor,
    workspaceId: string,
    filter: { credentialId?: string },
    page: PageRequest,
  ): Promise<RunRow[]> {
    let query = db.selectFrom('apiTestRuns').selectAll().where('workspaceId', '=', workspaceId);
    if (filter.credentialId !== undefined) query = query.where('credentialId', '=', filter.credentialId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async findRun(db: Executor, workspaceId: string, id: string): Promise<RunRow | undefined> {
    return db
      .selectFrom('apiTestRuns')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
