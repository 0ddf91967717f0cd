// The cluster suite (`npm run test:cluster`): a private PostgreSQL and Redis on spare ports,
// three real `woes start` processes, and the faults of issue #17 applied from outside.
// Prints a table of figures and exits non-zero when a promise fails. README: "Cluster suite".
//
//   npm run test:cluster                          # CI: 60 s soak
//   npm run test:cluster -- --soak-seconds 600    # release: 10-minute soak
//   npm run test:cluster -- --only revocation,redis --keep
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeClients, query, type Cluster } from './context.js';
import { postgresScenario } from './postgres-faults.js';
import { redisScenario } from './redis-outage.js';
import { Report, ms } from './report.js';
import { revocationScenario } from './revocation.js';
import { PrivatePostgres, PrivateRedis } from './services.js';
import { sigkillScenario } from './sigkill.js';
import { soakScenario } from './soak.js';
import { WoesProcess, newSecrets, runCLI, sharedEnv } from './woes.js';

const SCENARIOS: [string, (cluster: Cluster) => Promise<void>][] = [
  ['revocation', revocationScenario],
  ['redis', redisScenario],
  ['postgres', postgresScenario],
  ['sigkill', sigkillScenario],
  ['soak', soakScenario],
];

const { values } = parseArgs({
  options: { 'soak-seconds': { type: 'string' }, only: { type: 'string' }, keep: { type: 'boolean' } },
});
const soakSeconds = Number(values['soak-seconds'] ?? process.env.WOES_CLUSTER_SOAK_SECONDS ?? 60);
const dbTimeoutMs = Number(process.env.WOES_CLUSTER_DB_TIMEOUT_MS ?? 2000);
if (!Number.isInteger(soakSeconds) || soakSeconds < 15)
  throw new Error('--soak-seconds must be a whole number, at least 15');
const only = values.only ? values.only.split(',') : null;

const report = new Report();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-cluster-'));
// The postgres OS user must reach its data directory inside.
fs.chmodSync(dir, 0o755);
let postgres: PrivatePostgres | null = null;
let redis: PrivateRedis | null = null;
const processes: WoesProcess[] = [];
let cleaned = false;

/** Everything the suite started goes, whatever happened: processes, PostgreSQL, Redis, the temp dir. */
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  closeClients();
  await Promise.all(processes.map((p) => p.stop().catch(() => p.kill())));
  await postgres?.destroy().catch(() => undefined);
  await redis?.destroy().catch(() => undefined);
  if (values.keep) process.stdout.write(`kept ${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stdout.write(`\n${signal}: cleaning up\n`);
    void cleanUp().finally(() => process.exit(1));
  });
}
// A suite that hangs is a failure too, and must still clean up.
const budgetMs = 10 * 60_000 + soakSeconds * 1000;
const watchdog = setTimeout(() => {
  report.check('suite', `finishes within ${ms(budgetMs)}`, false, 'watchdog fired');
  report.print();
  void cleanUp().finally(() => process.exit(1));
}, budgetMs);

async function main(): Promise<void> {
  const started = Date.now();
  const pgServer = (postgres = await PrivatePostgres.create(dir));
  await pgServer.start();
  const redisServer = (redis = await PrivateRedis.create(dir));
  await redisServer.start();
  process.stdout.write(
    `PostgreSQL on 127.0.0.1:${pgServer.port}, Redis on 127.0.0.1:${redisServer.port}, files in ${dir}\n`,
  );
  const secrets = newSecrets();
  const env = sharedEnv(
    { databaseUrl: pgServer.url, redisUrl: redisServer.url, dir, dbTimeoutMs },
    secrets.signingKey,
    secrets.masterKey,
  );

  // Three processes migrate the empty database at once: one schema must come out.
  for (let i = 1; i <= 3; i++) processes.push(new WoesProcess(`process ${i}`, env, dir));
  await Promise.all(processes.map((p) => p.start()));
  const doubled = await query(
    { postgres: pgServer },
    'select name from kysely_migration group by name having count(*) > 1',
  );
  const applied = await query<{ n: string }>({ postgres: pgServer }, 'select count(*) as n from kysely_migration');
  report.check(
    'start',
    'three processes migrating an empty database at once: one schema',
    doubled.length === 0,
    `${applied[0].n} migrations, ${doubled.length} applied twice`,
  );

  const init = await runCLI(env, [
    'init',
    '--email',
    'owner@cluster.test',
    '--password',
    'cluster-suite-password-1',
    '--workspace',
    'cluster',
  ]);
  const workspaceId = String(init.workspaceId);
  const adminKey = init.key as { id: string; secret: string };
  // The suite's own traffic must not trip the API-key limit (the Redis scenario sets its own).
  await runCLI(env, ['workspace', 'set-rate-limit', workspaceId, '--per-hour', '1000000000']);
  const cluster: Cluster = {
    postgres: pgServer,
    redis: redisServer,
    processes,
    env,
    workspaceId,
    adminKey,
    dbTimeoutMs,
    report,
    soakSeconds,
  };
  process.stdout.write(`3 processes ready in ${ms(Date.now() - started)}\n`);

  for (const [name, scenario] of SCENARIOS) {
    if (only && !only.includes(name)) continue;
    const at = Date.now();
    process.stdout.write(`\n== ${name}\n`);
    try {
      // A scenario that failed half-way, leaving a service or a process down, must not spoil the next one.
      if (pgServer.frozen) pgServer.thaw();
      if (!pgServer.running) await pgServer.start();
      redisServer.thaw();
      if (!redisServer.running) await redisServer.start();
      for (const p of processes) if (!p.running) await p.start();
      await scenario(cluster);
    } catch (error) {
      report.crashed(name, error);
    }
    process.stdout.write(`   (${ms(Date.now() - at)})\n`);
  }
  process.stdout.write(`\nwhole suite: ${ms(Date.now() - started)}\n`);
}

let exitCode = 1;
try {
  await main();
} catch (error) {
  report.crashed('set-up', error);
} finally {
  clearTimeout(watchdog);
  if (report.failed > 0) {
    for (const p of processes) {
      const tail = p.stderrTail(10);
      if (tail) process.stdout.write(`\n${p.name} stderr:\n${tail}\n`);
    }
  }
  await cleanUp();
  report.print();
  exitCode = report.failed > 0 || report.passed === 0 ? 1 : 0;
  // The closing line CI reads.
  process.stdout.write(`\ncluster: ${report.passed} passed, ${report.failed} failed\n`);
}
process.exit(exitCode);
