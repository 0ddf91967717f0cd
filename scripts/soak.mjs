#!/usr/bin/env node
// `npm run soak -- --minutes N`: a release soak for operators. Drives one Woes with a steady mix
// of API traffic for N minutes and reports, per interval and in total: throughput, p50/p99
// latency, RSS of the server process over time, and every 5xx. Exits non-zero on any 5xx or
// connection error, or when RSS kept growing through the whole second half (a leak).
//
// Without --url it starts its own server from dist/ (built if missing) on a fresh data dir,
// embedded, or scale-out when DATABASE_URL (+ REDIS_URL, WOES_SIGNING_KEY, WOES_MASTER_KEY) are
// set; with --url URL --key woesk_… it soaks a running instance (RSS then reads --pid, if given).
// Traffic goes only to the given URL or loopback; every loop is bounded by --minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startServer, stopProcess } from '../bench/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    interval: { type: 'string' },
    url: { type: 'string' },
    key: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string' },
  },
});
const minutes = Number(args.minutes);
const connections = Number(args.connections);
if (!(minutes > 0) || !(connections > 0)) {
  console.error(
    'usage: npm run soak -- --minutes N [--connections C] [--interval SECONDS] [--url URL --key KEY [--pid PID]] [--out FILE]',
  );
  process.exit(2);
}
// About twenty samples, each between 5 s and a minute.
const intervalSeconds = Number(args.interval ?? Math.min(60, Math.max(5, Math.round((minutes * 60) / 20))));

function woes(cliArgs, env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'woes.js'), ...cliArgs], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`woes ${cliArgs.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Starts a server of our own and an admin key with the per-key limit lifted (this is a soak, not a 429 test). */
async function ownServer() {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'woes-soak-'));
  const port = await freePort();
  const env = {
    WOES_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'info',
    WOES_LOG_FILE: path.join(dataDir, 'woes.log'),
    NODE_ENV: 'production',
  };
  const init = JSON.parse(
    woes(
      [
        'init',
        '--email',
        'soak@example.com',
        '--password',
        `soak-${Date.now()}-pw`,
        '--workspace',
        `Soak ${Date.now()}`,
        '--json',
      ],
      env,
    ),
  );
  woes(['workspace', 'set-rate-limit', init.workspaceId, '--per-hour', '1000000000'], env);
  // As `npm start` runs Woes (README, Memory).
  const child = await startServer(
    process.execPath,
    ['--max-semi-space-size=4', path.join(ROOT, 'bin', 'woes.js'), 'start'],
    {
      env,
      url: `http://127.0.0.1:${port}/health`,
    },
  );
  return { base: `http://127.0.0.1:${port}`, secret: init.key.secret, pid: child.pid, child, dataDir };
}

function rssMiB(pid) {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/** The mix: reads, a list, a create now and then, health: what an integration does all day. */
function requests(secret, run) {
  const auth = { authorization: `Bearer ${secret}` };
  const json = { ...auth, 'content-type': 'application/json' };
  let n = 0;
  return [
    { method: 'GET', path: '/api/v1/me', headers: auth },
    { method: 'GET', path: '/api/v1/conversations?limit=20', headers: auth },
    {
      method: 'POST',
      path: '/api/v1/conversations',
      headers: json,
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({ subject: `Soak ${run}-${++n}`, customer: { id: `soak-${n % 500}`, name: 'Soak' } }),
      }),
    },
    { method: 'GET', path: '/api/v1/customers?limit=20', headers: auth },
    { method: 'GET', path: '/health' },
  ];
}

function slice(base, secret, seconds, run) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: base, connections, duration: seconds, requests: requests(secret, run), timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (args.url && !args.key) throw new Error('--url needs --key (an API key of the workspace to soak)');
  const target = args.url
    ? { base: args.url.replace(/\/+$/, ''), secret: args.key, pid: args.pid ? Number(args.pid) : null, child: null }
    : await ownServer();
  const samples = [];
  const deadline = Date.now() + minutes * 60_000;
  console.log(
    `soaking ${target.base} for ${minutes} min, ${connections} connections, a sample every ${intervalSeconds} s`,
  );
  console.log('elapsed  req/s    p50 ms  p99 ms  2xx       4xx     5xx  errors  RSS MiB');
  try {
    for (let run = 0; deadline - Date.now() >= 1000; run++) {
      const seconds = Math.max(1, Math.min(intervalSeconds, Math.round((deadline - Date.now()) / 1000)));
      const r = await slice(target.base, target.secret, seconds, run);
      const sample = {
        elapsedS: Math.round((Date.now() - (deadline - minutes * 60_000)) / 1000),
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        ok: r['2xx'],
        clientErrors: r['4xx'],
        serverErrors: r['5xx'],
        errors: r.errors + r.timeouts,
        rssMiB: rssMiB(target.pid),
      };
      samples.push(sample);
      const cells = [
        `${sample.elapsedS}s`,
        sample.rps,
        sample.p50,
        sample.p99,
        sample.ok,
        sample.clientErrors,
        sample.serverErrors,
        sample.errors,
        sample.rssMiB ?? 'n/a',
      ];
      console.log(cells.map((c, i) => String(c).padEnd([9, 9, 8, 8, 10, 8, 5, 8, 0][i])).join(''));
    }
  } finally {
    if (target.child) await stopProcess(target.child);
  }
  const rss = samples.map((s) => s.rssMiB).filter((v) => v !== null);
  const secondHalf = rss.slice(Math.floor(rss.length / 2));
  // A leak: RSS rose at every sample of the second half (after warm-up and JIT) by over 10 %.
  const growing =
    secondHalf.length >= 4 &&
    secondHalf.every((v, i) => i === 0 || v > secondHalf[i - 1]) &&
    secondHalf.at(-1) > secondHalf[0] * 1.1;
  const summary = {
    minutes,
    connections,
    requests: samples.reduce((n, s) => n + s.ok + s.clientErrors + s.serverErrors, 0),
    meanRps: Math.round(samples.reduce((n, s) => n + s.rps, 0) / samples.length),
    p50Ms: median(samples.map((s) => s.p50)),
    worstP99Ms: Math.max(...samples.map((s) => s.p99)),
    serverErrors: samples.reduce((n, s) => n + s.serverErrors, 0),
    clientErrors: samples.reduce((n, s) => n + s.clientErrors, 0),
    connectionErrors: samples.reduce((n, s) => n + s.errors, 0),
    rssMiB: rss.length
      ? { first: rss[0], last: rss.at(-1), max: Math.max(...rss), growingThroughSecondHalf: growing }
      : null,
  };
  const out =
    args.out ?? path.join(ROOT, 'bench', 'out', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ summary, samples }, null, 2));
  console.log(
    `\n${summary.requests} requests, ${summary.meanRps} req/s on average, p50 ${summary.p50Ms} ms (median of samples), worst p99 ${summary.worstP99Ms} ms`,
  );
  console.log(
    `5xx: ${summary.serverErrors}, 4xx: ${summary.clientErrors}, connection errors/timeouts: ${summary.connectionErrors}`,
  );
  if (summary.rssMiB)
    console.log(
      `RSS: ${summary.rssMiB.first} → ${summary.rssMiB.last} MiB (max ${summary.rssMiB.max})${growing ? ' — still growing through the second half' : ''}`,
    );
  console.log(`report: ${out}`);
  const failed = summary.serverErrors > 0 || summary.connectionErrors > 0 || growing;
  console.log(failed ? 'SOAK FAILED' : 'SOAK PASSED');
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
