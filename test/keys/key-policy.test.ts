import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer as keyBearer, createApiKey } from '../helpers/fixtures.js';
import { bearer, outbox, signIn, signUp, waitFor } from '../accounts/helpers.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import { governanceRepository } from '../../src/keys/governance-repository.js';
import type { KeyGovernanceJob } from '../../src/keys/governance-job.js';

const DAY = 24 * 3600 * 1000;
const clock = new TestClock(Date.UTC(2026, 5, 1, 9));
let t: TestApp;
let ws: string;
let token: string;

before(async () => {
  t = await createTestApp({ clock });
  const owner = await signUp(t, 'policy-owner@example.com', { workspaceName: 'Policy Co' });
  ws = owner.workspaceId!;
  token = owner.accessToken;
});
after(() => t.close());

const job = () =>
  (t.app.woes.modules.find((m) => m.name === 'keys') as unknown as { governance: KeyGovernanceJob }).governance;
/** The owner's session again after the clock moved past the access token's 15 minutes. */
async function refreshOwner(): Promise<void> {
  token = (await signIn(t, 'policy-owner@example.com', undefined, ws)).accessToken;
}
const api = (method: string, url: string, payload?: unknown) =>
  t.request({
    method: method as 'GET',
    url: `/api/v1${url}`,
    headers: bearer(token, ws),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const setPolicy = (patch: Record<string, unknown>) => api('PATCH', '/workspace/key-policy', patch);

test('owners read and change the key policy (audited); API keys cannot', async () => {
  const initial = await api('GET', '/workspace/key-policy');
  assert.equal(initial.statusCode, 200, initial.body);
  assert.deepEqual(initial.json, {
    maxLifetimeDays: null,
    requireExpiry: false,
    disableUnusedDays: null,
    warnBeforeExpiry: true,
    updatedAt: null,
  });
  const changed = await setPolicy({ maxLifetimeDays: 30 });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json.maxLifetimeDays, 30);
  assert.equal((await api('GET', '/workspace/key-policy')).json.maxLifetimeDays, 30);
  const events = await t.app.woes.audit.list(
    t.app.woes.db,
    ws,
    { type: 'key_policy.updated' },
    { limit: 10, before: null },
  );
  assert.equal(events.length, 1);
  assert.deepEqual((events[0].data as { to: { maxLifetimeDays: number } }).to.maxLifetimeDays, 30);
  const key = await createApiKey(t, ws, ['admin']);
  const byKey = await t.request({
    method: 'PATCH',
    url: '/api/v1/workspace/key-policy',
    headers: keyBearer(key.secret),
    payload: { maxLifetimeDays: null },
  });
  assert.equal(byKey.statusCode, 401);
  assert.equal((await setPolicy({ maxLifetimeDays: -1 })).statusCode, 400);
  assert.equal((await setPolicy({ maxLifetimeDays: 3651 })).statusCode, 400);
  // 0, like null, turns a rule off (never "expire at once").
  assert.equal((await setPolicy({ maxLifetimeDays: 0 })).json.maxLifetimeDays, null);
  assert.equal((await setPolicy({ surprise: true })).statusCode, 400);
});

test('creating or rolling a key beyond the maximum lifetime is refused with a clear error', async () => {
  await setPolicy({ maxLifetimeDays: 30, requireExpiry: false });
  const tooLong = await api('POST', '/keys', { name: 'long', scopes: ['read'], expiresIn: 31 * 24 * 3600 });
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json.code, 'invalid_request');
  assert.match(tooLong.json.error, /30 days/);
  const never = await api('POST', '/keys', { name: 'forever', scopes: ['read'] });
  assert.equal(never.statusCode, 400, 'a key without expiry outlives any maximum');
  const ok = await api('POST', '/keys', { name: 'short', scopes: ['read'], expiresIn: 29 * 24 * 3600 });
  assert.equal(ok.statusCode, 201, ok.body);
  const rolled = await api('POST', `/keys/${ok.json.id}/roll`, { expiresIn: 60 });
  assert.equal(rolled.statusCode, 201, rolled.body);
  assert.ok(Date.parse(rolled.json.expiresAt) <= clock.now() + 30 * DAY, 'the successor obeys the policy');

  await setPolicy({ maxLifetimeDays: null, requireExpiry: true });
  assert.equal((await api('POST', '/keys', { name: 'forever', scopes: ['read'] })).statusCode, 400);
  assert.equal((await api('POST', '/keys', { name: 'dated', scopes: ['read'], expiresIn: 3600 })).statusCode, 201);
  await setPolicy({ requireExpiry: false });
  assert.equal((await api('POST', '/keys', { name: 'forever', scopes: ['read'] })).statusCode, 201);
});

