import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from './http.js';
import { exited, sleep, sparePort } from './services.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/woes.js');

/** What every Woes process and CLI run of the suite shares: one database, one Redis, one set of keys. */
/**
 * Node flags for the Woes processes: `--trace-gc` lets the soak see each full (mark-compact) garbage
 * collection on stderr; WOES_CLUSTER_NODE_ARGS adds more for diagnosis (e.g. `--heapsnapshot-signal=SIGUSR2`).
 */
// --max-semi-space-size=4: as `npm start` runs Woes (README, Memory).
const NODE_ARGS = [
  '--trace-gc',
  '--max-semi-space-size=4',
  ...(process.env.WOES_CLUSTER_NODE_ARGS ?? '').split(' ').filter(Boolean),
];
/** A `--trace-gc` line: `[pid:0x…]   1234 ms: Scavenge …` or `… Mark-Compact …`. */
const GC_TRACE = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: /;
const FULL_GC = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: Mark-Compact/;

export interface ClusterEnv {
  databaseUrl: string;
  redisUrl: string;
  dir: string;
  /** WOES_DB_TIMEOUT_MS given to every process: the bound the suite holds requests to. */
  dbTimeoutMs: number;
}

export function sharedEnv(cluster: ClusterEnv, signingKey: string, masterKey: string): Record<string, string> {
  const env: Record<string, string> = {};
  // The suite's own environment minus anything that would point Woes elsewhere.
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(WOES_|DATABASE_URL|REDIS_URL|PORT$|HOST$|SMTP_URL|LOG_LEVEL|NODE_ENV)/.test(name))
      env[name] = value;
  }
  return {
    ...env,
    DATABASE_URL: cluster.databaseUrl,
    REDIS_URL: cluster.redisUrl,
    WOES_SIGNING_KEY: signingKey,
    WOES_MASTER_KEY: masterKey,
    WOES_DB_TIMEOUT_MS: String(cluster.dbTimeoutMs),
    WOES_DATA_DIR: path.join(cluster.dir, 'data'),
    LOG_LEVEL: 'info',
  };
}

export function newSecrets(): { signingKey: string; masterKey: string } {
  return {
    signingKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    masterKey: randomBytes(32).toString('base64'),
  };
}

/** One real `woes start` process on its own port, with its own log file. */
export class WoesProcess {
  private child: ChildProcess | null = null;
  readonly logFile: string;
  private readonly errFile: string;
  port = 0;

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    dir: string,
  ) {
    this.logFile = path.join(dir, `${name}.log`);
    this.errFile = path.join(dir, `${name}.stderr`);
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts (or restarts, on the same port) and waits for /health to answer at all. */
  async start(options: { waitForDatabase?: boolean } = {}): Promise<void> {
    if (this.port === 0) this.port = await sparePort();
    const err = fs.openSync(this.errFile, 'a');
    this.child = spawn(process.execPath, [...NODE_ARGS, BIN, 'start'], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port), HOST: '127.0.0.1', WOES_LOG_FILE: this.logFile },
      stdio: ['ignore', err, err],
    });
    fs.closeSync(err);
    const probe = new Client('127.0.0.1');
    const deadline = Date.now() + 60_000;
    try {
      for (;;) {
        const answer = await probe.request(this.port, 'GET', '/health', { timeoutMs: 2000 });
        if (answer.status === 200 || (answer.status === 503 && options.waitForDatabase === false)) return;
        if (!this.running) throw new Error(`${this.name} exited during start: ${this.stderrTail()}`);
        if (Date.now() > deadline) throw new Error(`${this.name} did not become healthy: ${this.stderrTail()}`);
        await sleep(100);
      }
    } finally {
      probe.close();
    }
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests are cut. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGKILL');
    await exited(child, 5000);
  }

  /** SIGTERM: graceful shutdown (the normal end of the suite). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill('SIGTERM');
    if (!(await exited(child, 20_000))) {
      child.kill('SIGKILL');
      await exited(child, 5000);
    }
  }

  /** Resident set size in bytes, from /proc (0 when the process is gone). */
  rss(): number {
    if (!this.pid) return 0;
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  /** The last lines of stderr that are not garbage-collection traces. */
  stderrTail(lines = 20): string {
    return this.stderrLines()
      .filter((line) => !GC_TRACE.test(line))
      .slice(-lines)
      .join('\n');
  }

  /** Full (mark-compact) garbage collections this process has logged since the suite began. */
  fullCollections(): number {
    return this.stderrLines().filter((line) => FULL_GC.test(line)).length;
  }

  private stderrLines(): string[] {
    try {
      return fs.readFileSync(this.errFile, 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  }
}

/** Runs `woes <args> --json` against the cluster's database and Redis; resolves with the parsed output. */
export function runCLI(
  env: Record<string, string>,
  args: string[],
  timeoutMs = 60_000,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--json'],
      { cwd: ROOT, env, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`woes ${args[0]} ${args[1] ?? ''} failed: ${stderr.trim() || error.message}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as Record<string, unknown>);
        } catch {
          reject(new Error(`woes ${args.join(' ')} printed no JSON: ${stdout.slice(0, 200)}`));
        }
      },
    );
  });
}
