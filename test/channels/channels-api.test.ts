import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { bearer, createApiKey } from '../helpers/fixtures.js';
import { ROLE_SCOPES } from '../../src/scopes/scopes.js';
import { channelTenant, freshIp, sendInbound, type ChannelTenant } from './helpers.js';

let t: TestApp;
let a: ChannelTenant;
let b: ChannelTenant;
const clock = new TestClock();
const secrets: string[] = [];
const HOUR = 3_600_000;

before(async () => {
  t = await createTestApp({ clock });
  a = await channelTenant(t, 'Workspace A');
  b = await channelTenant(t, 'Workspace B');
});
after(() => t.close());

const MESSAGE = { customer: { externalId: 'cus_1' }, body: 'Hello' };

test('POST /channels answers 201 with the channel and its whsec_ secret, once; list and get never show it', async () => {
  const created = await a.api('POST', '/channels', { type: 'email', name: 'Support mailbox' });
  assert.equal(created.statusCode, 201, created.body);
  const { secret, ...channel } = created.json;
  secrets.push(secret);
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(secret.slice(6), 'base64').length, 32);
  assert.match(channel.id, /^ch_/);
  assert.equal(channel.type, 'email');
  assert.equal(channel.name, 'Support mailbox');
  assert.equal(channel.inboundUrl, `${t.config.publicUrl}/api/v1/webhooks/inbound/${channel.id}`);
  assert.equal(channel.previousSecretExpiresAt, null);

  const got = await a.api('GET', `/channels/${channel.id}`);
  assert.equal(got.statusCode, 200);
  assert.deepEqual(got.json, channel);
  const list = await a.api('GET', '/channels');
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json.data, [channel]);
  assert.ok(!list.body.includes(secret.slice(6)) && !got.body.includes(secret.slice(6)));

  const stored = await t.app.woes.db.selectFrom('channels').selectAll().where('id', '=', channel.id).executeTakeFirst();
  assert.ok(stored && !JSON.stringify(stored).includes(secret.slice(6)), 'stored sealed, not in clear');

  const second = await a.createChannel('api', 'Second');
  secrets.push(second.secret);
  assert.notEqual(second.secret, secret);
});

test('lists page newest first; another workspace sees none of them and gets 404 for each', async () => {
  await a.createChannel('api', 'Third');
  const page = await a.api('GET', '/channels?limit=2');
  assert.equal(page.json.data.length, 2);
  assert.ok(page.json.nextCursor);
  const rest = await a.api('GET', `/channels?limit=2&cursor=${page.json.nextCursor}`);
  assert.equal(rest.json.data.length, 1);
  assert.equal(rest.json.nextCursor, null);
  const ids = [...page.json.data, ...rest.json.data].map((c: { id: string }) => c.id);
  assert.deepEqual(ids, [...ids].sort().reverse());

  assert.deepEqual((await b.api('GET', '/channels')).json.data, []);
  for (const id of ids) {
    assert.equal((await b.api('GET', `/channels/${id}`)).statusCode, 404);
    assert.equal((await b.api('DELETE', `/channels/${id}`)).statusCode, 404);
    assert.equal((await b.api('POST', `/channels/${id}/rotate-secret`)).statusCode, 404);
  }
  assert.equal((await a.api('GET', '/channels/ch_nope')).statusCode, 404);
});

test('a rotated secret is shown once; the old one keeps verifying for 24 hours, then stops', async () => {
  const channel = await a.createChannel('api', 'Rotating');
  secrets.push(channel.secret);
  const rotated = await a.api('POST', `/channels/${channel.id}/rotate-secret`);
  assert.equal(rotated.statusCode, 200, rotated.body);
  const fresh = rotated.json.secret as string;
  secrets.push(fresh);
  assert.notEqual(fresh, channel.secret);
  assert.equal(rotated.json.previousSecretExpiresAt, new Date(clock.now() + 24 * HOUR).toISOString());
  assert.equal((await sendInbound(t, { id: channel.id, secret: fresh }, MESSAGE)).statusCode, 201);
  assert.equal((await sendInbound(t, channel, MESSAGE)).statusCode, 201, 'the old secret, within the window');

  clock.advance(24 * HOUR + 1000);
  assert.equal((await sendInbound(t, channel, MESSAGE, { ip: freshIp() })).statusCode, 401, 'the old secret, after');
  assert.equal((await sendInbound(t, { id: channel.id, secret: fresh }, MESSAGE)).statusCode, 201);
  assert.equal((await a.api('GET', `/channels/${channel.id}`)).json.previousSecretExpiresAt, null);

  // Rotating twice leaves only the latest previous secret in grace.
  const again = (await a.api('POST', `/channels/${channel.id}/rotate-secret`)).json.secret as string;
  const third = (await a.api('POST', `/channels/${channel.id}/rotate-secret`)).json.secret as string;
  secrets.push(again, third);
  assert.equal((await sendInbound(t, { id: channel.id, secret: fresh }, MESSAGE, { ip: freshIp() })).statusCode, 401);
  assert.equal((await sendInbound(t, { id: channel.id, secret: again }, MESSAGE)).statusCode, 201);
  assert.equal((await sendInbound(t, { id: channel.id, secret: third }, MESSAGE)).statusCode, 201);
});

