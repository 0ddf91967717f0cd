import type { Insertable, Selectable } from 'kysely';
import type { KbArticlesTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';

export type ArticleRow = Omit<Selectable<KbArticlesTable>, 'seq'>;

const COLUMNS = ['id', 'workspaceId', 'title', 'body', 'tags', 'published', 'createdAt', 'updatedAt'] as const;

/** The SQL of knowledge-base articles (search lives in search/). */
export const articlesRepository = {
  async list(
    db: Executor,
    workspaceId: string,
    filter: { published?: boolean },
    page: PageRequest,
  ): Promise<ArticleRow[]> {
    let query = db.selectFrom('kbArticles').select(COLUMNS).where('workspaceId', '=', workspaceId);
    if (filter.published !== undefined) query = query.where('published', '=', filter.published ? 1 : 0);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async get(db: Executor, workspaceId: string, id: string): Promise<ArticleRow | undefined> {
    return db
      .selectFrom('kbArticles')
      .select(COLUMNS)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insert(db: Executor, row: Insertable<KbArticlesTable>): Promise<void> {
    await db.insertInto('kbArticles').values(row).execute();
  },

  async update(db: Executor, workspaceId: string, id: string, patch: Partial<ArticleRow>): Promise<boolean> {
    const result = await db
      .updateTable('kbArticles')
      .set(patch)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async delete(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    const result = await db
      .deleteFrom('kbArticles')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },
};
