import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js';

/** Counts every query Kysely sends, in or out of transactions. */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
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
    // The webhook worker polls the database in the background; counts here are of requests' queries only.
    env: { WOES_WEBHOOK_POLL_MS: '60000', ...(options.env ?? {}) },
    wrapStorage: (storage) => ({ ...storage, db: storage.db.withPlugin(queries) }),
  });
  return Object.assign(t, { queries });
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