test('an unused key is disabled by the job (401 key_disabled), a used one is not; re-enabling restores it', async () => {
  await setPolicy({ disableUnusedDays: 10 });
  const idle = await api('POST', '/keys', { name: 'idle', scopes: ['read'] });
  const busy = await api('POST', '/keys', { name: 'busy', scopes: ['read'] });
  const me = (secret: string) => t.request({ method: 'GET', url: '/api/v1/me', headers: keyBearer(secret) });
  assert.equal((await me(idle.json.secret)).statusCode, 200);
  clock.advance(6 * DAY);
  assert.equal((await me(busy.json.secret)).statusCode, 200);
  clock.advance(5 * DAY);
  const result = await job().run();
  assert.ok(result.disabled.includes(idle.json.id), 'the idle key was not disabled');
  assert.ok(!result.disabled.includes(busy.json.id), 'a key used 5 days ago was disabled');
  const refused = await me(idle.json.secret);
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.json.code, 'key_disabled');
  assert.equal((await me(busy.json.secret)).statusCode, 200);

  await refreshOwner();
  const shown = await api('GET', `/keys/${idle.json.id}`);
  assert.ok(shown.json.disabledAt, 'the key view says it is disabled');
  assert.equal(shown.json.revokedAt, null, 'disabled is not revoked');
  const audit = await t.app.woes.audit.list(t.app.woes.db, ws, { type: 'key.disabled' }, { limit: 10, before: null });
  assert.equal(audit.filter((e) => e.target?.id === idle.json.id).length, 1);
  assert.equal(audit.filter((e) => e.target?.id === busy.json.id).length, 0);

  const enabled = await api('POST', `/keys/${idle.json.id}/enable`);
  assert.equal(enabled.statusCode, 200, enabled.body);
  assert.equal(enabled.json.disabledAt, null);
  assert.equal((await me(idle.json.secret)).statusCode, 200);
  // Idleness counts afresh from the re-enabling: the next run leaves it alone.
  assert.ok(!(await job().run()).disabled.includes(idle.json.id));
  assert.equal((await me(idle.json.secret)).statusCode, 200);
  await setPolicy({ disableUnusedDays: null });
});

test('owners get one email and one key.expiring event 7 days before expiry', async () => {
  await refreshOwner();
  const key = await api('POST', '/keys', { name: 'Nightly export', scopes: ['read'], expiresIn: 10 * 24 * 3600 });
  assert.equal(key.statusCode, 201);
  const expiringMail = () =>
    outbox(t).filter((m) => m.to.includes('policy-owner@example.com') && /expires on/.test(m.subject));
  assert.ok(!(await job().run()).warned.includes(key.json.id), 'warned 10 days ahead');
  clock.advance(4 * DAY);
  assert.deepEqual((await job().run()).warned, [key.json.id]);
  const [mail] = await waitFor(() => (expiringMail().length > 0 ? expiringMail() : null));
  assert.match(mail.text, /Nightly export/);
  const events = await webhookOutbox.list(t.app.woes.db, ws, { type: 'key.expiring' });
  assert.equal(events.length, 1);
  assert.match(events[0].id, /^evt_/);
  assert.equal(events[0].payload.id, key.json.id);
  assert.equal(events[0].payload.secret, undefined);
  // Later runs (on this or another instance) send nothing more.
  clock.advance(DAY);
  assert.deepEqual((await job().run()).warned, []);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(expiringMail().length, 1);
  assert.equal((await webhookOutbox.list(t.app.woes.db, ws, { type: 'key.expiring' })).length, 1);
});

test('a run that fails half-way still mails the keys it already claimed (a claim is never made twice)', async () => {
  await refreshOwner();
  const names = ['Half-way A', 'Half-way B'];
  for (const name of names) {
    const created = await api('POST', '/keys', { name, scopes: ['read'], expiresIn: 6 * 24 * 3600 });
    assert.equal(created.statusCode, 201, created.body);
  }
  const original = governanceRepository.claimExpiryWarning;
  let calls = 0;
  governanceRepository.claimExpiryWarning = async (...args) => {
    calls += 1;
    if (calls === 2) throw new Error('the database went away');
    return original.apply(governanceRepository, args);
  };
  try {
    await assert.rejects(job().run(), /the database went away/);
  } finally {
    governanceRepository.claimExpiryWarning = original;
  }
  const mailed = () =>
    outbox(t).filter((m) => m.to.includes('policy-owner@example.com') && names.some((n) => m.text.includes(n)));
  const [mail] = await waitFor(() => (mailed().length > 0 ? mailed() : null));
  const listed = names.filter((n) => mail.text.includes(n));
  assert.equal(listed.length, 1, 'the one claimed key is mailed');
  // The next run claims and mails the other; the first is not mailed again.
  await job().run();
  await waitFor(() => (mailed().length > 1 ? mailed() : null));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(mailed().length, 2);
  assert.ok(!mailed()[1].text.includes(listed[0]), 'the claimed key is not mailed twice');
});
