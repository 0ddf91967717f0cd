import type { CoreDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import { isId, newId } from '../../storage/ids.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import type { WorkspaceCaller } from '../../http/caller.js';
import { inTransaction, type Executor } from '../context.js';
import { articlesRepository as repo, type ArticleRow } from './articles-repository.js';
import { articleSearchFor, searchTerms, type ArticleSearch } from './article-search.js';
import type { Static } from 'typebox';
import type { Article, CreateArticleInput, SearchHit, UpdateArticleInput } from './schemas.js';

export type ArticleView = Static<typeof Article>;

export type SearchHitView = Static<typeof SearchHit>;

function articleView(row: ArticleRow): ArticleView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    published: Number(row.published) === 1,
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
}

/** Knowledge-base articles and their search. */
export class ArticlesService {
  private readonly engine: ArticleSearch;

  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit' | 'storage'>) {
    this.engine = articleSearchFor(core.storage.dialect);
  }

  async list(caller: WorkspaceCaller, filter: { published?: boolean }, page: PageRequest): Promise<Page<ArticleView>> {
    const rows = await repo.list(this.core.db, caller.workspaceId, filter, page);
    return toPage(rows, page.limit, articleView);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<ArticleView> {
    const row = isId(id, 'art') ? await repo.get(this.core.db, caller.workspaceId, id) : undefined;
    if (!row) throw notFound('article');
    return articleView(row);
  }

  async create(executor: Executor, caller: WorkspaceCaller, input: CreateArticleInput): Promise<ArticleView> {
    const now = this.core.clock.now();
    const row: ArticleRow = {
      id: newId('art', now),
      workspaceId: caller.workspaceId,
      title: input.title,
      body: input.body,
      tags: JSON.stringify(input.tags ?? []),
      published: input.published ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    };
    await inTransaction(executor, (trx) => repo.insert(trx, row));
    return articleView(row);
  }

  async update(caller: WorkspaceCaller, id: string, patch: UpdateArticleInput): Promise<ArticleView> {
    if (!isId(id, 'art')) throw notFound('article');
    const changes: Partial<ArticleRow> = { updatedAt: this.core.clock.now() };
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.body !== undefined) changes.body = patch.body;
    if (patch.tags !== undefined) changes.tags = JSON.stringify(patch.tags);
    if (patch.published !== undefined) changes.published = patch.published ? 1 : 0;
    return this.core.db.transaction().execute(async (trx) => {
      if (!(await repo.update(trx, caller.workspaceId, id, changes))) throw notFound('article');
      return articleView((await repo.get(trx, caller.workspaceId, id))!);
    });
  }

  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    if (!isId(id, 'art')) throw notFound('article');
    await this.core.db.transaction().execute(async (trx) => {
      if (!(await repo.delete(trx, caller.workspaceId, id))) throw notFound('article');
      await this.core.audit.record(trx, caller, {
        type: 'kb_article.deleted',
        target: { type: 'kb_article', id },
      });
    });
  }

  /** Published articles only: search is what a help centre (and later the widget) shows. */
  async search(workspaceId: string, q: string, limit: number): Promise<SearchHitView[]> {
    const rows = await this.engine.search(this.core.db, workspaceId, searchTerms(q), limit);
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      tags: JSON.parse(row.tags) as string[],
      snippet: row.snippet,
      score: Math.round(Number(row.score) * 1e6) / 1e6,
      updatedAt: isoTime(row.updatedAt)!,
    }));
  }
}
