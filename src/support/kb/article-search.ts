import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Dialect } from '../../storage/database.js';
import type { Executor } from '../context.js';
import { queryTemplate } from '../../storage/query-template.js';

export interface SearchHitRow {
  id: string;
  title: string;
  /** JSON array text, as stored. */
  tags: string;
  /** HTML: the body's text escaped, with `<mark>…</mark>` around the matches (see `safeSnippet`). */
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
 * The strings the database puts around each match in a snippet, unique to one search. The
 * database copies the body's text verbatim between them, and that text is the article author's
 * (it may hold `<img onerror=…>`), so the snippet is never returned as the database made it: the
 * text is HTML-escaped and only these markers become `<mark>`. An article cannot forge them:
 * they hold 96 random bits chosen per search, between control characters that text can hold
 * (only U+0000 is refused on input, src/http/nul-input.ts), so any U+0001/U+0002 left in the text
 * after the markers are taken out is removed.
 */
export interface Markers {
  open: string;
  close: string;
}

function newMarkers(): Markers {
  const nonce = randomBytes(12).toString('hex');
  return { open: `\u0001${nonce}\u0002`, close: `\u0001/${nonce}\u0002` };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeText(text: string): string {
  // The markers' own characters, left in the article's text, are removed.
  return text
    .replaceAll('\u0001', '')
    .replaceAll('\u0002', '')
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * `raw` (a snippet the database marked with `markers`) as HTML safe to insert as is: every
 * character of the text escaped (& < > " '), with `<mark>…</mark>` only where the database marked
 * a match.
 */
export function safeSnippet(raw: string, markers: Markers): string {
  let html = '';
  for (const [i, piece] of raw.split(markers.open).entries()) {
    if (i === 0) {
      html += escapeText(piece);
      continue;
    }
    const end = piece.indexOf(markers.close);
    // The database always closes what it opens; a missing close still yields balanced markup.
    if (end < 0) html += `<mark>${escapeText(piece)}</mark>`;
    else
      html += `<mark>${escapeText(piece.slice(0, end))}</mark>${escapeText(piece.slice(end + markers.close.length))}`;
  }
  return html;
}

function withSafeSnippets(rows: SearchHitRow[], markers: Markers): SearchHitRow[] {
  for (const row of rows) row.snippet = safeSnippet(row.snippet ?? '', markers);
  return rows;
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
  (_db, p: SearchParams & Markers) => sql<SearchHitRow>`
      with page as materialized (
        select a.seq, a.id, a.title, a.tags, a.updated_at, -bm25(kb_articles_fts, 0.0, 10.0, 1.0, 4.0) as score
        from kb_articles_fts join kb_articles a on a.seq = kb_articles_fts.rowid
        where kb_articles_fts match ${p.query} and a.workspace_id = ${p.workspaceId} and a.published = 1
        order by bm25(kb_articles_fts, 0.0, 10.0, 1.0, 4.0), a.id desc
        limit ${p.limit}
      )
      select page.id, page.title, page.tags, page.updated_at, page.score,
        snippet(kb_articles_fts, 2, ${p.open}, ${p.close}, '…', 24) as snippet
      from page join kb_articles_fts on kb_articles_fts.rowid = page.seq and kb_articles_fts match ${p.query}
      order by page.score desc, page.id desc`,
);

const postgresSearchQuery = queryTemplate(
  'kb_articles.search_tsvector',
  (_db, p: SearchParams & { options: string }) => sql<SearchHitRow>`
      select id, title, tags, updated_at, score,
        ts_headline('english', body, query, ${p.options}) as snippet
      from (
        select a.id, a.title, a.tags, a.body, a.updated_at, q.query, ts_rank(a.search, q.query) as score
        from kb_articles a, to_tsquery('english', ${p.query}) as q(query)
        where a.workspace_id = ${p.workspaceId} and a.published = 1 and a.search @@ q.query
        order by score desc, a.id desc
        limit ${p.limit}
      ) hits
      order by score desc, id desc`,
);

/** SQLite FTS5: bm25 (title weighs most), snippet() from the body, made safe HTML. */
export const sqliteArticleSearch: ArticleSearch = {
  async search(db, workspaceId, terms, limit) {
    if (terms.length === 0) return [];
    const words = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
    // The workspace id is an indexed column, so the match never walks other tenants' postings.
    const query = `workspace_id : "${workspaceId}" AND {title body tags} : (${words})`;
    const markers = newMarkers();
    return withSafeSnippets(await sqliteSearchQuery.rows(db, { workspaceId, query, limit, ...markers }), markers);
  },
};

/** PostgreSQL: the weighted tsvector column, ts_rank, and ts_headline (made safe HTML) for the top hits only. */
export const postgresArticleSearch: ArticleSearch = {
  async search(db, workspaceId, terms, limit) {
    if (terms.length === 0) return [];
    const query = terms.map((t, i) => (i === terms.length - 1 ? `${t}:*` : t)).join(' & ');
    const markers = newMarkers();
    const options = `StartSel=${markers.open}, StopSel=${markers.close}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…`;
    return withSafeSnippets(await postgresSearchQuery.rows(db, { workspaceId, query, limit, options }), markers);
  },
};

/** One interface, two engines: the storage dialect decides. */
export function articleSearchFor(dialect: Dialect): ArticleSearch {
  return dialect === 'postgres' ? postgresArticleSearch : sqliteArticleSearch;
}
