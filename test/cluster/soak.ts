import { bearer, clientOn, createKey, describe, type Cluster } from './context.js';
import { percentile, type Answer } from './http.js';
import { makeConversations } from './load.js';
import { mib, ms } from './report.js';
import { sleep } from './services.js';
import type { WoesProcess } from './woes.js';

const SECTION = 'soak';
const WORKERS_PER_PROCESS = 3;
/** RSS may grow at most this much from the end of warm-up to the end of the run. */
const MAX_RSS_GROWTH = 0.1;
/** Warm-up: at least this long, and until every process has run a full garbage collection under the load… */
const MIN_WARMUP_MS = 30_000;
/** …and until no process's RSS has risen more than PLATEAU_RISE above its high for PLATEAU_MS… */
const PLATEAU_MS = 15_000;
const PLATEAU_RISE = 0.03;
/** …but no longer than this (the verdict then says the warm-up ended early). */
const MAX_WARMUP_MS = 180_000;

/**
 * Mixed traffic (reads of /me and lists, message writes) on all three processes: a warm-up, then
 * the configured duration, sampling each process's RSS every second: no 5xx throughout, and
 * RSS flat (under 10% growth) once warm.
 */
export async function soakScenario(cluster: Cluster): Promise<void> {
  const { report, processes } = cluster;
  const durationMs = cluster.soakSeconds * 1000;
  // Measured with the warm-up inside a 60 s run: RSS rose 141 → 189 MiB, and `--trace-gc` showed why:
  // V8 let old space fill with garbage up to its growing limit (heap 23 → 94 MiB) and ran its first full
  // collection under load only after about 60 s (94 → 39 MiB live, the committed heap staying near 112 MiB).
  // RSS before that first full collection measures V8's heap sizing, not a leak; so the warm-up lasts until
  // every process has run one (seen in its `--trace-gc` stderr), and the verdict compares the measured
  // run's last quarter against the highest RSS of the warm-up. On a loaded machine (CI, 2 cores shared with
  // PostgreSQL, Redis and the load) the heap kept stepping up after that first collection: one CI run saw a
  // process at 154 MiB after 30 s, then 191, 210, 227 MiB and a plateau near 208 MiB from 60 s on. So the
  // warm-up also waits for RSS to stop rising (no process above its high by more than 3% for 15 s).
  const key = await createKey(cluster, 'soak', 'conversations.write,messages.write');
  const conversations = await makeConversations(cluster, key.secret, processes.length * WORKERS_PER_PROCESS, 'soak');
  const answers: Answer[] = [];
  const samples: { at: number; rss: number[] }[] = [];
  const started = Date.now();
  const fullAtStart = processes.map((p) => p.fullCollections());
  let warmupMs = MAX_WARMUP_MS;
  let warmedUp = false;
  const highs = processes.map(() => ({ rss: 0, at: 0 }));
  let until = started + MAX_WARMUP_MS + durationMs;

  const sampler = (async () => {
    while (Date.now() < until) {
      const at = Date.now() - started;
      const rss = processes.map((p) => p.rss());
      samples.push({ at, rss });
      rss.forEach((value, i) => {
        if (value > highs[i].rss * (1 + PLATEAU_RISE)) highs[i] = { rss: value, at };
      });
      const collected = processes.every((p, i) => p.fullCollections() > fullAtStart[i]);
      const flat = highs.every((high) => at - high.at >= PLATEAU_MS);
      if (!warmedUp && ((at >= MIN_WARMUP_MS && collected && flat) || at >= MAX_WARMUP_MS)) {
        warmedUp = collected && flat;
        warmupMs = at;
        until = Date.now() + durationMs;
      }
      await sleep(1000);
    }
  })();
  const workers = processes.flatMap((p, pi) =>
    Array.from({ length: WORKERS_PER_PROCESS }, (_, wi) =>
      worker(p, 130 + pi * WORKERS_PER_PROCESS + wi, conversations[pi * WORKERS_PER_PROCESS + wi]),
    ),
  );
  async function worker(p: WoesProcess, address: number, conversationId: string): Promise<void> {
    const client = clientOn(address);
    const auth = bearer(key.secret);
    for (let n = 0; Date.now() < until; n++) {
      const pick = n % 5;
      const answer =
        pick < 3
          ? await client.request(p.port, 'GET', '/api/v1/me', { headers: auth })
          : pick === 3
            ? await client.request(p.port, 'GET', '/api/v1/conversations?limit=20', { headers: auth })
            : await client.request(p.port, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
                headers: auth,
                body: { role: 'agent', body: `soak ${n}` },
              });
      // Only what the figures need: a long release soak keeps millions of these.
      answers.push({ ...answer, body: null, headers: {} });
    }
  }
  await Promise.all([sampler, ...workers]);

  const elapsed = (Date.now() - started) / 1000;
  const total = warmupMs + durationMs;
  const bad = answers.filter((a) => a.status === 0 || a.status >= 500);
  const other = answers.filter((a) => a.status !== 200 && a.status !== 201 && !bad.includes(a));
  const latencies = answers.map((a) => a.ms);
  report.check(
    SECTION,
    `${Math.round(warmupMs / 1000)} s warm-up + ${cluster.soakSeconds} s of mixed traffic: 0 × 5xx`,
    bad.length === 0 && other.length === 0,
    `${answers.length} requests, ${Math.round(answers.length / elapsed)}/s, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, ${bad.length} 5xx or unanswered${other.length ? `, ${other.length} other (${describe(other[0])})` : ''}`,
  );

  // RSS over time, every tenth of the run: the shape tells a leak from a heap settling.
  const step = Math.max(1, Math.round(samples.length / 10));
  for (let i = 0; i < samples.length; i += step) {
    process.stdout.write(`  RSS at ${Math.round(samples[i].at / 1000)} s: ${samples[i].rss.map(mib).join(' / ')}\n`);
  }

  const mean = (from: number, to: number, i: number): number => {
    const window = samples.filter((s) => s.at >= from && s.at < to && s.rss[i] > 0);
    return window.reduce((sum, s) => sum + s.rss[i], 0) / Math.max(1, window.length);
  };
  // A leak keeps rising: the last quarter's mean RSS must stay within 10% of the highest RSS
  // reached during warm-up. A heap that stepped up and held is not growth after warm-up.
  const growth = processes.map((p, i) => {
    const warm = Math.max(0, ...samples.filter((s) => s.at <= warmupMs).map((s) => s.rss[i]));
    const end = mean(warmupMs + durationMs * 0.75, total + 1000, i);
    return { name: p.name, start: samples[0]?.rss[i] ?? 0, warm, end, growth: warm > 0 ? end / warm - 1 : Infinity };
  });
  report.check(
    SECTION,
    `RSS growth under ${MAX_RSS_GROWTH * 100}% after warm-up (last quarter's mean vs warm-up peak)`,
    growth.every((g) => g.growth < MAX_RSS_GROWTH),
    `warm-up ${Math.round(warmupMs / 1000)} s (${warmedUp ? 'until each process had run a full GC under load and its RSS stopped rising' : 'ended at its limit before a full GC in every process and flat RSS'}); ` +
      growth
        .map((g) => `${g.name} ${mib(g.start)} → ${mib(g.warm)} → ${mib(g.end)} (${(g.growth * 100).toFixed(1)}%)`)
        .join('; '),
  );
}
