import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/deps.js';
import { createTestDatabase, LogCapture, type TestApp, type TestDatabase } from '../helpers/app.js';

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
  options: { clock?: Clock; database?: TestDatabase; env?: Record<string, string>; beforeReady?: (app: FastifyInstance) => void } = {},
): Promise<TestApp & { queries: QueryCounter }> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'debug', ...database.env, ...(options.env ?? {}) });
  const storage = database.connect();
  const queries = new QueryCounter();
  const counted = { ...storage, db: storage.db.withPlugin(queries) };
  const logs = new LogCapture();
  const app = await buildApp(config, { storage: counted, clock: options.clock, logStream: logs });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    config,
    database,
    storage: counted,
    logs,
    queries,
    async request(injectOptions) {
      const response = await app.inject(injectOptions);
      let json: unknown;
      try {
        json = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        json = undefined;
      }
      return { statusCode: response.statusCode, headers: response.headers, json, body: response.body };
    },
    async close() {
      await app.close();
      await storage.destroy();
      if (ownsDatabase) await database.drop();
    },
  };
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
