import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { waitFor } from '../accounts/helpers.js';
import { sparePort } from '../helpers/ports.js';

/** Issue #11 item 10: the first run says where to go, and emailed links stay on that origin. */

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
  const port = await sparePort();
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

function startCli(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return { child, output: () => output, exited };
}

test('once a workspace exists the start log no longer offers `woes init`', async () => {
  const port = await sparePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-second-run-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WOES_DATA_DIR: dataDir,
  };
  for (const name of ['WOES_PUBLIC_URL', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'WOES_LOG_FILE']) delete env[name];
  const init = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'init',
      '--email',
      'o@example.com',
      '--password',
      'correct horse battery staple',
      '--workspace',
      'W',
    ],
    { env, encoding: 'utf8' },
  );
  assert.equal(init.status, 0, init.stderr);
  const server = startCli(env);
  try {
    await waitFor(() => server.output().includes('API reference'), 30_000);
    assert.doesNotMatch(server.output(), /First workspace/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a HOST or PORT the server cannot listen on is a configuration error naming it', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-bad-listen-'));
  const base: Record<string, string | undefined> = { ...process.env, WOES_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['WOES_PUBLIC_URL', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'WOES_LOG_FILE']) delete base[name];
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const busyPort = (taken.address() as net.AddressInfo).port;
  try {
    const badHost = startCli({ ...base, PORT: String(await sparePort()), HOST: 'no-such-host.invalid' });
    assert.equal(await badHost.exited, 1);
    assert.match(badHost.output(), /configuration error: HOST: cannot listen on "no-such-host\.invalid"/);
    const busy = startCli({ ...base, PORT: String(busyPort), HOST: '127.0.0.1' });
    assert.equal(await busy.exited, 1);
    assert.match(busy.output(), new RegExp(`configuration error: PORT: ${busyPort} is already in use`));
  } finally {
    taken.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('PORT=0 needs WOES_PUBLIC_URL; WOES_SIGNING_KEY must be an Ed25519 private key', () => {
  const variableOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      assert.ok(error instanceof ConfigError, String(error));
      return error.message;
    }
    return 'accepted';
  };
  assert.match(variableOf({ PORT: '0' }), /^PORT: .*WOES_PUBLIC_URL/);
  assert.equal(variableOf({ PORT: '0', WOES_PUBLIC_URL: 'https://support.example.com' }), 'accepted');

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  assert.equal(variableOf({ WOES_SIGNING_KEY: pem }), 'accepted');
  assert.equal(variableOf({ WOES_SIGNING_KEY: JSON.stringify(privateKey.export({ format: 'jwk' })) }), 'accepted');
  for (const bad of ['garbage', publicKey.export({ type: 'spki', format: 'pem' }).toString()]) {
    assert.match(variableOf({ WOES_SIGNING_KEY: bad }), /^WOES_SIGNING_KEY: .*openssl genpkey -algorithm ed25519/);
  }
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  assert.match(
    variableOf({ WOES_SIGNING_KEY: rsa.toString() }),
    /^WOES_SIGNING_KEY: must be an Ed25519 private key, not rsa/,
  );
});

test('with WOES_LOG_FILE the terminal still shows where to go and where the log is', async () => {
  const port = await sparePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-log-file-'));
  const logFile = path.join(dataDir, 'woes.log');
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WOES_DATA_DIR: dataDir,
    WOES_LOG_FILE: logFile,
    LOG_LEVEL: 'info',
  };
  for (const name of ['WOES_PUBLIC_URL', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL']) delete env[name];
  const { child, output } = startCli(env);
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(() => output().includes(`Log: ${logFile}`), 30_000);
    assert.ok(output().includes(`Web app: ${origin}/app/`), output());
    assert.ok(output().includes(`API reference: ${origin}/docs`), output());
    assert.ok(output().includes('npx woes init --email'), output());
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('MICROSOFT_ALLOWED_TENANTS without MICROSOFT_CLIENT_ID is a start warning, not silence', async () => {
  const { startWarnings } = await import('../../src/server.js');
  assert.deepEqual(
    startWarnings(loadConfig({ MICROSOFT_CLIENT_ID: 'app', MICROSOFT_ALLOWED_TENANTS: 'tenant-a' })),
    [],
  );
  const [warning] = startWarnings(loadConfig({ MICROSOFT_ALLOWED_TENANTS: 'tenant-a' }));
  assert.match(warning, /MICROSOFT_ALLOWED_TENANTS is set but MICROSOFT_CLIENT_ID is not/);
});
