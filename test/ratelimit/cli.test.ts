import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import pino from 'pino';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { within } from '../keys/helpers.js';
import { createInvalidationBus } from '../../src/events/index.js';
import { setWorkspaceRateLimit } from '../../src/cli/commands/workspace-rate-limit.js';

const ENV: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {};

function woes(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function limitSeen(t: TestApp, secret: string): Promise<string> {
  const res = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(secret) });
  return String(res.headers['ratelimit-limit']);
}

describe('woes workspace set-rate-limit', () => {
  test('another process changes the limit; the running server applies it within a second', async () => {
    const t = await createTestApp({ env: ENV });
    try {
      const ws = await createWorkspace(t);
      const key = await createApiKey(t, ws, ['read']);
      assert.equal(await limitSeen(t, key.secret), '1000');
      if (t.database.dialect === 'sqlite') {
        // The real command, in a child process (PostgreSQL test schemas cannot be named to a child).
        const run = await woes(['workspace', 'set-rate-limit', ws, '--per-hour', '7', '--json'], {
          ...t.database.env,
          ...ENV,
        });
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(JSON.parse(run.stdout), {
          id: ws,
          rateLimitPerHour: 7,
          previousRateLimitPerHour: null,
          effectivePerHour: 7,
        });
      } else {
        // Another connection with its own bus: the same cross-process transport a CLI run uses.
        const storage = t.database.connect();
        const bus = createInvalidationBus(t.config, storage, pino({ level: 'silent' }));
        await bus.start();
        try {
          assert.equal(await setWorkspaceRateLimit(storage, bus, ws, 7), null);
        } finally {
          await bus.close();
          await storage.destroy();
        }
      }
      await within(1000, async () => (await limitSeen(t, key.secret)) === '7');
      const row = await t.app.woes.db
        .selectFrom('workspaces')
        .select('rateLimitPerHour')
        .where('id', '=', ws)
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.rateLimitPerHour), 7);
      const audit = await t.app.woes.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('workspaceId', '=', ws)
        .where('type', '=', 'workspace.rate_limit_changed')
        .execute();
      assert.equal(audit.length, 1);

      // "default" clears the override.
      await setWorkspaceRateLimit(t.storage, t.app.woes.bus, ws, null);
      assert.equal(await limitSeen(t, key.secret), '1000');
    } finally {
      await t.close();
    }
  });

  test('bad input exits with a usage error; an unknown workspace is an error', async () => {
    const t = await createTestApp({ env: ENV });
    try {
      if (t.database.dialect !== 'sqlite') {
        assert.equal(await setWorkspaceRateLimit(t.storage, t.app.woes.bus, 'ws_missing', 5), undefined);
        return;
      }
      const env = { ...t.database.env, ...ENV };
      const results = await Promise.all([
        woes(['workspace', 'set-rate-limit', 'ws_x', '--per-hour', '0'], env),
        woes(['workspace', 'set-rate-limit', 'ws_missing', '--per-hour', '5'], env),
      ]);
      assert.deepEqual(
        results.map((r) => r.code),
        [2, 1],
      );
    } finally {
      await t.close();
    }
  });
});
