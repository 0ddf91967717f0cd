import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';
import { newId } from '../../src/storage/ids.js';
import { keyRepository } from '../../src/keys/key-repository.js';
import { widgetKeyRepository } from '../../src/keys/widget-key-repository.js';
import type { ApiKeyRow } from '../../src/keys/key-view.js';

// The keys domain's SQL against a real database: SQLite by default, PostgreSQL in the CI pass.
let database: TestDatabase;
let storage: Storage;
let ws: string;

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
  ws = newId('ws');
  await storage.db
    .insertInto('workspaces')
    .values({ id: ws, name: 'W', plan: 'pro', rateLimitPerHour: 7, createdAt: 1, updatedAt: 1 })
    .execute();
});

after(async () => {
  await storage.destroy();
  await database.drop();
});

function keyRow(hash: string): ApiKeyRow {
  return {
    id: newId('key'),
    workspaceId: ws,
    name: 'k',
    hash,
    start: 'woesk_abcd',
    last4: 'wxyz',
    scopes: '["conversations.read"]',
    createdAt: 1,
    createdByType: 'cli',
    createdById: null,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedUserAgent: null,
    rolledFrom: null,
    rolledTo: null,
    expiredUseAuditedAt: null,
    allowedIps: null,
    disabledAt: null,
    enabledAt: null,
    expiryWarnedAt: null,
    ipDeniedAuditedAt: null,
  };
}

test('findByHash returns the key with its workspace facts, and nothing for an unknown hash', async () => {
  const row = keyRow('a'.repeat(64));
  await keyRepository.insert(storage.db, row);
  const found = await keyRepository.findByHash(storage.db, row.hash);
  assert.equal(found?.id, row.id);
  assert.equal(found?.workspaceName, 'W');
  assert.equal(found?.plan, 'pro');
  assert.equal(Number(found?.rateLimitPerHour), 7);
  assert.equal(await keyRepository.findByHash(storage.db, 'b'.repeat(64)), undefined);
});

test('claimAudit lets one caller through per interval', async () => {
  const row = keyRow('c'.repeat(64));
  await keyRepository.insert(storage.db, row);
  assert.equal(await keyRepository.claimAudit(storage.db, row.id, 'expiredUseAuditedAt', 1_000, 500), true);
  assert.equal(await keyRepository.claimAudit(storage.db, row.id, 'expiredUseAuditedAt', 1_200, 500), false);
  assert.equal(await keyRepository.claimAudit(storage.db, row.id, 'expiredUseAuditedAt', 1_500, 500), true);
});

test('recordUse never replaces a later use; addDailyCount adds up; existingIds skips deleted keys', async () => {
  const row = keyRow('d'.repeat(64));
  await keyRepository.insert(storage.db, row);
  await keyRepository.recordUse(storage.db, row.id, { lastUsedAt: 2_000, ip: '10.0.0.2', userAgent: 'later' });
  await keyRepository.recordUse(storage.db, row.id, { lastUsedAt: 1_000, ip: '10.0.0.1', userAgent: 'earlier' });
  const stored = await keyRepository.find(storage.db, ws, row.id);
  assert.equal(Number(stored?.lastUsedAt), 2_000);
  assert.equal(stored?.lastUsedIp, '10.0.0.2');
  await keyRepository.addDailyCount(storage.db, row.id, 20_000, 3);
  await keyRepository.addDailyCount(storage.db, row.id, 20_000, 4);
  assert.deepEqual(await keyRepository.dailyUsage(storage.db, row.id, 19_999), [{ day: 20_000, count: 7 }]);
  const existing = await keyRepository.existingIds(storage.db, [row.id, 'key_gone']);
  assert.deepEqual([...existing], [row.id]);
});

test('widget keys: found by hash across workspaces, by id only within their own', async () => {
  const id = newId('wk');
  const hash = 'e'.repeat(64);
  await widgetKeyRepository.insert(storage.db, {
    id,
    workspaceId: ws,
    name: 'site',
    hash,
    start: 'woespk_abc',
    last4: 'wxyz',
    allowedOrigins: '["https://example.com"]',
    createdAt: 1,
    createdByType: 'user',
    createdById: 'usr_1',
    revokedAt: null,
    mobile: 0,
  });
  assert.equal((await widgetKeyRepository.findByHash(storage.db, hash))?.workspaceId, ws);
  assert.equal(await widgetKeyRepository.find(storage.db, 'ws_other', id), undefined);
  await widgetKeyRepository.revoke(storage.db, id, 5);
  assert.equal(Number((await widgetKeyRepository.find(storage.db, ws, id))?.revokedAt), 5);
});
