// `npm run bench`: the benchmark of issues 8 and 18. Starts the real server in production
// configuration (compiled dist/, embedded SQLite file, info logging to a file), seeds a workspace,
// and drives it with autocannon from this process (BENCH_WORKERS=N: in N worker threads of it),
// never from a server's process. Every row gives the server's CPU per request and the load
// generator's own beside it. With DATABASE_URL and REDIS_URL set, or with `--private-services`
// (the bench starts its own PostgreSQL and Redis), it runs in scale-out mode: two Woes
// processes, connections spread over both, PostgreSQL's CPU and statements per request, and the
// time a revocation takes to reach the second process with Redis up and with Redis down.
// Ratios are taken within one run, because absolute numbers on a shared machine drift.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  cpuSeconds,
  killStarted,
  WARMUP,
  WORKERS,
} from './lib.mjs';
import { scaleScenario } from './scale.mjs';
import {
  externalPostgres,
  openConnections,
  privatePostgresUnavailable,
  scaleOutKeys,
  startPrivatePostgres,
  startPrivateRedis,
  statementReader,
} from './services.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
const PROFILE = process.argv.includes('--profile');
/** With --private-services: Woes reaches its PostgreSQL and Redis through Unix sockets instead of TCP. */
const UNIX_SOCKETS = process.argv.includes('--unix-sockets');
const PRIVATE = process.argv.includes('--private-services');
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (name) => !ONLY || ONLY.some((o) => name.startsWith(o));
const require = createRequire(import.meta.url);

mkdirSync(OUT, { recursive: true });

function prepare() {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const peer = path.join(ROOT, 'bench', 'peer');
  if (wanted('7') && !existsSync(path.join(peer, 'node_modules', 'better-auth'))) {
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
    // As `npm start` runs Woes (README, Memory).
    '--max-semi-space-size=4',
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
  const ids = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      api(base, secret, 'POST', '/api/v1/conversations', {
        externalId: `bench-${i + j}`,
        subject: `Benchmark conversation ${i + j}`,
        customer: { id: `cus_${(i + j) % 200}`, name: 'Ada Lovelace', email: `ada${(i + j) % 200}@example.com` },
      }),
    );
    for (const created of await Promise.all(batch)) ids.push(created.id);
  }
  return ids;
}

/** Scenario 4 spreads its messages over this many conversations (BENCH_MESSAGE_CONVERSATIONS; 1 = all on one). */
const MESSAGE_CONVERSATIONS = Number(process.env.BENCH_MESSAGE_CONVERSATIONS ?? 50);

// Scenario 9's corpus: 200 published articles of a few hundred words from a small vocabulary,
// so a query matches some tens of them and the ranking, snippets and limit all do work.
const KB_QUERY = 'refund invoice';
const TOPICS = ['refund', 'invoice', 'api key', 'webhook', 'password', 'export', 'billing', 'login', 'rate limit'];
const WORDS = (
  'account customer payment order charge card plan upgrade downgrade cancel error retry request response ' +
  'header token session email address team workspace admin member role permission report dashboard ' +
  'integration settings notification delivery receipt tax currency period trial subscription'
).split(' ');

async function seedArticles(base, secret, count) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (list) => list[Math.floor(random() * list.length)];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => {
      const n = i + j;
      const topic = TOPICS[n % TOPICS.length];
      const sentences = Array.from({ length: 25 }, () =>
        Array.from({ length: 12 }, (_, w) => (w === 5 && random() < 0.15 ? pick(TOPICS) : pick(WORDS))).join(' '),
      );
      return api(base, secret, 'POST', '/api/v1/kb/articles', {
        title: `How to handle a ${topic} question (${n})`,
        body: `${topic} ${sentences.join('. ')}.`,
        tags: [topic.replace(' ', '-'), pick(WORDS)].filter((t, k, all) => all.indexOf(t) === k),
        published: true,
      });
    });
    await Promise.all(batch);
  }
  const found = await api(base, secret, 'GET', `/api/v1/kb/search?q=${encodeURIComponent(KB_QUERY)}&limit=50`);
  if (found.data.length === 0) throw new Error(`the seeded articles do not match "${KB_QUERY}"`);
  console.log(
    `seeded ${count} articles; "${KB_QUERY}" matches ${found.data.length}${found.data.length === 50 ? '+' : ''}`,
  );
}

