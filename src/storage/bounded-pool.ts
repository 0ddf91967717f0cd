import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { readsArrays, TEMPLATE_SQL_PREFIX } from './query-template.js';

/** The code of the error a query gets when the client-side timer fires (mapped to 503). */
export const QUERY_TIMEOUT_CODE = 'WOES_DB_TIMEOUT';

/**
 * How much later than PostgreSQL's own statement_timeout the client gives up: a server that
 * answers cancels the statement itself (a clean error, the connection stays usable), so the
 * client timer fires only for a server that stopped answering (frozen, black-holed network).
 */
const CLIENT_MARGIN_MS = 250;

export class QueryTimeoutError extends Error {
  readonly code = QUERY_TIMEOUT_CODE;
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
    this.name = 'QueryTimeoutError';
  }
}

/**
 * The pg pool as Kysely sees it, with every query bounded by `timeoutMs` (+ margin) on the
 * client side. pg's own `query_timeout` rejects the query but returns the connection to the
 * pool with the stuck query still on it, so the next request queues behind it; here a
 * connection whose query timed out is refused further queries (Kysely's ROLLBACK fails fast)
 * and destroyed on release instead of being reused. `timeoutMs` null: unbounded (migrations,
 * which may wait for another instance's migration lock).
 */
export function boundedPool(pool: pg.Pool, timeoutMs: number | null): PostgresPool {
  const statementNames = new Map<string, NamedStatement>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let broken = false;
      return {
        query(...args: unknown[]) {
          if (broken) return Promise.reject(new QueryTimeoutError(timeoutMs ?? 0));
          const named = namedStatement(statementNames, args);
          const running = (client.query as (...a: unknown[]) => Promise<unknown>)(...(named ?? args));
          // A cursor (streamed query) is returned as is: Woes does not stream.
          if (timeoutMs === null || typeof running?.then !== 'function') return running;
          const limit = timeoutMs + CLIENT_MARGIN_MS;
          let timer: NodeJS.Timeout | undefined;
          const expired = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              broken = true;
              reject(new QueryTimeoutError(limit));
            }, limit);
          });
          // The abandoned query settles when the connection is destroyed or the server wakes:
          // nobody awaits it any more, so its rejection must not become an unhandled one.
          running.catch(() => undefined);
          return Promise.race([running, expired]).finally(() => clearTimeout(timer));
        },
        release() {
          // Destroy, do not reuse, a connection whose server stopped answering mid-query.
          if (broken) {
            client.release(true);
            (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
          } else {
            client.release();
          }
        },
      } as PostgresPoolClient;
    },
    // Several Kysely instances share the pool; the storage ends it once, in destroy().
    async end() {},
  };
}

/** Distinct template statements a pool names (each template shape is one); more are sent unnamed. */
const MAX_NAMED_STATEMENTS = 1000;

/**
 * A query template's SQL (src/storage/query-template.ts) goes as a named prepared statement:
 * pg parses it once per connection and then only binds and executes (one Bind/Execute instead
 * of Parse/Bind/Describe/Execute, and the server reuses the plan). Other SQL (ad-hoc queries,
 * whose text can vary without bound) stays unnamed. The name is a digest of the text, so two
 * texts never share one. Named statements need session pooling if a pooler sits in between.
 * An array-rows template's rows come back as arrays (`rowMode: 'array'`).
 */
function namedStatement(names: Map<string, NamedStatement>, args: unknown[]): unknown[] | null {
  const text = args[0];
  if (typeof text !== 'string' || !text.startsWith(TEMPLATE_SQL_PREFIX)) return null;
  let named = names.get(text);
  if (named === undefined) {
    if (names.size >= MAX_NAMED_STATEMENTS) {
      // Unnamed, but an array-rows template still needs its rows as arrays.
      return readsArrays(text) ? [{ text, values: args[1], rowMode: 'array' }] : null;
    }
    const name = `woes_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    named = { name, rowMode: readsArrays(text) ? 'array' : undefined };
    names.set(text, named);
  }
  return [{ name: named.name, text, values: args[1], rowMode: named.rowMode }];
}

interface NamedStatement {
  readonly name: string;
  readonly rowMode: 'array' | undefined;
}
