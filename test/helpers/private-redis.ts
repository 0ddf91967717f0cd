import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { sparePort, waitForPort } from './ports.js';

/** True when this machine has redis-server (tests that start their own skip without it, outside CI). */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A redis-server of the test's own on a spare port, so a test may freeze (SIGSTOP), thaw or
 * kill it without touching the shared Redis other tests use. No persistence.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** `unixSocket`: a path where it also listens on a Unix socket (mode 700). */
  async start(options: { unixSocket?: string } = {}): Promise<this> {
    this.port = await sparePort();
    const socket = options.unixSocket ? ['--unixsocket', options.unixSocket, '--unixsocketperm', '700'] : [];
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...socket],
      {
        stdio: 'ignore',
      },
    );
    await waitForPort(this.port, 10_000);
    return this;
  }

  /** The server stops answering but keeps its connections open: a hung or black-holed Redis. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  }
}