function badChecksum(key) {
  const last = key.at(-1);
  return key.slice(0, -1) + (last === 'a' ? 'b' : 'a');
}

/** Scale-out services: the private ones (`--private-services`), or those of the environment. */
async function services() {
  if (PRIVATE) {
    const unavailable = privatePostgresUnavailable();
    if (unavailable) {
      console.log(`--private-services skipped: ${unavailable}. Running with the environment's services.`);
    } else {
      const postgres = await startPrivatePostgres();
      const redis = await startPrivateRedis().catch(async (error) => {
        await postgres.stop();
        throw error;
      });
      console.log(
        UNIX_SOCKETS
          ? `private PostgreSQL ${postgres.socketUrl}, private Redis ${redis.socketUrl} (Unix sockets)`
          : `private PostgreSQL ${postgres.url}, private Redis ${redis.url}`,
      );
      return { postgres, redis, private: true };
    }
  }
  // The environment's services are reached as DATABASE_URL and REDIS_URL say (a socket there is used as is).
  if (UNIX_SOCKETS) throw new Error('--unix-sockets needs --private-services (and its PostgreSQL available)');
  if (process.env.DATABASE_URL && process.env.REDIS_URL)
    return {
      postgres: externalPostgres(process.env.DATABASE_URL),
      redis: { url: process.env.REDIS_URL, cpu: null, stop: async () => undefined },
      private: false,
    };
  return null;
}

async function main() {
  prepare();
  const { generateApiKey } = await import(path.join(ROOT, 'dist', 'keys', 'key-format.js'));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'woes-bench-'));
  const scaleOut = await services();
  try {
    await benchmark({ generateApiKey, dataDir, scaleOut });
  } finally {
    await scaleOut?.postgres.stop();
    await scaleOut?.redis.stop();
  }
}

