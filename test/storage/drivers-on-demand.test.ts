import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Issue #18 (peak RSS): an embedded server never loads the PostgreSQL or Redis driver
 * (src/lib/drivers.ts). A fresh process builds the app, answers a request and reports which of
 * the two drivers' files are in the module cache; this process has loaded other test helpers. (Scale-out loading them where it needs them is what every test of the PostgreSQL and Redis pass exercises.)
 */
function driversLoadedBy(env: Record<string, string>): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { loadConfig } = await import('./src/config.ts');
    const { buildApp } = await import('./src/app.ts');
    const app = await buildApp(loadConfig());
    await app.ready();
    const health = await app.inject({ url: '/health' });
    if (health.statusCode !== 200) throw new Error('health ' + health.statusCode);
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .map((file) => /node_modules\\/(pg|ioredis)\\//.exec(file)?.[1])
      .filter(Boolean);
    await app.close();
    process.stdout.write(JSON.stringify([...new Set(loaded)].sort()));
  `;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-drivers-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, WOES_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  fs.rmSync(dataDir, { recursive: true, force: true });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

test('an embedded server (SQLite, no Redis) loads neither the PostgreSQL nor the Redis driver', () => {
  assert.deepEqual(driversLoadedBy({ DATABASE_URL: '', REDIS_URL: '' }), []);
});
