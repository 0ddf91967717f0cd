// Scale-out mode's dependencies, and what they cost per request.
// `--private-services`: the bench starts its own PostgreSQL (initdb into a temporary folder, a
// spare port, pg_stat_statements preloaded) and its own Redis (no persistence), like the cluster
// suite, so it can sum the whole PostgreSQL server's CPU (the postmaster, its live children and
// the children it reaped) around each scenario and read pg_stat_statements without touching a
// shared instance. Without it, with DATABASE_URL set, PostgreSQL's CPU is that of the backends
// (processes whose command line starts with `postgres:`) of DATABASE_URL's database, when this
// machine's /proc shows them, and statements come from pg_stat_statements if that database has it.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { childrenOf, cpuSeconds, freePort, stopProcess } from './lib.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb'))) ?? null;
}

/**
 * Why a private PostgreSQL cannot run here, or null when it can. PostgreSQL refuses to run as
 * root, so as root it runs as the `postgres` OS user (spawned with its uid and gid).
 */
export function privatePostgresUnavailable() {
  if (!postgresBin()) return 'no PostgreSQL server binaries (initdb) under /usr/lib/postgresql';
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no `postgres` OS user to run PostgreSQL as';
    }
  }
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'no redis-server on the PATH';
  }
  return null;
}

function postgresIdentity() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A PostgreSQL of the bench's own in a temporary folder, with a `woes` database. */
export async function startPrivatePostgres() {
  const bin = postgresBin();
  const identity = postgresIdentity();
  // Its own folder, owned by the user PostgreSQL runs as (a root-only 0700 folder would lock it out).
  const root = mkdtempSync(path.join(os.tmpdir(), 'woes-bench-pg-'));
  if (identity.uid !== undefined) chownSync(root, identity.uid, identity.gid);
  const data = path.join(root, 'pgdata');
  const socket = path.join(root, 'pgsock');
  for (const dir of [data, socket]) {
    mkdirSync(dir, { mode: 0o700 });
    if (identity.uid !== undefined) chownSync(dir, identity.uid, identity.gid);
  }
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...identity },
  );
  const port = await freePort();
  const log = openSync(path.join(root, 'postgres.log'), 'a');
  // fsync off: benchmark data only, and the shared disk is spared (the cluster suite does the same).
  const child = spawn(
    path.join(bin, 'postgres'),
    [
      ...['-D', data, '-p', String(port), '-k', socket],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'],
      ...['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.max=1000'],
    ],
    { stdio: ['ignore', log, log], ...identity },
  );
  closeSync(log);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let deadline = Date.now() + 30_000; ;) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('create database woes');
      // The view lives in the `postgres` database; its counts cover every database of the server.
      await client.query('create extension if not exists pg_stat_statements');
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGQUIT');
        throw new Error(`private PostgreSQL did not start (log: ${path.join(root, 'postgres.log')}): ${error.message}`);
      }
      await sleep(100);
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/woes`,
    // The same database through the Unix socket (the socket directory, percent-encoded as the host).
    socketUrl: `postgres://postgres@${encodeURIComponent(socket)}:${port}/woes`,
    statsUrl: adminUrl,
    database: 'woes',
    scope: 'the whole private server (postmaster, backends, background workers)',
    // The postmaster's own time, its live children's, and that of the children it has reaped.
    cpu: () => {
      const own = cpuSeconds(child.pid, { children: true });
      if (own === null) return null;
      return childrenOf(child.pid).reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), own);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT'); // immediate shutdown: the data is thrown away
      await Promise.race([exited, sleep(10_000)]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A redis-server of the bench's own on a spare port, no persistence. */
export async function startPrivateRedis() {
  const port = await freePort();
  const root = mkdtempSync(path.join(os.tmpdir(), 'woes-bench-redis-'));
  const socket = path.join(root, 'redis.sock');
  const child = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--unixsocket', socket, '--unixsocketperm', '700'],
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i++) {
    const open = await new Promise((resolve) => {
      const socket = new net.Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) break;
    if (i > 100 || child.exitCode !== null) throw new Error('private Redis did not start');
    await sleep(100);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    socketUrl: `unix://${socket}`,
    cpu: () => cpuSeconds(child.pid),
    stop: async () => {
      await stopProcess(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL as given by DATABASE_URL: its CPU is that of the backends of its database that
 * this machine's /proc shows (`postgres: [cluster: ]user database host(port) state`), or null.
 * Backends that end during a scenario take their time with them; Woes's pool keeps its own open.
 */
export function externalPostgres(url) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  const pattern = new RegExp(`^postgres: (?:\\S+: )?\\S+ ${database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `);
  const backends = () => {
    const found = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
        if (pattern.test(cmdline)) found.push(Number(entry));
      } catch {
        // ended, or not ours to read
      }
    }
    return found;
  };
  return {
    url,
    statsUrl: url,
    database,
    scope: `the backends of database "${database}" seen in /proc`,
    cpu: () => {
      const pids = backends();
      if (pids.length === 0) return null;
      return pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
    },
    stop: async () => undefined,
  };
}

/**
 * Cumulative pg_stat_statements counts of `database`, read through `statsUrl`, or null when the
 * view is not there (the extension is not installed or not preloaded). Our own reads are left out.
 */
export async function statementReader({ statsUrl, database }) {
  const client = new pg.Client({ connectionString: statsUrl });
  const read = async () => {
    const { rows } = await client.query(
      `select s.query, s.calls::float8 as calls, s.total_exec_time::float8 as ms
         from pg_stat_statements s join pg_database d on d.oid = s.dbid
        where d.datname = $1 and s.query not like '%pg_stat_statements%'`,
      [database],
    );
    const byQuery = new Map();
    let total = 0;
    for (const row of rows) {
      const query = row.query.replace(/\s+/g, ' ').trim();
      const prior = byQuery.get(query) ?? { calls: 0, micros: 0 };
      byQuery.set(query, { calls: prior.calls + row.calls, micros: prior.micros + row.ms * 1000 });
      total += row.calls;
    }
    return { total, byQuery };
  };
  try {
    await client.connect();
    await read();
  } catch (error) {
    await client.end().catch(() => undefined);
    return { read: null, reason: error.message, close: async () => undefined };
  }
  return { read, close: () => client.end() };
}

/** Open connections to `database` (the Woes processes' pools), from pg_stat_activity. */
export async function openConnections({ statsUrl, database }) {
  const client = new pg.Client({ connectionString: statsUrl });
  try {
    await client.connect();
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [database],
    );
    return rows[0].n;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Keys for a scale-out run when the environment gives none: every Woes process gets the same. */
export function scaleOutKeys() {
  return {
    WOES_SIGNING_KEY:
      process.env.WOES_SIGNING_KEY ??
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WOES_MASTER_KEY: process.env.WOES_MASTER_KEY ?? randomBytes(32).toString('base64'),
  };
}
