import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { pageRequest } from '../../storage/pagination.js';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { guarded } from '../route-options.js';
import { IdempotencyHeaders, IdParams } from '../schemas.js';
import type { SupportServices } from '../services.js';
import {
  Article,
  ArticleList,
  ArticleQuery,
  CreateArticle,
  SearchQuery,
  SearchResults,
  UpdateArticle,
} from './schemas.js';

const TAG = 'knowledge base';

export async function kbRoutes(plugin: FastifyInstance, { articles, idempotency }: SupportServices): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/kb/articles',
    guarded('sources.read', TAG, {
      summary: 'List articles',
      querystring: ArticleQuery,
      response: { 200: ArticleList },
    }),
    async function listArticles(request) {
      const { query } = request;
      return articles.list(workspaceCaller(request), { published: query.published }, pageRequest(query));
    },
  );

  app.post(
    '/kb/articles',
    guarded('sources.write', TAG, {
      summary: 'Create an article',
      description: 'Articles start unpublished unless `published` is true; only published articles are searched.',
      headers: IdempotencyHeaders,
      body: CreateArticle,
      response: { 201: Article },
    }),
    async function createArticle(request, reply) {
      const caller = workspaceCaller(request);
      const input = request.body;
      return idempotency.send(request, reply, async (executor) => ({
        status: 201,
        body: await articles.create(executor, caller, input),
      }));
    },
  );

  app.get(
    '/kb/articles/:id',
    guarded('sources.read', TAG, { summary: 'Get an article', params: IdParams, response: { 200: Article } }),
    async function getArticle(request) {
      return articles.get(workspaceCaller(request), request.params.id);
    },
  );

  app.patch(
    '/kb/articles/:id',
    guarded('sources.write', TAG, {
      summary: 'Update an article',
      params: IdParams,
      body: UpdateArticle,
      response: { 200: Article },
    }),
    async function updateArticle(request) {
      return articles.update(workspaceCaller(request), request.params.id, request.body);
    },
  );

  app.delete(
    '/kb/articles/:id',
    guarded('sources.write', TAG, {
      summary: 'Delete an article',
      params: IdParams,
      response: { 204: Type.Null({ description: 'Deleted' }) },
    }),
    async function deleteArticle(request, reply) {
      await articles.delete(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/kb/search',
    guarded('sources.read', TAG, {
      summary: 'Search articles',
      description:
        'Ranked full-text search over published articles (title weighs most, then tags, then body). Every word must match; the last also as a prefix. Snippets are HTML: the article text is escaped (`& < > " \'`) and matches are wrapped in `<mark>…</mark>`, so a snippet can be inserted as HTML as it is (escaping it again would show the entities).',
      querystring: SearchQuery,
      response: { 200: SearchResults },
    }),
    async function searchArticles(request) {
      const { query } = request;
      return { data: await articles.search(workspaceCaller(request).workspaceId, query.q, query.limit ?? 10) };
    },
  );
}
