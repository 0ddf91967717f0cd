import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createStorage, type Storage } from '../../src/storage/database.js';
import type { Clock } from '../../src/deps.js';
import { TEST_DATABASE_URL, testSecrets } from './env.js';

/**
 * A fresh database for one test file or case: a temporary SQLite file, or — when the suite
 * runs against PostgreSQL — a schema of its own, dropped at the end. `connect()` opens another
 * connection to the same database, as a second instance or process would.
 */
export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly dataDir: string;
  readonly env: Record<string, string>;
  /** `timeoutMs`: WOES_DB_TIMEOUT_MS for this connection (createTestApp passes the config's). */
  connect(options?: { timeoutMs?: number }): Storage;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { postgres?: string | null } = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-test-'));
  const url = options.postgres === undefined ? TEST_DATABASE_URL : options.postgres;
  if (!url) {
    const file = path.join(dataDir, 'woes.db');
    return {
      dialect: 'sqlite',
      dataDir,
      env: { WOES_DATA_DIR: dataDir },
      connect: (o = {}) => createStorage({ sqliteFile: file, timeoutMs: o.timeoutMs }),
      async drop() {
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // Create the schema before any pool connects with it on its search_path.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  await admin.end();
  return {
    dialect: 'postgres',
    dataDir,
    env: { WOES_DATA_DIR: dataDir, DATABASE_URL: url, ...testSecrets() },
    connect: (o = {}) => createStorage({ databaseUrl: url, schema, poolSize: 4, timeoutMs: o.timeoutMs }),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects every log line an app writes, so tests can search them for secrets. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(public time: number = Date.now()) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly database: TestDatabase;
  readonly storage: Storage;
  readonly logs: LogCapture;
  /** app.inject with JSON parsed into `json`. */
  request(
    options: InjectOptions,
  ): Promise<{ statusCode: number; headers: Record<string, unknown>; json: any; body: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share a database with another TestApp (a second instance). */
  database?: TestDatabase;
  env?: Record<string, string>;
  clock?: Clock;
  deps?: Omit<AppDeps, 'storage' | 'logStream'>;
  /** Wraps the app's storage (e.g. with a query-counting Kysely plugin). */
  wrapStorage?: (storage: Storage) => Storage;
  /** Called before `ready` to add routes (error-handler tests). */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
}

/** Builds a real app on a fresh (or the given) database, with logs captured at debug level. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'debug', ...database.env, ...(options.env ?? {}) });
  const connection = database.connect({ timeoutMs: config.dbTimeoutMs });
  const storage = options.wrapStorage ? options.wrapStorage(connection) : connection;
  const logs = new LogCapture();
  const app = await buildApp(config, { ...(options.deps ?? {}), storage, clock: options.clock, logStream: logs });
  await options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    config,
    database,
    storage,
    logs,
    async request(injectOptions) {
      const response = await app.inject(injectOptions);
      let json: unknown = undefined;
      try {
        json = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        json = undefined;
      }
      return { statusCode: response.statusCode, headers: response.headers, json, body: response.body };
    },
    async close() {
      await app.close();
      await connection.destroy();
      if (ownsDatabase) await database.drop();
    },
  };
}
