// Helpers for the benchmark: processes, autocannon runs, peak RSS, and the report table.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Starts a process and resolves once `url` answers (servers that log to a file print nothing). */
export async function startServer(command, args, { env = {}, url }) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
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
    const child = spawn(command, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
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

export function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * A warm-up, then the measured run. Returns requests/s, p50/p99 latency, the status counts and,
 * given the server's pid, the server's CPU time per request: on a 2-core machine the load
 * generator shares the CPUs, so CPU per request is the steadier measure of the server's cost.
 */
export async function measure({ pid, ...options }) {
  await cannon({ ...options, duration: WARMUP });
  const cpuBefore = pid ? cpuSeconds(pid) : null;
  const result = await cannon({ ...options, duration: DURATION });
  const cpuAfter = pid ? cpuSeconds(pid) : null;
  return {
    cpuMicros:
      cpuBefore !== null && cpuAfter !== null
        ? Math.round(((cpuAfter - cpuBefore) * 1e6) / result.requests.total)
        : null,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    statuses: {
      '2xx': result['2xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
      errors: result.errors,
      timeouts: result.timeouts,
    },
  };
}

export function ratio(a, b) {
  return b ? (a / b).toFixed(2) : 'n/a';
}