async function benchmark({ generateApiKey, dataDir, scaleOut }) {
  const logFile = path.join(dataDir, 'woes.log');
  const [portA, portB, helloPort, peerPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const baseEnv = {
    WOES_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    WOES_LOG_FILE: logFile,
    NODE_ENV: 'production',
    ...(scaleOut
      ? {
          DATABASE_URL: UNIX_SOCKETS ? scaleOut.postgres.socketUrl : scaleOut.postgres.url,
          REDIS_URL: UNIX_SOCKETS ? scaleOut.redis.socketUrl : scaleOut.redis.url,
          ...scaleOutKeys(),
        }
      : { DATABASE_URL: '', REDIS_URL: '' }),
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

  const statements = scaleOut ? await statementReader(scaleOut.postgres) : null;
  const rows = [];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  // Paired ratios (BENCH_PAIRED, on unless 0): the hello-world process stays up and is measured
  // again right before each Woes scenario, and that scenario's ratios are taken against its own
  // pair. On this shared machine the same server's CPU per request drifts by a third between
  // minutes; a ratio to a hello-world measured minutes earlier carries that drift, a paired one
  // much less. The first hello-world row is kept as it was.
  let pairHello = null;
  const run = async (name, fn) => {
    if (!wanted(name)) return;
    const pair = pairHello && !name.startsWith('1 ') && !name.startsWith('7 ') ? await pairHello() : null;
    process.stdout.write(`… ${name}\n`);
    const row = await fn();
    rows.push({ name, ...row, pair });
    process.stdout.write(
      `  ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, server ${row.cpuMicros.server ?? 'n/a'} µs/req, ` +
        `load generator ${row.loadCpuMicros ?? 'n/a'} µs/req (${row.loadCores ?? 'n/a'} cores) ${JSON.stringify(row.statuses)}` +
        (pair ? `; hello-world just before: ${pair.rps} req/s, ${pair.cpuMicros.server} µs/req` : '') +
        '\n',
    );
  };

  // (1) the framework limit
  let helloProcess = null;
  if (wanted('1')) {
    const hello = await startProcess(process.execPath, [path.join(ROOT, 'bench', 'hello.mjs'), String(helloPort)], {
      ready: /ready/,
    });
    helloProcess = hello;
    const measureHello = () =>
      measure({ url: `http://127.0.0.1:${helloPort}/`, cpu: { server: () => cpuSeconds(hello.pid) } });
    await run('1 hello-world (bare Fastify)', async () => ({
      ...(await measureHello()),
      rss: [peakRSS(hello.pid)],
    }));
    if (process.env.BENCH_PAIRED !== '0') pairHello = measureHello;
    else await stopProcess(hello);
  }

  // (7) the peer
  if (wanted('7')) {
    const peer = await startProcess(
      process.execPath,
      [path.join(ROOT, 'bench', 'peer', 'server.mjs'), path.join(dataDir, 'peer.db'), String(peerPort)],
      { ready: /"key"/, cwd: path.join(ROOT, 'bench', 'peer') },
    );
    const peerKey = JSON.parse(peer.readyLine).key;
    await run('7 peer: better-auth api-key verify', async () => ({
      ...(await measure({
        url: `http://127.0.0.1:${peerPort}/me`,
        headers: { authorization: `Bearer ${peerKey}` },
        cpu: { server: () => cpuSeconds(peer.pid) },
      })),
      rss: [peakRSS(peer.pid)],
    }));
    await stopProcess(peer);
  }

  // (10) issue #18's prototype: bare Fastify plus only the work of a warm /me (bench/auth-prototype.mjs)
  if (wanted('10')) {
    const protoPort = await freePort();
    const proto = await startProcess(
      process.execPath,
      [path.join(ROOT, 'bench', 'auth-prototype.mjs'), String(protoPort)],
      { ready: /^ready /, env: { PROTO_LOG: path.join(dataDir, 'prototype.log') } },
    );
    const protoKey = proto.readyLine.split(' ')[1];
    await run('10 auth prototype: Fastify + SHA-256, map, scope, log line', async () => ({
      ...(await measure({
        url: `http://127.0.0.1:${protoPort}/api/v1/me`,
        headers: { authorization: `Bearer ${protoKey}` },
        cpu: { server: () => cpuSeconds(proto.pid) },
      })),
      rss: [peakRSS(proto.pid)],
    }));
    await stopProcess(proto);
  }

  const envA = { ...baseEnv, PORT: String(portA) };
  const woesA = await startWoes(envA, 'a');
  const woesB = scaleOut
    ? await startWoes({ ...baseEnv, PORT: String(portB), WOES_LOG_FILE: `${logFile}.b` }, 'b')
    : null;
  const baseA = `http://127.0.0.1:${portA}`;
  const baseB = `http://127.0.0.1:${portB}`;
  const auth = { authorization: `Bearer ${secret}` };
  const servers = [woesA, woesB].filter(Boolean);
  const sum = (probes) => () => {
    const values = probes.map((probe) => probe());
    return values.includes(null) ? null : values.reduce((a, b) => a + b, 0);
  };
  const cpu = {
    server: sum(servers.map((s) => () => cpuSeconds(s.pid))),
    ...(scaleOut ? { postgres: scaleOut.postgres.cpu } : {}),
    ...(scaleOut?.redis.cpu ? { redis: scaleOut.redis.cpu } : {}),
  };
  // One autocannon run for both processes: its connections alternate between the two URLs.
  const spread = async ({ path: p, ...options }) => {
    const result = await measure({
      ...options,
      url: woesB ? [`${baseA}${p}`, `${baseB}${p}`] : `${baseA}${p}`,
      cpu,
      statements: statements?.read ?? undefined,
    });
    return {
      ...result,
      rss: servers.map((s) => peakRSS(s.pid)),
      connections: scaleOut ? await openConnections(scaleOut.postgres) : null,
    };
  };

  const conversationIds = wanted('3') || wanted('4') ? await seedConversations(baseA, secret, 1000) : [];
  if (wanted('9')) await seedArticles(baseA, secret, 200);

  await run('2 GET /api/v1/me (valid key)', () => spread({ path: '/api/v1/me', headers: auth }));
  await run('3 GET /api/v1/conversations?limit=10', () =>
    spread({ path: '/api/v1/conversations?limit=10', headers: auth }),
  );
  await run(`4 POST /api/v1/conversations/:id/messages (${MESSAGE_CONVERSATIONS} conversations)`, () => {
    const pathsFile = path.join(dataDir, 'message-paths.json');
    const paths = conversationIds.slice(0, MESSAGE_CONVERSATIONS).map((id) => `/api/v1/conversations/${id}/messages`);
    writeFileSync(pathsFile, JSON.stringify(paths));
    process.env.BENCH_PATHS = pathsFile;
    const setupRequest = path.join(ROOT, 'bench', 'rotate-path.cjs');
    return spread({
      path: paths[0],
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'user', body: 'I am getting a 401 from POST /orders.' }),
      requests: [{ setupRequest: WORKERS > 0 ? setupRequest : require(setupRequest) }],
    });
  });
  await run(`9 GET /api/v1/kb/search?q=${KB_QUERY} (200 articles)`, () =>
    spread({ path: `/api/v1/kb/search?q=${encodeURIComponent(KB_QUERY)}`, headers: auth }),
  );
  // Before the floods: they trip the failed-credential limit of this client's IP for a minute.
  const revocation =
    woesB && wanted('rev')
      ? await revocations({ baseA, baseB, secret, baseEnv, logFile, redisTcpUrl: scaleOut.redis.url })
      : null;
  await run('5 flood: bad checksum', () =>
    spread({ path: '/api/v1/me', headers: { authorization: `Bearer ${badChecksum(secret)}` } }),
  );
  await run('6 flood: well-formed unknown keys', async () => {
    const keysFile = path.join(dataDir, 'unknown-keys.json');
    writeFileSync(keysFile, JSON.stringify(Array.from({ length: 5000 }, () => generateApiKey())));
    process.env.BENCH_UNKNOWN_KEYS = keysFile;
    const setupRequest = path.join(ROOT, 'bench', 'unknown-key.cjs');
    return spread({
      path: '/api/v1/me',
      // Worker threads load the function by path; the main thread takes the function itself.
      requests: [{ setupRequest: WORKERS > 0 ? setupRequest : require(setupRequest) }],
    });
  });

  for (const server of servers) await stopProcess(server);
  if (helloProcess) await stopProcess(helloProcess);
  await statements?.close();

  const scale = wanted('8')
    ? await scaleScenario({ ROOT, woes, startWoes, baseEnv, freePort, SCALE_OUT: !!scaleOut })
    : null;

  report({
    rows,
    machine,
    revocation,
    scale,
    scaleOut,
    statementsNote: statements && !statements.read ? statements.reason : null,
    mode: scaleOut
      ? `scale-out (PostgreSQL + Redis, 2 processes${scaleOut.private ? '; private PostgreSQL and Redis started by the bench' : ''})`
      : 'embedded (SQLite)',
  });
}

