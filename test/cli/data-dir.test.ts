import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateApiKey } from '../../src/keys/key-format.js';
import { createStorage } from '../../src/storage/database.js';
import { writeOutboxFile } from '../../src/accounts/mail/outbox.js';

const BIN = fileURLToPath(new URL('../../bin/woes.js', import.meta.url));
/** Far above the second or two these take: a run still going then is a hang, killed and reported. */
const HANG_MS = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

/**
 * Runs the compiled `woes` (bin/woes.js → dist/; build dist first) from `cwd`, as a user would
 * from another folder. WOES_DATA_DIR, DATABASE_URL and REDIS_URL of the test process are dropped.
 */
function woes(cwd: string, env: Record<string, string>, args: string[], stdin = ''): Promise<Run> {
  const base = { ...process.env };
  for (const name of ['WOES_DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'WOES_LOG_FILE']) delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...base, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
    child.stdin.end(stdin);
  });
}

const tempDir = (prefix: string) => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

test('in embedded mode a command run where there is no database refuses, names the path, and creates nothing; keys scan without --check still works', async () => {
  const dir = tempDir('woes-elsewhere-');
  try {
    const key = generateApiKey();
    fs.writeFileSync(path.join(dir, 'leak.txt'), `WOES_API_KEY=${key}\n`);
    const expected = path.join(dir, 'data', 'woes.db');
    const commands: Array<{ args: string[]; stdin?: string }> = [
      { args: ['keys', 'list', '--workspace', 'ws_01m95eg6q47529xn2mf3y9c549'] },
      { args: ['keys', 'create', '--workspace', 'ws_01m95eg6q47529xn2mf3y9c549', '--name', 'n', '--scopes', 'read'] },
      { args: ['keys', 'revoke', 'key_01m95eg8gb3kt8c686cg2n6s4a'] },
      { args: ['keys', 'scan', 'leak.txt', '--check'] },
      {
        args: ['keys', 'report-leaked'],
        stdin: JSON.stringify([{ token: key, type: 'woes_api_key', url: 'https://example.com/p', source: 'unknown' }]),
      },
      { args: ['workspace', 'set-plan', 'ws_01m95eg6q47529xn2mf3y9c549', 'free'] },
      { args: ['workspace', 'set-rate-limit', 'ws_01m95eg6q47529xn2mf3y9c549', '--per-hour', '10'] },
      { args: ['vault', 'rotate-master-key'] },
      { args: ['mail', 'list'] },
    ];
    for (const { args, stdin } of commands) {
      const result = await woes(dir, {}, args, stdin);
      const what = `woes ${args.join(' ')}`;
      assert.equal(result.code, 1, `${what}: exit ${result.code}, ${result.stderr}${result.stdout}`);
      assert.ok(result.stderr.includes(`no Woes database at ${expected}`), `${what}: ${result.stderr}`);
      assert.match(result.stderr, /WOES_DATA_DIR/, `${what} does not name WOES_DATA_DIR`);
      assert.deepEqual(fs.readdirSync(dir), ['leak.txt'], `${what} created files`);
    }

    // WOES_DATA_DIR naming a folder that does not exist: the same refusal, with that path.
    const missing = path.join(dir, 'nowhere');
    const named = await woes(dir, { WOES_DATA_DIR: missing }, ['keys', 'list', '--workspace', 'ws_x']);
    assert.equal(named.code, 1);
    assert.ok(named.stderr.includes(`no Woes database at ${path.join(missing, 'woes.db')}`), named.stderr);
    assert.deepEqual(fs.readdirSync(dir), ['leak.txt']);

    // The checksum alone finds keys: no database needed, anywhere.
    const scan = await woes(dir, {}, ['keys', 'scan', 'leak.txt']);
    assert.equal(scan.code, 1, scan.stderr);
    assert.equal(scan.stdout.trim(), `leak.txt:1: ${key.slice(0, 10)}…${key.slice(-4)}`);
    assert.match(scan.stderr, /found 1 Woes API key/);
    assert.deepEqual(fs.readdirSync(dir), ['leak.txt'], 'keys scan created files');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a WOES_DATA_DIR or WOES_LOG_FILE folder that cannot be made stops start and migrate at once with a configuration error naming it', async (context) => {
  const dir = tempDir('woes-baddir-');
  const serve = { PORT: '0', WOES_PUBLIC_URL: 'http://127.0.0.1:9' };
  try {
    const file = path.join(dir, 'afile');
    fs.writeFileSync(file, 'not a folder');
    const cases: Array<{ env: Record<string, string>; args: string[]; variable: string; target: string }> = [
      { env: { WOES_DATA_DIR: file }, args: ['migrate'], variable: 'WOES_DATA_DIR', target: file },
      {
        env: { WOES_DATA_DIR: path.join(file, 'sub') },
        args: ['init', '--email', 'a@example.com', '--password', 'a long enough password', '--workspace', 'W'],
        variable: 'WOES_DATA_DIR',
        target: path.join(file, 'sub'),
      },
    ];
    // Node's recursive mkdir never returns under /proc (Linux): the case that hung.
    if (fs.existsSync('/proc/self')) {
      for (const args of [['migrate'], ['start']]) {
        cases.push({
          env: { WOES_DATA_DIR: '/proc/woes', ...serve },
          args,
          variable: 'WOES_DATA_DIR',
          target: '/proc/woes',
        });
      }
      cases.push({
        env: { WOES_DATA_DIR: path.join(dir, 'data'), WOES_LOG_FILE: '/proc/woes/woes.log', ...serve },
        args: ['start'],
        variable: 'WOES_LOG_FILE',
        target: '/proc/woes',
      });
    } else {
      context.diagnostic('no /proc here: the /proc cases are skipped');
    }
    for (const { env, args, variable, target } of cases) {
      const what = `${JSON.stringify(env)} woes ${args.join(' ')}`;
      const result = await woes(dir, env, args);
      assert.ok(!result.killed, `${what} was still running after ${HANG_MS} ms`);
      assert.equal(result.code, 1, `${what}: exit ${result.code}, ${result.stderr}`);
      assert.ok(
        result.stderr.startsWith(`woes: configuration error: ${variable}: cannot create ${target}`),
        `${what}: ${result.stderr}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the data dir Woes creates is owner-only (0700), and so are its database (with -wal and -shm) and outbox (0600)', async (context) => {
  if (process.platform === 'win32') return context.skip('POSIX modes');
  const dir = tempDir('woes-modes-');
  try {
    const dataDir = path.join(dir, 'new', 'data');
    const migrated = await woes(dir, { WOES_DATA_DIR: dataDir }, ['migrate']);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.equal(mode(path.join(dir, 'new')).toString(8), '700');
    assert.equal(mode(dataDir).toString(8), '700');
    assert.equal(mode(path.join(dataDir, 'woes.db')).toString(8), '600');

    // SQLite gives the files beside the database the database's mode; they exist while it is open.
    const storage = createStorage({ sqliteFile: path.join(dataDir, 'woes.db') });
    try {
      await storage.migrate();
      for (const suffix of ['-wal', '-shm']) {
        assert.equal(mode(path.join(dataDir, `woes.db${suffix}`)).toString(8), '600', `woes.db${suffix}`);
      }
    } finally {
      await storage.destroy();
    }

    const eml = writeOutboxFile(dataDir, 'evt_test', Buffer.from('Subject: hi\r\n\r\nbody'));
    assert.equal(mode(path.dirname(eml)).toString(8), '700');
    assert.equal(mode(eml).toString(8), '600');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
