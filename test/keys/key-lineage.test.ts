import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';
import { within } from './helpers.js';
import type { CoreServices } from '../../src/core.js';

// SPEC §9: a key never outlives the key that created or rolled it. Two instances share one
// database, so a revocation must reach the other one's verifier cache too.
let database: TestDatabase;
let a: TestApp;
let b: TestApp;
let workspace: string;
let admin: { id: string; secret: string };

before(async () => {
  database = await createTestDatabase();
  a = await createTestApp({ database });
  b = await createTestApp({ database });
  workspace = await createWorkspace(a);
  admin = await createApiKey(a, workspace, ['admin']);
});
after(async () => {
  await a.close();
  await b.close();
  await database.drop();
});

async function api(t: TestApp, method: 'GET' | 'POST' | 'DELETE', url: string, secret: string, payload?: unknown) {
  return t.request({ method, url: `/api/v1${url}`, headers: bearer(secret), payload: payload as object });
}

async function child(parent: string, name: string, scopes = ['keys.write', 'conversations.read']) {
  const res = await api(a, 'POST', '/keys', parent, { name, scopes });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json.id as string, secret: res.json.secret as string };
}

/** /me on both instances: 200 or 401 on each. */
async function me(secret: string): Promise<number[]> {
  return [(await api(a, 'GET', '/me', secret)).statusCode, (await api(b, 'GET', '/me', secret)).statusCode];
}

/** Refused by the instance that revoked it at once, and by the other within a second (SPEC §9). */
async function refused(secret: string, what: string): Promise<void> {
  assert.equal((await api(a, 'GET', '/me', secret)).statusCode, 401, `${what} on the revoking instance`);
  await within(1000, async () => (await api(b, 'GET', '/me', secret)).statusCode === 401);
}

async function revokedEvents(keyId: string) {
  const res = await api(a, 'GET', '/audit-events?type=key.revoked', admin.secret);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json.data as any[]).filter((e) => e.target?.id === keyId);
}

test('revoking a key revokes every key it created or rolled, transitively, on every instance, each audited', async () => {
  const parent = await child(admin.secret, 'P', ['keys.write', 'conversations.read']);
  const kid = await child(parent.secret, 'C');
  const grandchild = await child(kid.secret, 'G', ['keys.read']);
  // A key the admin made and P rolled: its successor was made by P.
  const other = await child(admin.secret, 'X', ['conversations.read']);
  const rolled = await api(a, 'POST', `/keys/${other.id}/roll`, parent.secret, { expiresIn: 0 });
  assert.equal(rolled.statusCode, 201, rolled.body);
  const successor = { id: rolled.json.id as string, secret: rolled.json.secret as string };
  for (const key of [parent, kid, grandchild, successor]) assert.deepEqual(await me(key.secret), [200, 200]);

  const revoked = await api(a, 'DELETE', `/keys/${parent.id}`, admin.secret);
  assert.equal(revoked.statusCode, 204, revoked.body);
  for (const key of [parent, kid, grandchild, successor]) {
    await refused(key.secret, key.id);
    const view = await api(a, 'GET', `/keys/${key.id}`, admin.secret);
    assert.ok(view.json.revokedAt, `${key.id} is marked revoked`);
  }
  assert.equal((await me(admin.secret))[0], 200, 'the admin key that revoked them still works');

  // Each revocation has its own audit event, by the revoking caller, naming the parent.
  const [own] = await revokedEvents(parent.id);
  assert.equal(own.actor.id, admin.id);
  for (const [key, by] of [
    [kid, parent],
    [grandchild, kid],
    [successor, parent],
  ] as const) {
    const events = await revokedEvents(key.id);
    assert.equal(events.length, 1, `one key.revoked for ${key.id}`);
    assert.equal(events[0].actor.id, admin.id);
    assert.equal(events[0].data.reason, 'parent_revoked');
    assert.equal(events[0].data.parentKeyId, by.id);
  }
});

test('revoking a child leaves its parent working and takes its own children with it', async () => {
  const parent = await child(admin.secret, 'P2');
  const kid = await child(parent.secret, 'C2');
  const grandchild = await child(kid.secret, 'G2', ['conversations.read']);
  const sibling = await child(parent.secret, 'S2', ['conversations.read']);
  assert.equal((await api(a, 'DELETE', `/keys/${kid.id}`, parent.secret)).statusCode, 204);
  await refused(kid.secret, 'C2');
  await refused(grandchild.secret, 'G2');
  assert.deepEqual(await me(parent.secret), [200, 200]);
  assert.deepEqual(await me(sibling.secret), [200, 200]);
});