async function health(base) {
  try {
    const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) });
    return await response.json();
  } catch {
    return null;
  }
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

/**
 * Revocation lag with Redis up (processes A and B), then with Redis down: two more processes, C
 * and D, reach Redis through bench/tcp-proxy.mjs, which the bench then cuts (connections reset,
 * port closed), so the main pair and the Redis server itself stay untouched. Once both report
 * `redis: down` on /health, a key warmed on D is revoked on C: only the invalidation-log poll
 * (WOES_INVALIDATION_POLL_MS) can tell D.
 */
async function revocations({ baseA, baseB, secret, baseEnv, logFile, redisTcpUrl }) {
  process.stdout.write('… revocation lag, Redis up\n');
  const up = await revocationDelay(baseA, baseB, secret);
  process.stdout.write(`  ${up ?? 'not within 10 s'} ms\n… revocation lag, Redis down\n`);
  // Through TCP even with --unix-sockets: the proxy that cuts Redis is a TCP proxy.
  const target = new URL(redisTcpUrl);
  const proxy = await startProcess(
    process.execPath,
    [path.join(ROOT, 'bench', 'tcp-proxy.mjs'), target.hostname, target.port || '6379'],
    { ready: /^ready \d+/ },
  );
  const proxied = new URL(redisTcpUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = proxy.readyLine.split(' ')[1];
  const [portC, portD] = await Promise.all([freePort(), freePort()]);
  const env = { ...baseEnv, REDIS_URL: proxied.toString() };
  const started = [];
  try {
    started.push(await startWoes({ ...env, PORT: String(portC), WOES_LOG_FILE: `${logFile}.c` }, 'c'));
    started.push(await startWoes({ ...env, PORT: String(portD), WOES_LOG_FILE: `${logFile}.d` }, 'd'));
    const [baseC, baseD] = [portC, portD].map((p) => `http://127.0.0.1:${p}`);
    const cut = performance.now();
    proxy.kill('SIGUSR1');
    let noticed = null;
    while (performance.now() - cut < 15_000) {
      const states = await Promise.all([baseC, baseD].map(health));
      if (states.every((s) => s?.redis === 'down')) {
        noticed = Math.round(performance.now() - cut);
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const down = noticed === null ? null : await revocationDelay(baseC, baseD, secret);
    process.stdout.write(
      `  ${down ?? 'n/a'} ms (both processes reported redis: down ${noticed ?? 'never'} ms after the cut)\n`,
    );
    return { up, down, noticed };
  } finally {
    for (const server of started) await stopProcess(server);
    await stopProcess(proxy);
  }
}

const cell = (value) => (value === null || value === undefined ? 'n/a' : String(value));

function report({ rows, machine, revocation, scale, scaleOut, statementsNote, mode }) {
  const hello = rows.find((r) => r.name.startsWith('1 '));
  const peer = rows.find((r) => r.name.startsWith('7 '));
  const me = rows.find((r) => r.name.startsWith('2 '));
  const isWoes = (r) => !r.name.startsWith('1 ') && !r.name.startsWith('7 ') && !r.name.startsWith('10 ');
  const columns = [
    ['scenario', (r) => r.name],
    ['req/s', (r) => r.rps],
    ['÷ (1)', (r) => (hello ? ratio(r.rps, (r.pair ?? hello).rps) : '')],
    [scaleOut ? 'Woes CPU µs/req (both)' : 'server CPU µs/req', (r) => cell(r.cpuMicros.server)],
    [
      '(1) CPU ÷ this CPU',
      (r) => (hello && r.cpuMicros.server ? ratio((r.pair ?? hello).cpuMicros.server, r.cpuMicros.server) : ''),
    ],
    ...(rows.some((r) => r.pair)
      ? [
          [
            '(1) just before: req/s, CPU µs/req',
            (r) => (r.pair ? `${r.pair.rps}, ${cell(r.pair.cpuMicros.server)}` : ''),
          ],
        ]
      : []),
    ...(scaleOut
      ? [
          ['PostgreSQL CPU µs/req', (r) => (isWoes(r) ? cell(r.cpuMicros.postgres) : '')],
          ['Redis CPU µs/req', (r) => (isWoes(r) ? cell(r.cpuMicros.redis) : '')],
          ['statements/req', (r) => (isWoes(r) ? cell(r.statements?.perRequest) : '')],
          ['PG connections', (r) => (isWoes(r) ? cell(r.connections) : '')],
        ]
      : []),
    ['load-gen CPU µs/req', (r) => cell(r.loadCpuMicros)],
    ['load-gen cores', (r) => cell(r.loadCores)],
    ['p50 ms', (r) => r.p50],
    ['p99 ms', (r) => r.p99],
    [scaleOut ? 'peak RSS MB (A / B)' : 'peak RSS MB', (r) => r.rss.map(cell).join(' / ')],
    ['statuses', (r) => JSON.stringify(r.statuses).replace(/\|/g, '/')],
  ];
  const align = (name) => (name === 'scenario' || name === 'statuses' || name.startsWith('peak') ? '---' : '---:');
  const woesRss = rows.filter(isWoes).flatMap((r) => r.rss.filter((v) => v !== null));
  const statementRows = rows.filter((r) => r.statements?.top.length);
  const lines = [
    `Mode: ${mode}. ${CONNECTIONS} connections, ${WARMUP} s warm-up, ${DURATION} s measured. ` +
      `Load generator: autocannon in the bench process, ${WORKERS > 0 ? `${WORKERS} worker threads` : 'main thread (BENCH_WORKERS unset)'}. Machine: ${machine}.`,
    '',
    `| ${columns.map(([name]) => name).join(' | ')} |`,
    `|${columns.map(([name]) => align(name)).join('|')}|`,
    ...rows.map((r) => `| ${columns.map(([, get]) => get(r)).join(' | ')} |`),
    '',
    (rows.some((r) => r.pair)
      ? 'Ratios of each Woes row are to the hello-world measured just before it (BENCH_PAIRED=0: to the first row). '
      : '') +
      'CPU µs/req: CPU time (user + system, from /proc) over the measured run ÷ requests. Load generator: the bench ' +
      'process, every thread (autocannon workers included); "cores" is its CPU time ÷ wall time.',
    scaleOut
      ? `PostgreSQL CPU: ${scaleOut.postgres.scope}. Redis CPU: ${scaleOut.redis.cpu ? 'the private redis-server' : 'n/a (not started by the bench; use --private-services)'}. ` +
        `Statements/req: pg_stat_statements calls of the database ÷ requests (background work such as the usage flush included)${statementsNote ? ` — n/a: ${statementsNote}` : ''}. ` +
        "PG connections: open connections to the database after the run (both processes' pools; pg.Pool max 10 per process unless Woes's configuration says otherwise)."
      : '',
    woesRss.length
      ? `Peak RSS of a Woes process over the run (${mode.split(' ')[0]}): **${Math.max(...woesRss)} MB**.`
      : '',
    me && peer
      ? `(2) ÷ (7): ${ratio(me.rps, peer.rps)}× in requests/s; ${ratio(peer.cpuMicros.server, me.cpuMicros.server)}× in server CPU per request.`
      : '',
    revocation
      ? `Revocation on process A refused by process B after ${cell(revocation.up)} ms with Redis up; ` +
        `${cell(revocation.down)} ms with Redis down (processes C and D, Redis cut by a proxy; both reported it down ${cell(revocation.noticed)} ms after the cut). Target ≤ ~1 s: ` +
        `${revocation.up !== null && revocation.down !== null && Math.max(revocation.up, revocation.down) <= 1000 ? 'met' : 'NOT met'}.`
      : '',
    ...(statementRows.length
      ? [
          '',
          'Most frequent statements per scenario (pg_stat_statements: calls per request, calls, mean execution µs):',
          ...statementRows.flatMap((r) => [
            `- ${r.name}:`,
            ...r.statements.top.map(
              (s) => `  - ${s.perRequest}/req (${s.calls}) × ${s.meanMicros} µs: \`${s.query.slice(0, 120)}\``,
            ),
          ]),
        ]
      : []),
    scale ? scale.lines.join('\n') : '',
  ];
  const text = lines.filter((l) => l !== undefined).join('\n');
  writeFileSync(path.join(OUT, `results-${Date.now()}.md`), text + '\n');
  console.log('\n' + text);
}

main().catch((error) => {
  console.error(error);
  killStarted();
  process.exit(1);
});
