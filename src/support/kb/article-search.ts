import { sql } from 'kysely';
import type { Dialect } from '../../storage/database.js';
import type { Executor } from '../context.js';
import { queryTemplate } from '../../storage/query-template.js';

export interface SearchHitRow {
  id: string;
  title: string;
  /** JSON array text, as stored. */
  tags: string;
  snippet: string;
  score: number;
  updatedAt: number;
}

/** Ranked full-text search over a workspace's published articles, with highlighted snippets. */
export interface ArticleSearch {
  search(db: Executor, workspaceId: string, terms: readonly string[], limit: number): Promise<SearchHitRow[]>;
}

const MAX_TERMS = 16;

/**
 * The words of a query. Both engines get the same plain terms (never the caller's operators,
 * which could make FTS5 throw or change meaning): all must match, the last as a prefix.
 */
export function searchTerms(q: string): string[] {
  return (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_TERMS);
}

interface SearchParams {
  workspaceId: string;
  /** The engine's query text, built from plain terms (never the caller's operators). */
  query: string;
  limit: number;
}

/**
 * The page of hits is ranked first and snippets are made for those rows only: `snippet()` in the
 * ranking query ran for every match before the limit (about 30 µs each: it re-reads and
 * re-tokenizes the body), so a query matching 200 articles cost 2.6 ms for a page of 20, and 1.1 ms
 * this way (bench/RESULTS.md, round 3). The outer query re-opens the match to reach the FTS5
 * cursor `snippet()` needs; the materialized page keeps SQLite from flattening the two into one.
 */
const sqliteSearchQuery = queryTemplate(
  'kb_articles.search_fts5',
  (_db, p: SearchParams) => sql<SearchHitRow>`
      with page as materialized (
        select a.seq, a.id, a.title, a.tags, a.updated_at, -bm25(kb_articles_fts, 0.0, 10.0, 1.0, 4.0) as score
        from kb_articles_fts join kb_articles a on a.seq = kb_articles_fts.rowid
        where kb_articles_fts match ${p.query} and a.workspace_id = ${p.workspaceId} and a.published = 1
        order by bm25(kb_articles_fts, 0.0, 10.0, 1.0, 4.0), a.id desc
        limit ${p.limit}
      )
      select page.id, page.title, page.tags, page.updated_at, page.score,
        snippet(kb_articles_fts, 2, '<mark>', '</mark>', '…', 24) as snippet
      from page join kb_articles_fts on kb_articles_fts.rowid = page.seq and kb_articles_fts match ${p.query}
      order by page.score desc, page.id desc`,
);

const postgresSearchQuery = queryTemplate(
  'kb_articles.search_tsvector',
  (_db, p: SearchParams) => sql<SearchHitRow>`
      select id, title, tags, updated_at, score,
        ts_headline('english', body, query,
          'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…') as snippet
      from (
        select a.id, a.title, a.tags, a.body, a.updated_at, q.query, ts_rank(a.search, q.query) as score
        from kb_articles a, to_tsquery('english', ${p.query}) as q(query)
        where a.workspace_id = ${p.workspaceId} and a.published = 1 and a.search @@ q.query
        order by score desc, a.id desc
        limit ${p.limit}
      ) hits
      order by score desc, id desc`,
);

/** SQLite FTS5: bm25 (title weighs most), snippet() from the body. */
export const sqliteArticleSearch: ArticleSearch = {
  async search(db, workspaceId, terms, limit) {
    if (terms.length === 0) return [];
    const words = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
    // The workspace id is an indexed column, so the match never walks other tenants' postings.
    const query = `workspace_id : "${workspaceId}" AND {title body tags} : (${words})`;
    return sqliteSearchQuery.rows(db, { workspaceId, query, limit });
  },
};

/** PostgreSQL: the weighted tsvector column, ts_rank, and ts_headline for the top hits only. */
export const postgresArticleSearch: ArticleSearch = {
  async search(db, workspaceId, terms, limit) {
    if (terms.length === 0) return [];
    const query = terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ');
    return postgresSearchQuery.rows(db, { workspaceId, query, limit });
  },
};

/** One interface, two engines: the storage dialect decides. */
export function articleSearchFor(dialect: Dialect): ArticleSearch {
  return dialect === 'postgres' ? postgresArticleSearch : sqliteArticleSearch;
}