test('the operator (woes keys revoke) and a key revoked after its child was revoked reach the whole lineage', async () => {
  const parent = await child(admin.secret, 'P3');
  const kid = await child(parent.secret, 'C3');
  const grandchild = await child(kid.secret, 'G3', ['conversations.read']);
  // A child revoked earlier on its own (as before this rule) still leads to its children.
  await a.app.woes.db.updateTable('apiKeys').set({ revokedAt: Date.now() }).where('id', '=', kid.id).execute();
  // What `woes keys revoke` calls (the app is built on the same core).
  const { operatorKeys } = (a.app.woes as unknown as { services: CoreServices }).services;
  const result = await operatorKeys.revoke(parent.id);
  assert.equal(result.already, false);
  await refused(parent.secret, 'P3');
  await refused(grandchild.secret, 'G3');
  const [event] = await revokedEvents(grandchild.id);
  assert.equal(event.actor.type, 'cli');
  assert.equal(event.data.parentKeyId, kid.id);
});

test('a revoked key cannot create or roll a key, even before its revocation reaches a cache', async () => {
  const parent = await child(admin.secret, 'P4');
  assert.deepEqual(await me(parent.secret), [200, 200]);
  // Revoked in the database only, as a concurrent revocation not yet announced would be.
  await a.app.woes.db.updateTable('apiKeys').set({ revokedAt: Date.now() }).where('id', '=', parent.id).execute();
  const created = await api(a, 'POST', '/keys', parent.secret, { name: 'late', scopes: ['conversations.read'] });
  assert.equal(created.statusCode, 401, created.body);
  assert.equal(created.json.code, 'unauthorized');
  const listed = await api(a, 'GET', '/keys?limit=100', admin.secret);
  assert.ok(!(listed.json.data as any[]).some((k) => k.name === 'late'));
});

test('a key that rolls itself hands over its place: revoking the old key after the roll leaves the successor', async () => {
  const parent = await child(admin.secret, 'P2', ['keys.write', 'conversations.read']);
  const self = await child(parent.secret, 'Self', ['keys.write', 'conversations.read']);
  const rolled = await api(a, 'POST', `/keys/${self.id}/roll`, self.secret, { expiresIn: 3600 });
  assert.equal(rolled.statusCode, 201, rolled.body);
  const successor = { id: rolled.json.id as string, secret: rolled.json.secret as string };
  // Its creator is the old key's creator, not the old key.
  assert.deepEqual((await api(a, 'GET', `/keys/${successor.id}`, admin.secret)).json.createdBy, {
    type: 'api_key',
    id: parent.id,
  });
  // The usual rotation: roll, then revoke the old key at once.
  assert.equal((await api(a, 'DELETE', `/keys/${self.id}`, successor.secret)).statusCode, 204);
  await refused(self.secret, 'the old key');
  assert.deepEqual(await me(successor.secret), [200, 200]);
  // The lineage goes on: revoking the old key's creator still takes the successor.
  assert.equal((await api(a, 'DELETE', `/keys/${parent.id}`, admin.secret)).statusCode, 204);
  await refused(successor.secret, 'the successor, with its lineage');
});

test('a key revoked before revocations cascaded still takes its live children when revoked again, by the API or the CLI', async () => {
  const { operatorKeys } = (a.app.woes as unknown as { services: CoreServices }).services;
  for (const how of ['api', 'cli'] as const) {
    const parent = await child(admin.secret, `Old-${how}`, ['keys.write', 'conversations.read']);
    const kid = await child(parent.secret, `Kid-${how}`);
    // As the version before this one left it: the parent revoked, its child untouched.
    await a.app.woes.db.updateTable('apiKeys').set({ revokedAt: Date.now() }).where('id', '=', parent.id).execute();
    assert.equal((await api(b, 'GET', '/me', kid.secret)).statusCode, 200, 'the orphan still works');
    if (how === 'api') assert.equal((await api(a, 'DELETE', `/keys/${parent.id}`, admin.secret)).statusCode, 204);
    else assert.equal((await operatorKeys.revoke(parent.id)).already, true);
    await refused(kid.secret, `the orphan (${how})`);
  }
});
