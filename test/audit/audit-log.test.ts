import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { createTestDatabase, type TestDatabase } from '../helpers/app.js';
import type { Storage } from '../../src/storage/database.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { anonymousCaller, cliCaller, withPrincipal, type Caller } from '../../src/http/caller.js';
import type { ApiKeyPrincipal } from '../../src/http/principal.js';

let database: TestDatabase;
let storage: Storage;
const audit = new AuditLog(() => 1_000);

before(async () => {
  database = await createTestDatabase();
  storage = database.connect();
  await storage.migrate();
});
after(async () => {
  await storage.destroy();
  await database.drop();
});

const KEY: ApiKeyPrincipal = {
  type: 'api_key',
  keyId: 'key_1',
  workspaceId: 'ws_1',
  scopes: new Set(),
  plan: 'pro',
  rateLimitPerHour: null,
};

/** The Caller of a real request, as the hook builds it. */
async function callerOfRequest(headers: Record<string, string>): Promise<Caller> {
  const app = Fastify();
  let caller: Caller | null = null;
  app.get('/', async (request) => {
    caller = withPrincipal(anonymousCaller(request), KEY);
    return {};
  });
  await app.inject({ url: '/', headers, remoteAddress: '203.0.113.9' });
  await app.close();
  assert.ok(caller);
  return caller;
}

test('audit.record takes who, where from and which workspace from the Caller', async () => {
  const caller = await callerOfRequest({ 'user-agent': 'curl/8' });
  assert.equal(caller.ip, '203.0.113.9');
  assert.equal(caller.workspaceId, 'ws_1');
  assert.deepEqual(caller.actor, { type: 'api_key', id: 'key_1' });
  await audit.record(storage.db, caller, { type: 'thing.done', target: { type: 'thing', id: 't1' } });
  const [event] = await audit.list(storage.db, 'ws_1', { type: 'thing.done' }, { limit: 10, before: null });
  assert.deepEqual(event.actor, { type: 'api_key', id: 'key_1' });
  assert.equal(event.ip, '203.0.113.9');
  assert.equal(event.userAgent, 'curl/8');
  assert.deepEqual(event.target, { type: 'thing', id: 't1' });
});

test('an event may name another workspace or actor; the CLI is audited as cli without an address', async () => {
  const caller = await callerOfRequest({});
  await audit.record(storage.db, caller, {
    type: 'user.event',
    workspaceId: 'ws_2',
    actor: { type: 'user', id: 'usr_1' },
  });
  const [event] = await audit.list(storage.db, 'ws_2', { type: 'user.event' }, { limit: 10, before: null });
  assert.deepEqual(event.actor, { type: 'user', id: 'usr_1' });
  await audit.record(storage.db, cliCaller('ws_3'), { type: 'cli.event' });
  const [cli] = await audit.list(storage.db, 'ws_3', {}, { limit: 10, before: null });
  assert.deepEqual(cli.actor, { type: 'cli', id: null });
  assert.equal(cli.ip, null);
});
