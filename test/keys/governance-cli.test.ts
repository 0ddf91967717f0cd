import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { crc32, encodeChecksum, generateApiKey } from '../../src/keys/key-format.js';
import { within } from './helpers.js';

/** Runs the compiled `woes` (bin/woes.js → dist/) as a user or a git hook would; build dist first. */
function woes(
  env: Record<string, string>,
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/woes.js', ...args], { env: { ...base, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const lookAlike = (key: string) => key.slice(0, 38) + encodeChecksum((crc32(key.slice(0, 38)) + 1) >>> 0);

test('keys scan finds checksum-valid keys with file:line and start…last4, skips look-alikes and ignored files, exits 1', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-scan-'));
  try {
    const [inSource, inNested, inIgnored, inIgnoredDir, inKept] = Array.from({ length: 5 }, () => generateApiKey());
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('.gitignore', '# secrets stay local\n.env*\n!.env.example\nbuild/\n');
    write(
      'src/config.js',
      `const a = 1;\nconst key = "${inSource}";\nconst fake = "${lookAlike(generateApiKey())}";\n`,
    );
    write('src/deep/.gitignore', 'local.txt\n');
    write('src/deep/local.txt', inNested);
    write('src/deep/notes.md', `token: xwoesk_${inSource.slice(6)} and ${inSource}x are not keys\n`);
    write('.env', `WOES_API_KEY=${inIgnored}\n`);
    write('build/out.js', inIgnoredDir);
    write('.env.example', `WOES_API_KEY=${inKept}\n`);
    write('image.bin', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(inSource)]).toString('latin1'));

    const found = await woes({}, ['keys', 'scan', dir]);
    assert.equal(found.code, 1, found.stderr);
    const lines = found.stdout.trim().split('\n').sort();
    assert.deepEqual(lines, [
      `${path.join(dir, '.env.example')}:1: ${inKept.slice(0, 10)}…${inKept.slice(-4)}`,
      `${path.join(dir, 'src/config.js')}:2: ${inSource.slice(0, 10)}…${inSource.slice(-4)}`,
    ]);
    for (const secret of [inSource, inKept])
      assert.ok(!found.stdout.includes(secret) && !found.stderr.includes(secret), 'the scan printed a whole key');
    assert.match(found.stderr, /found 2 Woes API keys/);

    const json = await woes({}, ['keys', 'scan', path.join(dir, 'src'), '--json']);
    assert.equal(json.code, 1);
    assert.deepEqual(
      JSON.parse(json.stdout).findings.map((f: { line: number }) => f.line),
      [2],
    );

    fs.rmSync(path.join(dir, 'src/config.js'));
    fs.rmSync(path.join(dir, '.env.example'));
    const clean = await woes({}, ['keys', 'scan', dir]);
    assert.equal(clean.code, 0, clean.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('keys scan --check says which keys are live; keys report-leaked revokes them and a running server refuses them within 1 s', async () => {
  const database = await createTestDatabase({ postgres: null });
  const t = await createTestApp({ database });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-scan-'));
  try {
    const ws = await createWorkspace(t);
    const live = await createApiKey(t, ws, ['read']);
    const unknown = generateApiKey();
    fs.writeFileSync(path.join(dir, 'app.env'), `A=${live.secret}\nB=${unknown}\n`);
    assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(live.secret) })).statusCode, 200);

    const checked = await woes(database.env, ['keys', 'scan', dir, '--check', '--json']);
    assert.equal(checked.code, 1, checked.stderr);
    assert.deepEqual(
      JSON.parse(checked.stdout).findings.map((f: { status: string }) => f.status),
      ['live', 'unknown'],
    );

    const reportBody = JSON.stringify(
      [live.secret, unknown, 'woesk_nope'].map((token) => ({
        token,
        type: 'woes_api_key',
        url: 'https://example.com/paste',
        source: 'unknown',
      })),
    );
    const reported = await woes(database.env, ['keys', 'report-leaked', '--json'], reportBody);
    assert.equal(reported.code, 0, reported.stderr);
    assert.deepEqual(
      JSON.parse(reported.stdout).map((v: { label: string }) => v.label),
      ['true_positive', 'false_positive', 'false_positive'],
    );
    await within(
      1000,
      async () =>
        (await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer(live.secret) })).statusCode === 401,
    );

    const after = await woes(database.env, ['keys', 'scan', dir, '--check']);
    assert.match(after.stdout, /\(revoked\)/);
    const bad = await woes(database.env, ['keys', 'report-leaked'], 'not json');
    assert.equal(bad.code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await t.close();
    await database.drop();
  }
});
