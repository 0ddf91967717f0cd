import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { TEST_DATABASE_URL, TEST_REDIS_URL, testSecrets } from '../helpers/env.js';
import { sparePort } from '../helpers/ports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WoesServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * With WOES_TEST_DATABASE_URL set, the server runs in scale-out mode on a database of its own
 * (created here, dropped on stop) and on WOES_TEST_REDIS_URL when that is set.
 */
async function scaleOutEnv(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const base = TEST_DATABASE_URL;
  if (!base) return { env: {}, drop: async () => {} };
  const name = `woes_browser_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {}), ...testSecrets() },
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A real Woes server in a child process (the `woes start` command) on a fresh data dir. */
export async function startWoesServer(env: Record<string, string> = {}): Promise<WoesServer> {
  const port = await sparePort();
  const database = await scaleOutEnv();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-browser-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      WOES_DATA_DIR: dataDir,
      WOES_PUBLIC_URL: url,
      WOES_USAGE_FLUSH_MS: '200',
      LOG_LEVEL: 'info',
      ...database.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`woes start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`woes start did not answer /health within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
