import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sparePort, waitForPort } from './ports.js';

const BIN = fs.existsSync('/usr/lib/postgresql')
  ? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin')
  : '';

/**
 * A PostgreSQL of the test's own: initdb into a temporary folder and a postmaster on a spare
 * port, run as the `postgres` OS user (PostgreSQL refuses root). A test may freeze it (SIGSTOP
 * to the postmaster and every backend: a stuck server or a network black hole), thaw or kill
 * it, without touching the shared PostgreSQL. Trust authentication, no fsync: test data only.
 */
export class PrivatePostgres {
  private child: ChildProcess | null = null;
  private dir = '';
  port = 0;

  /** Whether this machine can run one (the binaries and the postgres user exist). */
  static available(): boolean {
    try {
      return BIN !== '' && fs.existsSync(path.join(BIN, 'initdb')) && execFileSync('id', ['-u', 'postgres']).length > 0;
    } catch {
      return false;
    }
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<this> {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-pg-'));
    fs.chownSync(this.dir, uid, gid);
    const data = path.join(this.dir, 'data');
    execFileSync(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
      uid,
      gid,
      stdio: 'ignore',
    });
    this.port = await sparePort();
    this.child = spawn(
      path.join(BIN, 'postgres'),
      ['-D', data, '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      { uid, gid, stdio: 'ignore' },
    );
    await waitForPort(this.port, 20_000);
    await this.waitForConnections(20_000);
    return this;
  }

  /** The port opens before recovery ends ("the database system is starting up"). */
  private async waitForConnections(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      const client = new pg.Client({ connectionString: this.url });
      try {
        await client.connect();
        await client.query('select 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  /**
   * Every process of this server stops (connections stay open, nothing answers). Each backend
   * is its own session leader, so they are found by parent pid, after the postmaster stopped
   * forking new ones.
   */
  freeze(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    process.kill(pid, 'SIGSTOP');
    for (const child of childrenOf(pid)) signal(child, 'SIGSTOP');
  }

  thaw(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    for (const child of childrenOf(pid)) signal(child, 'SIGCONT');
    process.kill(pid, 'SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      this.thaw();
      // Immediate shutdown: the postmaster ends its backends.
      child.kill('SIGQUIT');
      await exited;
    }
    this.child = null;
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the parenthesised command name: state, ppid, …
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
