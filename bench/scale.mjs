// Scenario 8: cold key-verification latency with 1,000 and with 1,000,000 keys in the database.
// Each measured request uses a key this server has never seen, so it misses the in-process cache
// and is looked up in the database by its SHA-256 (a unique index): the number that could grow
// with the table. Measured sequentially (one request at a time) after a warm-up.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { stopProcess } from './lib.mjs';

const SAMPLE = 800;

async function timedGet(url, key) {
  const start = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  const ms = performance.now() - start;
  if (response.status !== 200) throw new Error(`key lookup answered ${response.status}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function scaleScenario({ ROOT, woes, startWoes, baseEnv, freePort, SCALE_OUT }) {
  if (SCALE_OUT) return { lines: ['(8) runs in embedded mode only; see bench/RESULTS.md.'] };
  const require = createRequire(import.meta.url);
  const SQLite = require(path.join(ROOT, 'node_modules', 'better-sqlite3'));
  const { generateApiKey, hashKey, displayParts } = await import(path.join(ROOT, 'dist', 'keys', 'key-format.js'));
  const { newId } = await import(path.join(ROOT, 'dist', 'storage', 'ids.js'));

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'woes-bench-scale-'));
  const env = { ...baseEnv, WOES_DATA_DIR: dataDir, WOES_LOG_FILE: path.join(dataDir, 'woes.log') };
  const init = JSON.parse(
    woes(
      ['init', '--email', 'scale@example.com', '--password', 'bench-password-8472', '--workspace', 'Scale', '--json'],
      env,
    ),
  );
  woes(['workspace', 'set-rate-limit', init.workspaceId, '--per-hour', '1000000000'], env);

  const known = [];
  const insertKeys = (count, keepEvery) => {
    const db = new SQLite(path.join(dataDir, 'woes.db'));
    const insert = db.prepare(
      `insert into api_keys (id, workspace_id, name, hash, start, last4, scopes, created_at, created_by_type, created_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'cli', null)`,
    );
    const now = Date.now();
    const scopes = JSON.stringify(['workspace.read']);
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const key = generateApiKey();
        const { start, last4 } = displayParts(key);
        insert.run(newId('key'), init.workspaceId, `bulk ${i}`, hashKey(key), start, last4, scopes, now);
        if (i % keepEvery === 0) known.push(key);
      }
    })();
    db.close();
  };

  const measureAt = async (label) => {
    const port = await freePort();
    const server = await startWoes({ ...env, PORT: String(port) }, 'scale');
    const url = `http://127.0.0.1:${port}/api/v1/me`;
    try {
      // Warm the code paths (not the keys being measured).
      for (let i = 0; i < 300; i++) await timedGet(url, init.key.secret);
      const sample = known.splice(0, SAMPLE);
      const times = [];
      for (const key of sample) times.push(await timedGet(url, key));
      return { label, median: median(times), p99: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.99)] };
    } finally {
      await stopProcess(server);
    }
  };

  insertKeys(1000, 1);
  known.sort(() => Math.random() - 0.5);
  const small = await measureAt('1,000 keys');
  known.length = 0;
  // Grow to 1,000,000 and sample from across the whole table.
  insertKeys(999_000, 100);
  known.sort(() => Math.random() - 0.5);
  const large = await measureAt('1,000,000 keys');
  return {
    small,
    large,
    lines: [
      '',
      '| (8) cold verification | median ms | p99 ms |',
      '|---|---:|---:|',
      `| ${small.label} | ${small.median.toFixed(3)} | ${small.p99.toFixed(3)} |`,
      `| ${large.label} | ${large.median.toFixed(3)} | ${large.p99.toFixed(3)} |`,
      `1,000,000-key median ÷ 1,000-key median: ${(large.median / small.median).toFixed(2)}`,
    ],
  };
}
