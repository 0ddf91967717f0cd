// `npm run bench`: the benchmark of issue 8. Starts the real server in production configuration
// (compiled dist/, embedded SQLite file, info logging to a file), seeds a workspace, and drives it
// with autocannon. With DATABASE_URL and REDIS_URL set it runs in scale-out mode: two Woes
// processes, round-robin client connections, and the time a revocation takes to reach the second.
// Ratios are taken within one run, because absolute numbers on a shared machine drift.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONNECTIONS,
  startServer,
  DURATION,
  freePort,
  measure,
  peakRSS,
  ratio,
  startProcess,
  stopProcess,
  WARMUP,
} from './lib.mjs';
import { scaleScenario } from './scale.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
const SCALE_OUT = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
const PROFILE = process.argv.includes('--profile');
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

mkdirSync(OUT, { recursive: true });

function prepare() {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const peer = path.join(ROOT, 'bench', 'peer');
  if (!existsSync(path.join(peer, 'node_modules', 'better-auth'))) {
    console.log('installing the peer (better-auth) under bench/peer …');
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: peer, stdio: 'inherit' });
  }
}

function woes(args, env) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'woes.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`woes ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

async function startWoes(env, label) {
  const args = [
    ...(PROFILE && label === 'a' ? ['--cpu-prof', `--cpu-prof-dir=${OUT}`] : []),
    path.join(ROOT, 'bin', 'woes.js'),
    'start',
  ];
  return startServer(process.execPath, args, { env, url: `http://127.0.0.1:${env.PORT}/health` });
}

async function api(base, secret, method, url, body) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = response.status === 204 ? null : await response.json();
  if (response.status >= 400) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function seedConversations(base, secret, count) {
  let first = null;
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      api(base, secret, 'POST', '/api/v1/conversations', {
        externalId: `bench-${i + j}`,
        subject: `Benchmark conversation ${i + j}`,
        customer: { id: `cus_${(i + j) % 200}`, name: 'Ada Lovelace', email: `ada${(i + j) % 200}@example.com` },
      }),
    );
    const created = await Promise.all(batch);
    first ??= created[0].id;
  }
  return first;
}

function badChecksum(key) {
  const last = key.at(-1);
  return key.slice(0, -1) + (last === 'a' ? 'b' : 'a');
}

