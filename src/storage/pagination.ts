import { invalidRequest } from '../errors.js';

/** Cursor pagination by time-ordered id, newest first (SPEC §6). The cursor is opaque to callers. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** The id after which (older than which) the page starts, or null for the first page. */
  before: string | null;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{2,4}_[0-9a-z]{26}$/.test(id)) {
    throw invalidRequest('The cursor is not valid.', [{ path: '/cursor', message: 'not a cursor from this API' }]);
  }
  return id;
}

export function pageRequest(query: { limit?: number; cursor?: string }): PageRequest {
  return { limit: query.limit ?? 20, before: decodeCursor(query.cursor) };
}

/** Rows must be fetched with `limit + 1` so we know whether another page exists. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  return {
    data: slice.map(map),
    nextCursor: more ? encodeCursor(slice[slice.length - 1].id) : null,
  };
}
