import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config.js';

const pem = (curve: 'P-256' | 'ed25519') =>
  (curve === 'ed25519'
    ? generateKeyPairSync('ed25519')
    : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  ).publicKey.export({ type: 'spki', format: 'pem' }) as string;

test('WOES_LEAK_REPORT_PUBLIC_KEYS: GitHub JSON inline or from a file; bad values stop start-up naming the variable', () => {
  assert.deepEqual(loadConfig({}).leakReportPublicKeys, []);
  const key = pem('P-256');
  const doc = JSON.stringify({ public_keys: [{ key_identifier: 'abc', key, is_current: true }] });
  assert.deepEqual(loadConfig({ WOES_LEAK_REPORT_PUBLIC_KEYS: doc }).leakReportPublicKeys, [
    { keyIdentifier: 'abc', key },
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'woes-leak-')), 'keys.json');
  fs.writeFileSync(file, JSON.stringify([{ key_identifier: 'def', key }]));
  assert.equal(loadConfig({ WOES_LEAK_REPORT_PUBLIC_KEYS: file }).leakReportPublicKeys[0].keyIdentifier, 'def');

  for (const bad of [
    '{not json',
    '/no/such/file.json',
    '[]',
    JSON.stringify([{ key_identifier: 'x' }]),
    JSON.stringify([{ key_identifier: 'x', key: pem('ed25519') }]),
  ]) {
    assert.throws(
      () => loadConfig({ WOES_LEAK_REPORT_PUBLIC_KEYS: bad }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'WOES_LEAK_REPORT_PUBLIC_KEYS',
      bad,
    );
  }
});
