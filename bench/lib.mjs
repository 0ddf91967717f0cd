// Helpers for the benchmark: processes, autocannon runs, peak RSS, and the report table.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import autocannon from 'autocannon';

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Every process the bench starts, so a failed run leaves none behind (see killStarted).
const started = new Set();
function track(child) {
  started.add(child);
  child.once('exit', () => started.delete(child));
  return child;
}

/** SIGKILLs every process the bench started that is still running (a failed run). */
export function killStarted() {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
}

/** Starts a process and resolves once `url` answers (servers that log to a file print nothing). */
export async function startServer(command, args, { env = {}, url }) {
  const child = track(spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] }));
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${err}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not answer ${url}: ${err}`);
}

/** Starts a process and resolves once a line of its stdout matches `ready`. */
export function startProcess(command, args, { env = {}, ready = /./, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${out}\n${err}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => ready.test(l));
      if (line !== undefined && !child.readyLine) {
        child.readyLine = line;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!child.readyLine) reject(new Error(`${args.join(' ')} exited ${code}:\n${out}\n${err}`));
    });
  });
}

export async function stopProcess(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Peak resident set (VmHWM) of a process, in MB. */
export function peakRSS(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/**
 * BENCH_WORKERS=N runs autocannon in N worker threads of the bench process (its `workers`
 * option), so the load generator is not one event loop; unset or 0, it runs on the bench's main
 * thread. Either way it never runs in a server's process. Functions cannot cross into a worker:
 * with workers, `setupRequest` must be a file path (see bench/unknown-key.cjs).
 */
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 0);

export function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon(
      { connections: CONNECTIONS, pipelining: 1, ...(WORKERS > 0 ? { workers: WORKERS } : {}), ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const TICKS = 100; // USER_HZ: /proc reports CPU times in 1/100 s on Linux.

/**
 * CPU seconds (user + system) a process has used so far, from /proc: every thread of it
 * (autocannon's workers are threads of the bench process), live or ended. With `children`,
 * also what its waited-for children used (a postmaster reaps its backends).
 */
export function cpuSeconds(pid, { children = false } = {}) {
  try {
    const f = statFields(pid);
    // utime, stime, cutime, cstime are fields 14–17 of stat (11–14 after the command name).
    const own = Number(f[11]) + Number(f[12]);
    return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICKS;
  } catch {
    return null;
  }
}

/** Pids whose parent is `parent`, from /proc. */
export function childrenOf(parent) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(entry)[1]) === parent) found.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** Reads every CPU probe (name → cumulative seconds, or null when unreadable). */
function sample(probes) {
  return Object.fromEntries(Object.entries(probes).map(([name, probe]) => [name, probe()]));
}

/**
 * A warm-up, then the measured run. Returns requests/s, p50/p99 latency, the status counts and
 * CPU time per request of each probe (`cpu`: name → () => cumulative CPU seconds, e.g. the
 * servers, PostgreSQL, Redis), plus the load generator's own (this process, workers included)
 * and how many cores it kept busy. On a 2-core machine the load generator shares the CPUs, so
 * CPU per request is the steadier measure of a server's cost. `statements` (optional, async)
 * returns PostgreSQL's cumulative statement counts ({ total, byQuery }) to difference.
 */
export async function measure({ cpu = {}, statements, ...options }) {
  await cannon({ ...options, duration: WARMUP });
  const statementsBefore = statements ? await statements() : null;
  const before = sample(cpu);
  const loadBefore = cpuSeconds(process.pid);
  const started = performance.now();
  const result = await cannon({ ...options, duration: DURATION });
  const wall = (performance.now() - started) / 1000;
  const loadAfter = cpuSeconds(process.pid);
  const after = sample(cpu);
  const statementsAfter = statements ? await statements() : null;
  const total = result.requests.total;
  const perRequest = (a, b) => (a !== null && b !== null && total ? Math.round(((b - a) * 1e6) / total) : null);
  const cpuMicros = {};
  for (const name of Object.keys(cpu)) cpuMicros[name] = perRequest(before[name], after[name]);
  return {
    cpuMicros,
    loadCpuMicros: perRequest(loadBefore, loadAfter),
    loadCores: loadBefore !== null && loadAfter !== null ? Number(((loadAfter - loadBefore) / wall).toFixed(2)) : null,
    statements: statementsBefore && statementsAfter ? statementDelta(statementsBefore, statementsAfter, total) : null,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    statuses: {
      '2xx': result['2xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
      errors: result.errors,
      timeouts: result.timeouts,
    },
  };
}

/** Statements per request over a run, and the most frequent statements. */
function statementDelta(before, after, requests) {
  const top = [];
  for (const [query, { calls, micros }] of after.byQuery) {
    const prior = before.byQuery.get(query) ?? { calls: 0, micros: 0 };
    const n = calls - prior.calls;
    if (n > 0) top.push({ query, calls: n, meanMicros: Math.round((micros - prior.micros) / n) });
  }
  top.sort((a, b) => b.calls - a.calls);
  return {
    perRequest: requests ? Number(((after.total - before.total) / requests).toFixed(3)) : null,
    top: top.slice(0, 6).map((s) => ({ ...s, perRequest: Number((s.calls / requests).toFixed(3)) })),
  };
}

export function ratio(a, b) {
  return b ? (a / b).toFixed(2) : 'n/a';
}
