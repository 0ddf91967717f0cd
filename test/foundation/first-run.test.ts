import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { waitFor } from '../accounts/helpers.js';

/** Issue #11 item 10: the first run says where to go, and emailed links stay on that origin. */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('WOES_PUBLIC_URL defaults to the address the server prints', () => {
  assert.equal(loadConfig({ PORT: '4123' }).publicUrl, 'http://127.0.0.1:4123');
  assert.equal(loadConfig({ PORT: '4123', HOST: '0.0.0.0' }).publicUrl, 'http://localhost:4123');
  assert.equal(loadConfig({ PORT: '4123', HOST: '::1' }).publicUrl, 'http://[::1]:4123');
  assert.equal(
    loadConfig({ PORT: '4123', WOES_PUBLIC_URL: 'https://support.example.com/' }).publicUrl,
    'https://support.example.com',
  );
});

test('`woes start` prints the web app, /docs and the first-key command; a mailed link uses the printed origin', async () => {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-first-run-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WOES_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  for (const name of ['WOES_PUBLIC_URL', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'WOES_LOG_FILE']) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { env });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(() => stdout.includes('First workspace and API key'), 30_000);
    const messages = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    assert.ok(messages.includes(`Woes is listening on ${origin} (sqlite)`), stdout);
    assert.ok(messages.includes(`Web app: ${origin}/app/`), stdout);
    assert.ok(messages.includes(`API reference: ${origin}/docs`), stdout);
    assert.ok(
      messages.some((msg) => msg.includes('npx woes init --email')),
      stdout,
    );

    const res = await fetch(`${origin}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@example.com', password: 'correct horse battery staple', name: 'First' }),
    });
    assert.equal(res.status, 202);
    const line = await waitFor(() => stdout.split('\n').find((l) => l.includes('"email.outbox"')), 10_000);
    const link = (JSON.parse(line) as { link: string }).link;
    assert.ok(
      link.startsWith(`${origin}/verify-email?token=`),
      `the emailed link leaves the origin the user is on: ${link}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
