import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { sparePort } from '../helpers/ports.js';

export { sparePort };

/**
 * A private PostgreSQL and a private Redis for the cluster suite, on spare loopback ports,
 * in the suite's temporary directory. They exist so the suite may stop and freeze them:
 * the shared instances on 5432/6379 are never touched. Unlike test/helpers/private-*.ts
 * (one life each, a new port and folder per start), these stop in the ways an outage does
 * (fast, immediate, frozen) and start again on the same port with the same data, because
 * three running Woes processes hold their addresses; each keeps a log file for a failed run.
 */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a child to exit, at most `ms`; true when it did. */
export function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The direct children of a process, read from /proc (PostgreSQL's backends and workers). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the parent pid follows the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function signalTree(pid: number, signal: NodeJS.Signals): void {
  // Children first on SIGSTOP would let the postmaster fork a fresh backend: stop it first.
  const pids = signal === 'SIGCONT' ? [...childrenOf(pid), pid] : [pid, ...childrenOf(pid)];
  for (const target of pids) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
}

function postgresBinDir(): string {
  if (process.env.WOES_CLUSTER_PG_BIN) return process.env.WOES_CLUSTER_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (set WOES_CLUSTER_PG_BIN)');
  return found;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` OS user. */
function postgresIdentity(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export class PrivatePostgres {
  private child: ChildProcess | null = null;
  private readonly bin = postgresBinDir();
  private readonly identity = postgresIdentity();
  private readonly dataDir: string;
  private readonly socketDir: string;
  private readonly logFile: string;
  frozen = false;

  private constructor(
    root: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(root, 'pgdata');
    this.socketDir = path.join(root, 'pgsock');
    this.logFile = path.join(root, 'postgres.log');
  }

  /** initdb into `<root>/pgdata`, owned by the postgres user when run as root. */
  static async create(root: string): Promise<PrivatePostgres> {
    const server = new PrivatePostgres(root, await sparePort());
    for (const dir of [server.dataDir, server.socketDir]) {
      fs.mkdirSync(dir, { mode: 0o700 });
      if (server.identity) fs.chownSync(dir, server.identity.uid, server.identity.gid);
    }
    execFileSync(
      path.join(server.bin, 'initdb'),
      ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
      { stdio: 'ignore', ...(server.identity ?? {}) },
    );
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/woes`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Starts the postmaster (first time: also creates the `woes` database) and waits until it answers. */
  async start(): Promise<void> {
    const log = fs.openSync(this.logFile, 'a');
    // fsync off: the suite kills processes, not the machine, and the OS cache survives a
    // process crash, so acknowledged writes are still kept; it spares the shared disk.
    this.child = spawn(
      path.join(this.bin, 'postgres'),
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        '-k',
        this.socketDir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
      ],
      { stdio: ['ignore', log, log], ...(this.identity ?? {}) },
    );
    fs.closeSync(log);
    this.frozen = false;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({
        connectionString: `postgres://postgres@127.0.0.1:${this.port}/postgres`,
        connectionTimeoutMillis: 1000,
      });
      try {
        await client.connect();
        const found = await client.query(`select 1 from pg_database where datname = 'woes'`);
        if (found.rowCount === 0) await client.query('create database woes');
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline || this.child.exitCode !== null)
          throw new Error(`PostgreSQL did not start: ${(error as Error).message}`);
        await sleep(100);
      }
    }
  }

  /** `pg_ctl stop -m fast` (SIGINT): sessions are ended, the postmaster exits. */
  async stopFast(): Promise<void> {
    await this.stop('SIGINT');
  }

  /** `pg_ctl stop -m immediate` (SIGQUIT): no shutdown checkpoint; recovery replays the WAL on start. */
  async stopImmediate(): Promise<void> {
    await this.stop('SIGQUIT');
  }

  /** SIGSTOP to the postmaster and every backend: sockets stay open, nothing answers (a black hole). */
  freeze(): void {
    if (this.child?.pid) signalTree(this.child.pid, 'SIGSTOP');
    this.frozen = true;
  }

  thaw(): void {
    if (this.child?.pid) signalTree(this.child.pid, 'SIGCONT');
    this.frozen = false;
  }

  async destroy(): Promise<void> {
    if (!this.child) return;
    this.thaw();
    await this.stop('SIGQUIT');
  }

  private async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    if (this.frozen) this.thaw();
    child.kill(signal);
    if (!(await exited(child, 20_000))) {
      child.kill('SIGKILL');
      await exited(child, 5000);
    }
    this.child = null;
  }
}

export class PrivateRedis {
  private child: ChildProcess | null = null;
  private readonly logFile: string;

  private constructor(
    root: string,
    readonly port: number,
  ) {
    this.logFile = path.join(root, 'redis.log');
  }

  static async create(root: string): Promise<PrivateRedis> {
    return new PrivateRedis(root, await sparePort());
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const log = fs.openSync(this.logFile, 'a');
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    const deadline = Date.now() + 10_000;
    while (!(await this.answers())) {
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error('Redis did not start');
      await sleep(50);
    }
  }

  /** SIGTERM: Redis closes every connection and exits. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    if (!(await exited(child, 10_000))) child.kill('SIGKILL');
    this.child = null;
  }

  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async destroy(): Promise<void> {
    await this.stop();
  }

  /** A raw PING, so the check needs no client library state. */
  private answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1');
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(500, () => done(false));
      socket.once('error', () => done(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    });
  }
}
