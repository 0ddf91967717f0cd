import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, LOG_FLUSH_MS } from '../../src/http/logger.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'log-server.ts');

function read(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

test('a quiet process: a single log line reaches the file within the flush interval', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-log-'));
  const file = path.join(dir, 'woes.log');
  const logger = createLogger({ level: 'info', destination: file });
  try {
    logger.info({ marker: 'quiet-line' }, 'nothing else happens');
    const start = Date.now();
    while (!read(file).includes('quiet-line') && Date.now() - start < LOG_FLUSH_MS + 1500) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(read(file).includes('quiet-line'), 'the line never reached the file');
  } finally {
    logger.flush();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'a server killed with SIGKILL just after a request still has that request on disk',
  { timeout: 60_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-log-'));
    const file = path.join(dir, 'woes.log');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        WOES_DATA_DIR: dir,
        WOES_LOG_FILE: file,
        PORT: '0',
        WOES_PUBLIC_URL: 'http://127.0.0.1',
        LOG_LEVEL: 'info',
        REDIS_URL: '',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          // The start lines come first (printed to the terminal when logging to a file), then the port.
          const port = out.split('\n').find((line) => /^\d+$/.test(line));
          if (port !== undefined) resolve(Number(port));
        });
        child.once('exit', () => reject(new Error('the server exited before listening')));
      });
      const correlation = `log-probe-${process.pid}-${Date.now()}`;
      const res = await fetch(`http://127.0.0.1:${port}/health`, { headers: { 'x-correlation-id': correlation } });
      assert.equal(res.status, 200);
      // One flush interval (and a margin for a loaded machine), then no chance to clean up.
      await new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS + 500));
      child.kill('SIGKILL');
      await exited;
      const lines = read(file)
        .split('\n')
        .filter((line) => line.includes(correlation));
      assert.equal(lines.length, 1, 'the request log line was lost with the process');
      assert.match(lines[0], /request completed/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
