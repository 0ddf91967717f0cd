import { bearer, clientOn, createKey, describe, query, waitForHealth, type Cluster } from './context.js';
import { ms } from './report.js';
import { sleep } from './services.js';
import { runCLI, type WoesProcess } from './woes.js';

const SECTION = 'revocation race';
/** SPEC §9: every other instance refuses a revoked key within 1 s. */
const PROMISE_MS = 1000;
/** How long the suite keeps watching after the revocation before calling the promise broken. */
const WATCH_MS = 3000;
const POLL_MS = 20;

/**
 * A key revoked through process 1 (its API, or the CLI as another process) must be refused by
 * the other processes within 1 s — with Redis up, with Redis down, and by a process that
 * started while Redis was down.
 */
export async function revocationScenario(cluster: Cluster): Promise<void> {
  const [p1, p2, p3] = cluster.processes;
  await revocationCase(cluster, 'Redis up, API', 'api', [p2, p3]);
  await revocationCase(cluster, 'Redis up, CLI', 'cli', [p1, p2, p3]);

  await cluster.redis.stop();
  try {
    await revocationCase(cluster, 'Redis down, API', 'api', [p2, p3]);
    await revocationCase(cluster, 'Redis down, CLI', 'cli', [p1, p2, p3]);
    // Process 3 starts afresh while Redis is down: it must still hear revocations.
    await p3.stop();
    await p3.start();
    await revocationCase(cluster, 'Redis down, process started without Redis', 'api', [p3]);
  } finally {
    await cluster.redis.start();
  }
  const back = await waitForHealth(cluster.processes, (a) => a.body?.redis === 'up', 15_000);
  cluster.report.check(
    SECTION,
    '/health shows Redis up again on all 3',
    back.ok,
    back.ok ? `after ${ms(back.ms)}` : back.answers.map(describe).join(', '),
  );
  await revocationCase(cluster, 'Redis back, process started without Redis', 'api', [p2, p3]);
}

async function revocationCase(
  cluster: Cluster,
  label: string,
  via: 'api' | 'cli',
  observers: WoesProcess[],
): Promise<void> {
  const [p1] = cluster.processes;
  const key = await createKey(cluster, `race ${label}`, 'read');
  const auth = { headers: bearer(key.secret), timeoutMs: 10_000 };
  // Every observer must hold the key in its cache, or the test would prove nothing.
  for (const [i, p] of [p1, ...observers].entries()) {
    const warm = await clientOn(10 + i).request(p.port, 'GET', '/api/v1/me', auth);
    if (warm.status !== 200) throw new Error(`${label}: warming ${p.name} answered ${describe(warm)}`);
  }

  const refusedAt = new Map<WoesProcess, number>();
  const unexpected: string[] = [];
  let watching = true;
  const pollers = observers.map(async (p, i) => {
    const client = clientOn(20 + i);
    while (watching) {
      const answer = await client.request(p.port, 'GET', '/api/v1/me', auth);
      if (answer.status === 401) {
        refusedAt.set(p, answer.startedAt + answer.ms);
        return;
      }
      if (answer.status !== 200) unexpected.push(`${p.name}: ${describe(answer)}`);
      await sleep(POLL_MS);
    }
  });

  if (via === 'api') {
    const admin = clientOn(5);
    const revoked = await admin.request(p1.port, 'DELETE', `/api/v1/keys/${key.id}`, {
      headers: bearer(cluster.adminKey.secret),
      timeoutMs: 10_000,
    });
    if (revoked.status !== 204) throw new Error(`${label}: revoking answered ${describe(revoked)}`);
    if (!observers.includes(p1)) {
      const next = await clientOn(6).request(p1.port, 'GET', '/api/v1/me', auth);
      cluster.report.check(
        SECTION,
        `${label}: process 1 refuses on the next request`,
        next.status === 401,
        describe(next),
      );
    }
  } else {
    await runCLI(cluster.env, ['keys', 'revoke', key.id]);
  }
  const [row] = await query<{ revoked_at: string | number | null }>(
    cluster,
    'select revoked_at from api_keys where id = $1',
    [key.id],
  );
  if (row?.revoked_at == null) throw new Error(`${label}: the key is not revoked in the database`);
  const revokedAt = Number(row.revoked_at);

  const deadline = Date.now() + WATCH_MS;
  while (refusedAt.size < observers.length && Date.now() < deadline) await sleep(POLL_MS);
  watching = false;
  await Promise.all(pollers);

  const figures = observers.map((p) => {
    const at = refusedAt.get(p);
    return at === undefined
      ? `${p.name}: still accepted ${ms(Date.now() - revokedAt)} after`
      : `${p.name}: ${ms(at - revokedAt)}`;
  });
  const ok = observers.every((p) => {
    const at = refusedAt.get(p);
    return at !== undefined && at - revokedAt <= PROMISE_MS;
  });
  const by = via === 'api' ? 'API of process 1' : 'CLI';
  cluster.report.check(
    SECTION,
    `${label}: revoked by ${by}, refused within 1 s`,
    ok && unexpected.length === 0,
    [...figures, ...unexpected.slice(0, 3)].join('; '),
  );
}
