import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js';

/**
 * Counts the queries Kysely sends, in or out of transactions, on behalf of requests made through
 * `t.request`: each request runs in an async context of its own, and a query is counted only when
 * it is compiled inside one. Background work (usage flushes, the invalidation-log poll, webhook and
 * governance jobs) runs in the contexts their timers were started in, so it never adds to a count.
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly requests = new AsyncLocalStorage<true>();
  /** Queries counted when compiled whose result has not come back yet. */
  readonly #compiled = new WeakSet<QueryId>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.requests.getStore() === true) {
      this.count++;
      this.#compiled.add(args.queryId);
    }
    return args.node;
  }
  /**
   * A query template (src/storage/query-template.ts) compiles once and then runs without
   * compiling: a result whose query was not counted at compile time is counted here.
   */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!this.#compiled.delete(args.queryId) && this.requests.getStore() === true) this.count++;
    return args.result;
  }
}

/** A TestApp whose every database query is counted (the app's storage is wrapped with the plugin). */
export async function createCountingTestApp(
  options: Omit<TestAppOptions, 'wrapStorage'> = {},
): Promise<TestApp & { queries: QueryCounter }> {
  const queries = new QueryCounter();
  const t = await createTestApp({
    ...options,
    wrapStorage: (storage) => ({ ...storage, db: storage.db.withPlugin(queries) }),
  });
  const request = t.request.bind(t);
  return Object.assign(t, {
    queries,
    request: (options: Parameters<TestApp['request']>[0]) => queries.requests.run(true, () => request(options)),
  });
}

/** Polls `check` until it returns true or `ms` pass; returns the elapsed time, or throws. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
