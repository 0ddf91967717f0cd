import { clientOn, createKey, describe, type Cluster } from './context.js';
import type { Answer } from './http.js';
import {
  WriteLoad,
  countMismatches,
  isAcknowledged,
  makeConversations,
  postMessage,
  storedCounts,
  type Write,
} from './load.js';
import { ms } from './report.js';
import { sleep } from './services.js';
import type { WoesProcess } from './woes.js';

const SECTION = 'PostgreSQL faults';
/** SPEC §9: /health answers within 1 s whatever the database does. */
const HEALTH_BOUND_MS = 1000;
/** How soon after PostgreSQL is back every process must acknowledge writes again (the suite's bound). */
const RECOVERY_BOUND_MS = 5000;
const REPLAYS = 30;

/**
 * Writes keep coming to all three processes while PostgreSQL is stopped (fast, then
 * immediate) and frozen (SIGSTOP: a black hole). Only 201 or 503 `unavailable` may come
 * back, none later than the database timeout, and every acknowledged write must be stored
 * exactly once; Idempotency-Key retries and replays on other processes give the same id.
 */
export async function postgresScenario(cluster: Cluster): Promise<void> {
  const { report, processes, postgres } = cluster;
  // No request may outlast the database timeout; a second of slack covers the rest of the request.
  const requestBound = cluster.dbTimeoutMs + 1000;
  const writer = await createKey(cluster, 'postgres faults writer', 'conversations.write,messages.write');
  const conversations = await makeConversations(cluster, writer.secret, 6, 'postgres faults');
  const load = new WriteLoad(cluster, writer.secret, conversations, processes, 2, 30);
  const health = new HealthWatch(processes);
  load.start();
  health.start();
  try {
    await sleep(1500);
    const recoveries: string[] = [];
    let recovered = true;
    for (const [label, outage] of [
      [
        'stopped (fast)',
        async () => {
          await postgres.stopFast();
          await sleep(2500);
          await postgres.start();
        },
      ],
      [
        'stopped (immediate)',
        async () => {
          await postgres.stopImmediate();
          await sleep(2500);
          await postgres.start();
        },
      ],
      [
        'frozen',
        async () => {
          postgres.freeze();
          await sleep(2 * cluster.dbTimeoutMs + 1000);
          postgres.thaw();
        },
      ],
    ] as const) {
      await outage();
      const back = Date.now();
      const after = await waitForRecovery(load, processes, back, RECOVERY_BOUND_MS + 2000);
      recovered &&= after !== null && after <= RECOVERY_BOUND_MS;
      recoveries.push(`${label}: ${after === null ? 'not recovered' : ms(after)}`);
      await sleep(1000);
    }
    report.check(
      SECTION,
      `every process writes again within ${ms(RECOVERY_BOUND_MS)} of PostgreSQL returning`,
      recovered,
      recoveries.join('; '),
    );
  } finally {
    if (postgres.frozen) postgres.thaw();
    await load.stop();
    await health.stop();
  }

  const writes = load.writes;
  const wrong = writes.filter(
    (w) => !(w.answer.status === 201 || (w.answer.status === 503 && w.answer.code === 'unavailable')),
  );
  const tally = new Map<string, number>();
  for (const w of writes) tally.set(describe(w.answer), (tally.get(describe(w.answer)) ?? 0) + 1);
  report.check(
    SECTION,
    'writes answer only 201 or 503 unavailable',
    wrong.length === 0,
    [...tally].map(([k, n]) => `${k} ×${n}`).join(', '),
  );
  const slowest = Math.max(...writes.map((w) => w.answer.ms));
  report.check(
    SECTION,
    `no write past the timeout (WOES_DB_TIMEOUT_MS ${cluster.dbTimeoutMs} + 1 s)`,
    slowest <= requestBound,
    `slowest ${ms(slowest)} of ${writes.length}`,
  );
  const healthSlowest = Math.max(0, ...health.answers.map((a) => a.ms));
  const healthWrong = health.answers.filter(
    (a) => a.status !== 200 && !(a.status === 503 && a.body?.database === 'down'),
  );
  report.check(
    SECTION,
    '/health answers within 1 s throughout',
    healthSlowest <= HEALTH_BOUND_MS && healthWrong.length === 0,
    `slowest ${ms(healthSlowest)} of ${health.answers.length}${healthWrong.length ? `; ${healthWrong.slice(0, 3).map(describe).join(', ')}` : ''}`,
  );
  const sawDown = processes.every((p) => health.answers.some((a) => a.port === p.port && a.body?.database === 'down'));
  report.check(
    SECTION,
    '/health reports database: down during the outages',
    sawDown,
    sawDown ? 'seen on all 3' : 'not seen on every process',
  );

  await checkStoredOnce(cluster, writes, conversations);
  await checkIdempotency(cluster, writer.secret, writes);
}

