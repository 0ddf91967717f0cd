import { bearer, clientOn, createKey, describe, waitForHealth, type Cluster } from './context.js';
import { percentile, type Answer } from './http.js';
import { WriteLoad, makeConversations } from './load.js';
import { ms } from './report.js';
import { sleep } from './services.js';
import { runCLI, type WoesProcess } from './woes.js';

const SECTION = 'Redis outage';
/** A small per-hour API-key limit, so the suite can spend it all and see who counted. */
const LIMIT = 20;

/**
 * Redis stopped under load: no 5xx, `/health` shows it, each process then limits on its own;
 * once Redis is back the counters are shared again. Then Redis frozen: nothing stalls.
 */
export async function redisScenario(cluster: Cluster): Promise<void> {
  const { report, processes, redis } = cluster;
  const limited = await runCLI(cluster.env, [
    'init',
    '--email',
    'limits@cluster.test',
    '--password',
    'cluster-suite-password-2',
    '--workspace',
    'limits',
  ]);
  const limitedWorkspace = String(limited.workspaceId);
  const limitedAdmin = (limited.key as { secret: string }).secret;
  await runCLI(cluster.env, ['workspace', 'set-rate-limit', limitedWorkspace, '--per-hour', String(LIMIT)]);

  const writer = await createKey(cluster, 'redis outage writer', 'conversations.write,messages.write');
  const conversations = await makeConversations(cluster, writer.secret, 3, 'redis outage');
  const load = new WriteLoad(cluster, writer.secret, conversations, processes, 1, 70);
  const probes: Answer[] = [];
  load.start();
  try {
    const before = await spend(cluster, limitedAdmin, processes, probes);
    report.check(
      SECTION,
      `Redis up: one budget of ${LIMIT} across 3 processes`,
      sum(before) === LIMIT,
      `allowed ${before.join(' + ')} = ${sum(before)}`,
    );

    const downFrom = Date.now();
    await redis.stop();
    const down = await waitForHealth(
      processes,
      (a) => a.status === 200 && a.body?.redis === 'down' && a.body?.status === 'degraded',
      10_000,
    );
    report.check(
      SECTION,
      '/health shows redis: down (200, degraded) on all 3',
      down.ok,
      down.ok ? `after ${ms(down.ms)}` : down.answers.map(describe).join(', '),
    );
    const alone = [];
    for (const p of processes) alone.push(sum(await spend(cluster, limitedAdmin, [p], probes)));
    const perProcess = alone.every((n) => n >= 1 && n <= LIMIT) && sum(alone) > LIMIT;
    report.check(
      SECTION,
      `Redis down: each process limits on its own (1–${LIMIT} each)`,
      perProcess,
      `allowed ${alone.join(', ')}`,
    );

    const downUntil = Date.now();
    await redis.start();
    const up = await waitForHealth(processes, (a) => a.status === 200 && a.body?.redis === 'up', 15_000);
    report.check(
      SECTION,
      '/health shows redis: up again on all 3',
      up.ok,
      up.ok ? `after ${ms(up.ms)}` : up.answers.map(describe).join(', '),
    );
    const after = await spend(cluster, limitedAdmin, processes, probes);
    report.check(
      SECTION,
      `Redis back: one shared budget of ${LIMIT} again`,
      sum(after) === LIMIT,
      `allowed ${after.join(' + ')} = ${sum(after)}`,
    );

    // A Redis that is up but does not answer must cost requests no more than a Redis that is down.
    const key = await createKey(cluster, 'frozen probe', 'read', limitedAdmin);
    const frozenFrom = Date.now();
    redis.freeze();
    const frozen = await spend(cluster, limitedAdmin, processes, probes, key);
    await sleep(2000);
    redis.thaw();
    const during = [
      ...load.writes.filter((w) => w.answer.startedAt >= frozenFrom).map((w) => w.answer),
      ...probes.filter((a) => a.startedAt >= frozenFrom),
    ];
    const slowest = Math.max(0, ...during.map((a) => a.ms));
    const bound = cluster.dbTimeoutMs + 1000;
    report.check(
      SECTION,
      `Redis frozen: no request past the timeout (${ms(bound)})`,
      slowest <= bound && sum(frozen) >= 1,
      `slowest ${ms(slowest)} of ${during.length}; allowed ${frozen.join(' + ')}`,
    );
    // "Fall back as for a Redis that is down": a frozen Redis may cost a request no more than a stopped one does.
    const downP50 = percentile(
      probes.filter((a) => a.startedAt >= downFrom && a.startedAt < downUntil).map((a) => a.ms),
      50,
    );
    const frozenP50 = percentile(
      during.map((a) => a.ms),
      50,
    );
    report.check(
      SECTION,
      'Redis frozen: requests fall back as when it is down (median within 250 ms)',
      frozenP50 <= downP50 + 250,
      `median ${ms(frozenP50)} frozen, ${ms(downP50)} stopped`,
    );
    await waitForHealth(processes, (a) => a.body?.redis === 'up', 15_000);
  } finally {
    redis.thaw();
    await load.stop();
  }
  const all = [...load.writes.map((w) => w.answer), ...probes];
  const bad = all.filter((a) => a.status === 0 || a.status >= 500);
  const wrongLimits = probes.filter((a) => a.status !== 200 && !(a.status === 429 && a.code === 'rate_limited'));
  const writesOk = load.writes.filter((w) => w.answer.status === 201).length;
  report.check(
    SECTION,
    'no 5xx and no dropped request through the outage',
    bad.length === 0 && wrongLimits.length === 0,
    `${all.length} requests (${writesOk}/${load.writes.length} writes 201), ${bad.length} 5xx or unanswered, ${wrongLimits.length} other${bad.length ? `; ${bad.slice(0, 3).map(describe).join(', ')}` : ''}`,
  );
}

/**
 * Sends 3 × LIMIT requests, ten at a time, round-robin over the targets, with a fresh key of
 * the limited workspace (or the one given); returns how many each target allowed.
 */
async function spend(
  cluster: Cluster,
  admin: string,
  targets: WoesProcess[],
  probes: Answer[],
  given?: { secret: string },
): Promise<number[]> {
  const key = given ?? (await createKey(cluster, 'limit probe', 'read', admin));
  const allowed = targets.map(() => 0);
  const client = clientOn(80);
  for (let batch = 0; batch < 3 * LIMIT; batch += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, 3 * LIMIT - batch) }, async (_, j) => {
        const t = (batch + j) % targets.length;
        const answer = await client.request(targets[t].port, 'GET', '/api/v1/me', {
          headers: bearer(key.secret),
          timeoutMs: 30_000,
        });
        probes.push(answer);
        if (answer.status === 200) allowed[t]++;
      }),
    );
  }
  return allowed;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