async function main() {
  prepare();
  const { generateApiKey } = await import(path.join(ROOT, 'dist', 'keys', 'key-format.js'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'woes-bench-'));
  const logFile = path.join(dataDir, 'woes.log');
  const [portA, portB, helloPort, peerPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const baseEnv = {
    WOES_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    WOES_LOG_FILE: logFile,
    NODE_ENV: 'production',
  };
  const init = JSON.parse(
    woes(
      ['init', '--email', 'bench@example.com', '--password', 'bench-password-8472', '--workspace', 'Bench', '--json'],
      baseEnv,
    ),
  );
  const secret = init.key.secret;
  // The per-key limit (1000/hour) would turn the benchmark into a 429 benchmark: lift it, as an operator would.
  woes(['workspace', 'set-rate-limit', init.workspaceId, '--per-hour', '1000000000'], baseEnv);

  const rows = [];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const run = async (name, fn) => {
    if (ONLY && !ONLY.some((o) => name.startsWith(o))) return;
    process.stdout.write(`… ${name}\n`);
    const row = await fn();
    rows.push({ name, ...row });
    process.stdout.write(`  ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms ${JSON.stringify(row.statuses)}\n`);
  };

  // (1) the framework limit
  const hello = await startProcess(process.execPath, [path.join(ROOT, 'bench', 'hello.mjs'), String(helloPort)], {
    ready: /ready/,
  });
  await run('1 hello-world (bare Fastify)', async () => ({
    ...(await measure({ url: `http://127.0.0.1:${helloPort}/`, pid: hello.pid })),
    rss: peakRSS(hello.pid),
  }));
  await stopProcess(hello);

  // (7) the peer
  const peer = await startProcess(
    process.execPath,
    [path.join(ROOT, 'bench', 'peer', 'server.mjs'), path.join(dataDir, 'peer.db'), String(peerPort)],
    {
      ready: /"key"/,
      cwd: path.join(ROOT, 'bench', 'peer'),
    },
  );
  const peerKey = JSON.parse(peer.readyLine).key;
  await run('7 peer: better-auth api-key verify', async () => ({
    ...(await measure({
      url: `http://127.0.0.1:${peerPort}/me`,
      headers: { authorization: `Bearer ${peerKey}` },
      pid: peer.pid,
    })),
    rss: peakRSS(peer.pid),
  }));
  await stopProcess(peer);

  const envA = { ...baseEnv, PORT: String(portA) };
  const woesA = await startWoes(envA, 'a');
  const woesB = SCALE_OUT
    ? await startWoes({ ...baseEnv, PORT: String(portB), WOES_LOG_FILE: `${logFile}.b` }, 'b')
    : null;
  const baseA = `http://127.0.0.1:${portA}`;
  const urls = (p) => (woesB ? [`${baseA}${p}`, `http://127.0.0.1:${portB}${p}`] : [`${baseA}${p}`]);
  const auth = { authorization: `Bearer ${secret}` };
  const servers = () => [woesA, woesB].filter(Boolean);
  const rssOf = () => Math.max(...servers().map((s) => peakRSS(s.pid) ?? 0));

  const needsConversations = !ONLY || ONLY.some((o) => o.startsWith('3') || o.startsWith('4'));
  const conversationId = needsConversations ? await seedConversations(baseA, secret, 1000) : null;
  const spread = async (options) => {
    // Round-robin: each server gets half of the connections.
    const targets = urls(options.path);
    const results = await Promise.all(
      targets.map((url, i) =>
        measureSplit({ ...options, url, pid: servers()[i].pid, connections: Math.ceil(CONNECTIONS / targets.length) }),
      ),
    );
    return combine(results);
  };

  await run('2 GET /api/v1/me (valid key)', async () => ({
    ...(await spread({ path: '/api/v1/me', headers: auth })),
    rss: rssOf(),
  }));
  await run('3 GET /api/v1/conversations?limit=10', async () => ({
    ...(await spread({ path: '/api/v1/conversations?limit=10', headers: auth })),
    rss: rssOf(),
  }));
  await run('4 POST /api/v1/conversations/:id/messages', async () => ({
    ...(await spread({
      path: `/api/v1/conversations/${conversationId}/messages`,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'user', body: 'I am getting a 401 from POST /orders.' }),
    })),
    rss: rssOf(),
  }));
  // Before the floods: they trip the failed-credential limit of this client's IP for a minute.
  const revocation = woesB ? await revocationDelay(baseA, `http://127.0.0.1:${portB}`, secret) : null;
  await run('5 flood: bad checksum', async () => ({
    ...(await spread({ path: '/api/v1/me', headers: { authorization: `Bearer ${badChecksum(secret)}` } })),
    rss: rssOf(),
  }));
  await run('6 flood: well-formed unknown keys', async () => {
    let i = 0;
    const keys = Array.from({ length: 5000 }, () => generateApiKey());
    return {
      ...(await spread({
        path: '/api/v1/me',
        requests: [
          { setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${keys[i++ % keys.length]}` } }) },
        ],
      })),
      rss: rssOf(),
    };
  });

  for (const server of servers()) await stopProcess(server);

  const scale =
    !ONLY || ONLY.some((o) => o.startsWith('8'))
      ? await scaleScenario({ ROOT, woes, startWoes, baseEnv, freePort, SCALE_OUT })
      : null;

  report({
    rows,
    machine,
    revocation,
    scale,
    mode: SCALE_OUT ? 'scale-out (PostgreSQL + Redis, 2 processes)' : 'embedded (SQLite)',
  });
}

async function measureSplit(options) {
  const { path: _p, ...rest } = options;
  return measure(rest);
}

function combine(results) {
  if (results.length === 1) return results[0];
  return {
    rps: results.reduce((s, r) => s + r.rps, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    total: results.reduce((s, r) => s + r.total, 0),
    cpuMicros: Math.round(
      results.reduce((s, r) => s + r.cpuMicros * r.total, 0) / results.reduce((s, r) => s + r.total, 0),
    ),
    statuses: results.map((r) => r.statuses),
  };
}

/** Scale-out: create a key, warm it on B, revoke it on A, poll B until it answers 401. */
async function revocationDelay(baseA, baseB, adminSecret) {
  const created = await api(baseA, adminSecret, 'POST', '/api/v1/keys', { name: 'revocation probe', scopes: ['read'] });
  await api(baseB, created.secret, 'GET', '/api/v1/me');
  const start = performance.now();
  await api(baseA, adminSecret, 'DELETE', `/api/v1/keys/${created.id}`);
  for (;;) {
    const response = await fetch(`${baseB}/api/v1/me`, { headers: { authorization: `Bearer ${created.secret}` } });
    await response.arrayBuffer();
    if (response.status === 401) return Math.round(performance.now() - start);
    if (performance.now() - start > 10_000) return null;
  }
}

function report({ rows, machine, revocation, scale, mode }) {
  const hello = rows.find((r) => r.name.startsWith('1 '));
  const peer = rows.find((r) => r.name.startsWith('7 '));
  const me = rows.find((r) => r.name.startsWith('2 '));
  const lines = [
    `Mode: ${mode}. ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured. Machine: ${machine}.`,
    '',
    '| scenario | req/s | ÷ (1) | server CPU µs/req | (1) CPU ÷ this CPU | p50 ms | p99 ms | peak RSS MB | statuses |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.rps} | ${hello ? ratio(r.rps, hello.rps) : ''} | ${r.cpuMicros ?? ''} | ${hello && r.cpuMicros ? ratio(hello.cpuMicros, r.cpuMicros) : ''} | ${r.p50} | ${r.p99} | ${r.rss ?? ''} | ${JSON.stringify(r.statuses).replace(/\|/g, '/')} |`,
    ),
    '',
    me && peer
      ? `(2) ÷ (7): ${ratio(me.rps, peer.rps)}× in requests/s; ${ratio(peer.cpuMicros, me.cpuMicros)}× in server CPU per request.`
      : '',
    revocation !== null ? `Revocation on process A refused by process B after ${revocation} ms.` : '',
    scale ? scale.lines.join('\n') : '',
  ];
  const text = lines.filter((l) => l !== undefined).join('\n');
  writeFileSync(path.join(OUT, `results-${Date.now()}.md`), text + '\n');
  console.log('\n' + text);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
