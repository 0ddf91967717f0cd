import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage } from '../../src/storage/database.js';
import { LogFile } from '../../src/http/log-file.js';
import { ConfigError } from '../../src/config.js';

test('an embedded database an older Woes left readable by others (0644) is narrowed to 0600 when opened', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-modes-'));
  try {
    const file = path.join(dir, 'woes.db');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const storage = createStorage({ sqliteFile: file });
    try {
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    } finally {
      await storage.destroy();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a WOES_LOG_FILE that cannot be opened (a folder) is a configuration error naming the variable', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'woes-logdir-'));
  try {
    assert.throws(
      () => new LogFile(dir, 1000),
      (error: unknown) =>
        error instanceof ConfigError && /WOES_LOG_FILE/.test(error.message) && /cannot open/.test(error.message),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
