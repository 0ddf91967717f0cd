import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey, createWorkspace } from '../helpers/fixtures.js';

// Issue #11 items 4 and 5: a key cannot outlive itself, and rename obeys the subset rule.
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const clock = new TestClock(Date.UTC(2026, 3, 1, 9));
let t: TestApp;
let workspace: string;
let admin: { id: string; secret: string };

before(async () => {
  t = await createTestApp({ clock });
  workspace = await createWorkspace(t);
  admin = await createApiKey(t, workspace, ['admin']);
});
after(() => t.close());

async function api(method: 'GET' | 'POST' | 'PATCH', url: string, secret: string, payload?: object) {
  return t.request({ method, url: `/api/v1${url}`, headers: bearer(secret), payload });
}

const iso = (ms: number): string => new Date(ms).toISOString();

test('a key with an expiry cannot create a key that expires later, or never', async () => {
  const manager = await createApiKey(t, workspace, ['admin'], { expiresAt: clock.now() + DAY });
  // No expiry asked: the child gets the parent's, and the response says so.
  const plain = await api('POST', '/keys', manager.secret, { name: 'child', scopes: ['read'] });
  assert.equal(plain.statusCode, 201);
  assert.equal(plain.json.expiresAt, iso(clock.now() + DAY));
  // Explicitly later: refused, naming the field.
  for (const payload of [{ expiresIn: 2 * 24 * 3600 }, { expiresAt: iso(clock.now() + DAY + 1000) }]) {
    const later = await api('POST', '/keys', manager.secret, { name: 'child', scopes: ['read'], ...payload });
    assert.equal(later.statusCode, 400, JSON.stringify(payload));
    assert.equal(later.json.code, 'invalid_request');
    assert.equal(later.json.details[0].path, `/body/${Object.keys(payload)[0]}`);
  }
  // Sooner or equal is fine.
  const sooner = await api('POST', '/keys', manager.secret, { name: 'child', scopes: ['read'], expiresIn: 3600 });
  assert.equal(sooner.json.expiresAt, iso(clock.now() + HOUR));
  const equal = await api('POST', '/keys', manager.secret, {
    name: 'child',
    scopes: ['read'],
    expiresAt: iso(clock.now() + DAY),
  });
  assert.equal(equal.statusCode, 201);
  // A key without an expiry and a session are not limited.
  const free = await api('POST', '/keys', admin.secret, { name: 'child', scopes: ['read'] });
  assert.equal(free.json.expiresAt, null);
});

test('a key cannot roll itself (or another key) into a successor that outlives it', async () => {
  // A 30-day key with one day left rolls itself: the successor may not run for 30 more days.
  const self = await createApiKey(t, workspace, ['admin'], { expiresAt: clock.now() + 30 * DAY });
  clock.advance(29 * DAY);
  const rolled = await api('POST', `/keys/${self.id}/roll`, self.secret, { expiresIn: 0 });
  assert.equal(rolled.statusCode, 201);
  assert.equal(rolled.json.expiresAt, iso(clock.now() + DAY));
  const explicit = await api('POST', `/keys/${rolled.json.id}/roll`, rolled.json.secret, {
    expiresIn: 0,
    newKeyExpiresIn: 7 * 24 * 3600,
  });
  assert.equal(explicit.statusCode, 400);
  assert.equal(explicit.json.details[0].path, '/body/newKeyExpiresIn');

  // An expiring key rolling a key that never expires: the successor gets the caller's expiry.
  const forever = await createApiKey(t, workspace, ['read']);
  const viaExpiring = await api('POST', `/keys/${forever.id}/roll`, rolled.json.secret, { expiresIn: 60 });
  assert.equal(viaExpiring.statusCode, 201);
  assert.equal(viaExpiring.json.expiresAt, iso(clock.now() + DAY));
});

test('an admin roll keeps the lifetime (same duration, from now) unless the body sets one', async () => {
  const key = await createApiKey(t, workspace, ['read'], { expiresAt: clock.now() + 30 * DAY });
  clock.advance(10 * DAY);
  const rolled = await api('POST', `/keys/${key.id}/roll`, admin.secret, { expiresIn: 3600 });
  assert.equal(rolled.statusCode, 201);
  assert.equal(rolled.json.expiresAt, iso(clock.now() + 30 * DAY), 'the roll dropped or shortened the lifetime');

  const set = await api('POST', `/keys/${rolled.json.id}/roll`, admin.secret, {
    expiresIn: 0,
    newKeyExpiresIn: 90 * 24 * 3600,
  });
  assert.equal(set.json.expiresAt, iso(clock.now() + 90 * DAY));
  const at = iso(clock.now() + 5 * DAY);
  const setAt = await api('POST', `/keys/${set.json.id}/roll`, admin.secret, { expiresIn: 0, newKeyExpiresAt: at });
  assert.equal(setAt.json.expiresAt, at);
  const both = await api('POST', `/keys/${setAt.json.id}/roll`, admin.secret, {
    expiresIn: 0,
    newKeyExpiresAt: at,
    newKeyExpiresIn: 60,
  });
  assert.equal(both.statusCode, 400);
  const past = await api('POST', `/keys/${setAt.json.id}/roll`, admin.secret, {
    expiresIn: 0,
    newKeyExpiresAt: iso(clock.now() - 1),
  });
  assert.equal(past.statusCode, 400);

  const forever = await createApiKey(t, workspace, ['read']);
  assert.equal((await api('POST', `/keys/${forever.id}/roll`, admin.secret, { expiresIn: 0 })).json.expiresAt, null);
});

test('rename obeys the subset rule: a narrow keys.write key cannot rename a broader key', async () => {
  const narrow = await createApiKey(t, workspace, ['keys.write', 'tickets.read']);
  const mine = await createApiKey(t, workspace, ['tickets.read'], { name: 'mine' });
  const refused = await api('PATCH', `/keys/${admin.id}`, narrow.secret, { name: 'pwned' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json.code, 'insufficient_scope');
  assert.equal((await api('GET', `/keys/${admin.id}`, admin.secret)).json.name, 'Test key');
  const ok = await api('PATCH', `/keys/${mine.id}`, narrow.secret, { name: 'renamed' });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json.name, 'renamed');
});