test('DELETE /channels/:id answers 204, then the channel is gone from get, list and its endpoint', async () => {
  const channel = await a.createChannel('api', 'Short-lived');
  secrets.push(channel.secret);
  assert.equal((await a.api('DELETE', `/channels/${channel.id}`)).statusCode, 204);
  assert.equal((await a.api('GET', `/channels/${channel.id}`)).statusCode, 404);
  assert.equal((await a.api('DELETE', `/channels/${channel.id}`)).statusCode, 404);
  assert.ok(!(await a.api('GET', '/channels')).body.includes(channel.id));
  assert.equal((await sendInbound(t, channel, MESSAGE, { ip: freshIp() })).statusCode, 401);
});

test('create, delete and rotate are audited without the secret; no secret reaches a log line', async () => {
  for (const type of ['channel.created', 'channel.deleted', 'channel.secret_rotated']) {
    const events = await a.api('GET', `/audit-events?type=${type}`);
    assert.equal(events.statusCode, 200);
    assert.ok(events.json.data.length >= 1, `${type}: ${events.body}`);
    for (const secret of secrets) assert.ok(!events.body.includes(secret.slice(6)), `${type} holds a secret`);
  }
  assert.ok(secrets.length >= 7, `only ${secrets.length} secrets`);
  for (const secret of secrets) {
    const line = t.logs.lines.find((l) => l.includes(secret.slice(6)));
    assert.equal(line, undefined, 'a secret in the logs');
  }
});

test('scopes: channels.read lists and reads; writing needs channels.write; agents read only', async () => {
  const reader = (await createApiKey(t, a.workspaceId, ['channels.read'])).secret;
  const as = (method: string, url: string, payload?: object) =>
    t.request({ method: method as 'GET', url: `/api/v1${url}`, headers: bearer(reader), payload });
  assert.equal((await as('GET', '/channels')).statusCode, 200);
  const denied = await as('POST', '/channels', { type: 'api', name: 'Nope' });
  assert.equal(denied.statusCode, 403);
  assert.deepEqual(denied.json.requiredScopes, ['channels.write']);
  const agent = ROLE_SCOPES.agent;
  assert.ok(agent.has('channels.read') && !agent.has('channels.write'));
  const invalid = await a.api('POST', '/channels', { type: 'sms', name: 'x' });
  assert.equal(invalid.statusCode, 400);
  assert.equal((await a.api('POST', '/channels', { type: 'api', name: '' })).statusCode, 400);
});

test('receipts are kept 3 days: a sender’s late retry is still a duplicate; older ones are pruned when the channel receives the next message', async () => {
  const channel = await a.createChannel('api', 'Pruned');
  const receipts = () =>
    t.app.woes.db.selectFrom('inboundReceipts').select('webhookId').where('channelId', '=', channel.id).execute();
  assert.equal((await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_old' })).statusCode, 201);
  // Standard Webhooks' last retry comes about 28 hours after the first attempt, signed anew.
  clock.advance(28 * HOUR);
  const retry = await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_old' });
  assert.equal(retry.statusCode, 200);
  assert.equal((retry.json as { duplicate: boolean }).duplicate, true);
  clock.advance(43 * HOUR);
  assert.equal((await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_mid' })).statusCode, 201);
  assert.deepEqual((await receipts()).map((r) => r.webhookId).sort(), ['msg_mid', 'msg_old']);
  clock.advance(2 * HOUR);
  assert.equal((await sendInbound(t, channel, MESSAGE, { webhookId: 'msg_new' })).statusCode, 201);
  assert.deepEqual((await receipts()).map((r) => r.webhookId).sort(), ['msg_mid', 'msg_new']);
});