/** Every acknowledged write is stored exactly once; no attempt is stored twice; counts agree. */
async function checkStoredOnce(cluster: Cluster, writes: Write[], conversations: string[]): Promise<void> {
  const counts = await storedCounts(
    cluster,
    writes.map((w) => w.key),
  );
  const acknowledged = writes.filter(isAcknowledged);
  const missing = acknowledged.filter((w) => counts.get(w.key) !== 1);
  const twice = writes.filter((w) => (counts.get(w.key) ?? 0) > 1);
  cluster.report.check(
    SECTION,
    'every acknowledged write is stored exactly once',
    missing.length === 0 && twice.length === 0,
    `${acknowledged.length} acknowledged, ${missing.length} missing or doubled, ${twice.length} attempts stored twice`,
  );
  const mismatches = await countMismatches(cluster, conversations);
  cluster.report.check(
    SECTION,
    'conversation message counts agree with messages',
    mismatches.length === 0,
    mismatches.length ? mismatches.slice(0, 3).join('; ') : `${conversations.length} conversations agree`,
  );
}

/** Failed attempts retried with their key on another process, and replays on a third, give one id. */
async function checkIdempotency(cluster: Cluster, secret: string, writes: Write[]): Promise<void> {
  const { processes } = cluster;
  const other = (p: WoesProcess, step: number) => processes[(processes.indexOf(p) + step) % processes.length];
  const client = clientOn(60);
  const failed = writes.filter((w) => !isAcknowledged(w));
  const problems: string[] = [];
  const retried: Write[] = [];
  for (const w of failed) {
    const answer = await postMessage(cluster, client, other(w.process, 1), secret, w.conversationId, w.key);
    if (answer.status !== 201) problems.push(`retry ${describe(answer)}`);
    else retried.push({ ...w, process: other(w.process, 1), answer });
  }
  const sample = [...writes.filter(isAcknowledged).slice(0, REPLAYS), ...retried];
  let replays = 0;
  for (const w of sample) {
    const answer = await postMessage(cluster, client, other(w.process, 1), secret, w.conversationId, w.key);
    replays++;
    if (
      answer.status !== 201 ||
      answer.headers['idempotent-replayed'] !== 'true' ||
      answer.body?.id !== w.answer.body?.id
    ) {
      problems.push(
        `replay of ${w.key} on ${other(w.process, 1).name}: ${describe(answer)} id ${String(answer.body?.id)} ≠ ${String(w.answer.body?.id)}`,
      );
    }
  }
  const counts = await storedCounts(
    cluster,
    failed.map((w) => w.key),
  );
  const notOnce = failed.filter((w) => counts.get(w.key) !== 1);
  cluster.report.check(
    SECTION,
    'Idempotency-Key retries and replays across processes give one id, one row',
    problems.length === 0 && notOnce.length === 0,
    `${failed.length} failed attempts retried, ${replays} replays, ${problems.length} wrong, ${notOnce.length} not stored once${problems.length ? `; ${problems.slice(0, 2).join('; ')}` : ''}`,
  );
}

/** Milliseconds from `since` until every process has acknowledged a write sent after it; null if not by the deadline. */
async function waitForRecovery(
  load: WriteLoad,
  processes: WoesProcess[],
  since: number,
  timeoutMs: number,
): Promise<number | null> {
  for (;;) {
    const firsts = processes.map((p) =>
      load.writes.find((w) => w.process === p && w.answer.startedAt >= since && isAcknowledged(w)),
    );
    if (firsts.every(Boolean)) return Math.max(...firsts.map((w) => w!.answer.startedAt + w!.answer.ms - since));
    if (Date.now() - since > timeoutMs) return null;
    await sleep(20);
  }
}

/** Polls /health on every process, every 100 ms, and keeps every answer. */
class HealthWatch {
  readonly answers: (Answer & { port: number })[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(private readonly processes: WoesProcess[]) {}

  start(): void {
    this.running = true;
    this.loops = this.processes.map(async (p, i) => {
      const client = clientOn(50 + i);
      while (this.running) {
        const answer = await client.request(p.port, 'GET', '/health', { timeoutMs: 30_000 });
        this.answers.push({ ...answer, port: p.port });
        await sleep(100);
      }
    });
  }

  stop(): Promise<void[]> {
    this.running = false;
    return Promise.all(this.loops);
  }
}
