import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { createTestApp, createTestDatabase, type TestApp } from '../helpers/app.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import type { WebhookEventType } from '../../src/events/webhook-events.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { Receiver, until, webhookEnv } from './helpers.js';

let t: TestApp;
const receivers: Receiver[] = [];
before(async () => {
  t = await createTestApp({ env: webhookEnv() });
});
after(async () => {
  await t.close();
  for (const r of receivers) await r.stop();
});

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  return r;
}

async function endpoint(w: Tenant, url: string, events = ['conversation.created', 'customer.created']) {
  const created = await w.call('POST', '/webhooks', { url, events });
  assert.equal(created.statusCode, 201, created.body);
  return { id: created.json.id as string, secret: created.json.secret as string };
}

async function emit(
  app: TestApp,
  w: Tenant,
  type: WebhookEventType = 'conversation.created',
  payload: object = { id: 'conv_1' },
) {
  return webhookOutbox.append(app.app.woes.db, {
    workspaceId: w.workspaceId,
    type,
    payload: { ...payload },
    now: Date.now(),
  });
}

async function deliveries(w: Tenant, endpointId: string) {
  const list = await w.call('GET', `/webhooks/${endpointId}/deliveries`);
  assert.equal(list.statusCode, 200, list.body);
  return list.json.data as any[];
}

async function delivery(w: Tenant, endpointId: string, deliveryId: string) {
  const got = await w.call('GET', `/webhooks/${endpointId}/deliveries/${deliveryId}`);
  assert.equal(got.statusCode, 200, got.body);
  return got.json;
}

test('an event arrives once, signed by standardwebhooks, with the Standard Webhooks headers and body', async () => {
  const w = await tenant(t);
  const r = await receiver();
  const e = await endpoint(w, r.url);
  const eventId = await emit(t, w, 'conversation.created', { id: 'conv_x', subject: 'Hello' });
  await emit(t, w, 'message.created'); // not subscribed: never sent
  await until(() => r.received.length === 1, 10_000, 'the delivery');
  r.verifyAll(e.secret);
  const [got] = r.received;
  assert.equal(got.id, eventId);
  assert.equal(got.headers['content-type'], 'application/json');
  assert.match(got.headers['user-agent'], /^Woes-Webhooks\/\d+\.\d+\.\d+/);
  assert.match(got.timestamp, /^\d{10}$/);
  assert.equal(got.json.type, 'conversation.created');
  assert.deepEqual(got.json.data, { id: 'conv_x', subject: 'Hello' });
  assert.ok(!Number.isNaN(Date.parse(got.json.timestamp)));
  assert.deepEqual(new Webhook(e.secret).verify(got.body, got.headers), got.json);

  await until(async () => (await deliveries(w, e.id))[0]?.status === 'succeeded', 5000, 'success recorded');
  const [listed] = await deliveries(w, e.id);
  assert.equal(listed.eventId, eventId);
  assert.equal(listed.attempts, 1);
  assert.equal(listed.lastResponseStatus, 200);
  assert.equal(listed.nextAttemptAt, null);
  const detail = await delivery(w, e.id, listed.id);
  assert.equal(detail.attemptLog.length, 1);
  assert.equal(detail.attemptLog[0].responseExcerpt, 'ok');
  assert.ok(!JSON.stringify(detail).includes('webhook-signature'), 'request headers are never recorded');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(r.received.length, 1, 'delivered once');
});

test('a receiver down for a while: retried with the same webhook-id until it answers, every attempt listed', async () => {
  const w = await tenant(t);
  const r = await receiver();
  const port = r.port;
  const e = await endpoint(w, r.url);
  await r.stop(); // connection refused
  const eventId = await emit(t, w);
  const [first] = await until(
    async () => {
      const list = await deliveries(w, e.id);
      return list.length === 1 && list[0].attempts >= 2 ? list : null;
    },
    10_000,
    'two refused attempts',
  );
  assert.equal(first.status, 'pending');
  assert.equal(first.lastError, 'connect');
  assert.ok(first.nextAttemptAt);
  // Back, but failing with 500 twice, then fine.
  r.answer = (_req, i) => (i < 2 ? { status: 500, body: 'boom' } : { status: 204 });
  await r.start(port);
  await until(() => r.received.length === 3, 15_000, 'three attempts at the receiver');
  r.verifyAll(e.secret);
  assert.deepEqual(
    r.received.map((x) => x.id),
    [eventId, eventId, eventId],
  );
  const done = await until(
    async () => {
      const d = await delivery(w, e.id, first.id);
      return d.status === 'succeeded' ? d : null;
    },
    5000,
    'success',
  );
  const log = done.attemptLog as any[];
  assert.ok(log.length >= 4);
  assert.deepEqual(
    log.map((a) => a.attempt),
    log.map((_, i) => i + 1),
  );
  assert.equal(log[0].error, 'connect');
  assert.deepEqual(
    log.slice(-3).map((a) => [a.responseStatus, a.error]),
    [
      [500, 'http_500'],
      [500, 'http_500'],
      [204, null],
    ],
  );
  assert.equal(log.at(-2).responseExcerpt, 'boom');
});

test('429 with Retry-After waits at least that long; a 3xx is a failure, never followed', async () => {
  const w = await tenant(t);
  const r = await receiver();
  r.answer = (_req, i) =>
    i === 0
      ? { status: 429, headers: { 'retry-after': '2' } }
      : i === 1
        ? { status: 302, headers: { location: 'http://127.0.0.1:9/elsewhere' } }
        : { status: 200 };
  const e = await endpoint(w, r.url);
  await emit(t, w);
  await until(() => r.received.length === 3, 15_000, 'three attempts');
  r.verifyAll(e.secret);
  assert.ok(r.received[1].at - r.received[0].at >= 1900, 'the retry waited for Retry-After');
  const [listed] = await deliveries(w, e.id);
  const detail = await until(async () => {
    const d = await delivery(w, e.id, listed.id);
    return d.status === 'succeeded' ? d : null;
  });
  assert.deepEqual(
    detail.attemptLog.map((a: any) => a.responseStatus),
    [429, 302, 200],
  );
  const log = detail.attemptLog;
  assert.ok(Date.parse(log[1].startedAt) - Date.parse(log[0].startedAt) >= 1900);
});

test('410 Gone disables the endpoint at once; later events are not delivered to it', async () => {
  const w = await tenant(t);
  const r = await receiver();
  r.answer = () => ({ status: 410 });
  const e = await endpoint(w, r.url);
  await emit(t, w);
  await until(async () => (await w.call('GET', `/webhooks/${e.id}`)).json.status === 'disabled', 10_000, 'disabled');
  const got = await w.call('GET', `/webhooks/${e.id}`);
  assert.equal(got.json.disabledReason, 'gone');
  const [failed] = await deliveries(w, e.id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.attempts, 1);
  await emit(t, w);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(r.received.length, 1);
  assert.equal((await deliveries(w, e.id)).length, 1);

  // Re-enabling clears the failure; new events flow again.
  r.answer = () => ({ status: 200 });
  const enabled = await w.call('PATCH', `/webhooks/${e.id}`, { status: 'enabled' });
  assert.equal(enabled.json.status, 'enabled');
  assert.equal(enabled.json.disabledReason, null);
  await emit(t, w);
  await until(() => r.received.length === 2, 10_000, 'delivery after re-enabling');
  r.verifyAll(e.secret);
});

test('rotation: for 24 h both secrets verify (old-only and new-only receivers accept); afterwards only the new', async () => {
  const w = await tenant(t);
  const r = await receiver();
  const e = await endpoint(w, r.url);
  const rotated = await w.call('POST', `/webhooks/${e.id}/rotate-secret`);
  const next: string = rotated.json.secret;
  await emit(t, w);
  await until(() => r.received.length === 1, 10_000, 'delivery during the window');
  assert.equal(r.received[0].signature.split(' ').length, 2);
  assert.ok(r.received[0].signature.split(' ').every((s) => s.startsWith('v1,')));
  r.verifyAll(e.secret); // a receiver that still has the old secret
  r.verifyAll(next); // and one that already has the new one

  // The window ends (the stored expiry moves to the past, as 24 hours would).
  await t.app.woes.db
    .updateTable('webhookEndpoints')
    .set({ previousSecretExpiresAt: Date.now() - 1 })
    .where('id', '=', e.id)
    .execute();
  assert.equal((await w.call('GET', `/webhooks/${e.id}`)).json.previousSecretExpiresAt, null);
  await emit(t, w);
  await until(() => r.received.length === 2, 10_000, 'delivery after the window');
  const last = r.received[1];
  assert.equal(last.signature.split(' ').length, 1);
  assert.doesNotThrow(() => new Webhook(next).verify(last.body, last.headers));
  assert.throws(() => new Webhook(e.secret).verify(last.body, last.headers));
});

test('POST /webhooks/:id/test sends a signed ping now; retry re-sends a finished delivery and is 409 while pending', async () => {
  const w = await tenant(t);
  const r = await receiver();
  const e = await endpoint(w, r.url);
  const ping = await w.call('POST', `/webhooks/${e.id}/test`);
  assert.equal(ping.statusCode, 201, ping.body);
  assert.equal(ping.json.status, 'succeeded');
  assert.equal(ping.json.eventType, 'ping');
  assert.equal(ping.json.attemptLog.length, 1);
  assert.equal(ping.json.attemptLog[0].responseStatus, 200);
  assert.equal(r.received.length, 1);
  assert.equal(r.received[0].json.type, 'ping');
  assert.equal(r.received[0].json.data.endpoint.id, e.id);
  r.verifyAll(e.secret);

  const retried = await w.call('POST', `/webhooks/${e.id}/deliveries/${ping.json.id}/retry`);
  assert.equal(retried.statusCode, 202, retried.body);
  await until(() => r.received.length === 2, 10_000, 'the retried delivery');
  assert.equal(r.received[1].id, r.received[0].id, 'a retry keeps the webhook-id');
  r.verifyAll(e.secret);
  const detail = await until(async () => {
    const d = await delivery(w, e.id, ping.json.id);
    return d.attemptLog.length === 2 && d.status === 'succeeded' ? d : null;
  });
  assert.equal(detail.attempts, 2);

  // A failing receiver keeps its delivery pending on the schedule: a manual retry is a 409.
  r.answer = () => ({ status: 500 });
  await emit(t, w);
  const pending = await until(async () => {
    const list = await deliveries(w, e.id);
    const d = list.find((x) => x.eventType === 'conversation.created');
    return d && d.attempts >= 1 && d.status === 'pending' ? d : null;
  });
  const conflict = await w.call('POST', `/webhooks/${e.id}/deliveries/${pending.id}/retry`);
  assert.equal(conflict.statusCode, 409);
  assert.equal(conflict.json.code, 'conflict');
  assert.equal((await w.call('POST', `/webhooks/${e.id}/deliveries/whd_nope/retry`)).statusCode, 404);

  // A ping to a receiver that fails is one failed attempt, and leaves the endpoint enabled.
  const failedPing = await w.call('POST', `/webhooks/${e.id}/test`);
  assert.equal(failedPing.json.status, 'failed');
  assert.equal(failedPing.json.lastResponseStatus, 500);
  assert.equal((await w.call('GET', `/webhooks/${e.id}`)).json.status, 'enabled');
});

test("retrying a delivery needs its event's read scope: a key cannot re-send data it cannot read to a URL it chose", async () => {
  const w = await tenant(t);
  const r = await receiver();
  const e = await endpoint(w, r.url, ['message.created']);
  await emit(t, w, 'message.created', { id: 'msg_1', body: 'private note' });
  const sent = await until(async () => {
    const d = (await deliveries(w, e.id)).find((x) => x.eventType === 'message.created');
    return d && d.status === 'succeeded' ? d : null;
  });
  const narrow = await w.call('POST', '/keys', { name: 'hooks', scopes: ['webhooks.write', 'conversations.read'] });
  assert.equal(narrow.statusCode, 201, narrow.body);
  const as = { authorization: `Bearer ${narrow.json.secret}` };
  const thief = await receiver();
  // It may subscribe the endpoint to what it reads and point it at its own receiver …
  const moved = await w.call('PATCH', `/webhooks/${e.id}`, { events: ['conversation.created'], url: thief.url }, as);
  assert.equal(moved.statusCode, 200, moved.body);
  // … but not re-send the message it could never read.
  const refused = await w.call('POST', `/webhooks/${e.id}/deliveries/${sent.id}/retry`, undefined, as);
  assert.equal(refused.statusCode, 403, refused.body);
  assert.equal(refused.json.code, 'insufficient_scope');
  assert.deepEqual(refused.json.requiredScopes, ['messages.read']);
  // The delivery log shows the event's type, never its data.
  const logged = await w.call('GET', `/webhooks/${e.id}/deliveries/${sent.id}`, undefined, as);
  assert.equal(logged.statusCode, 200);
  assert.ok(!logged.body.includes('private note'));
  // An admin (every read scope) still may; the receiver now is the one the endpoint points at.
  const retried = await w.call('POST', `/webhooks/${e.id}/deliveries/${sent.id}/retry`);
  assert.equal(retried.statusCode, 202, retried.body);
  await until(() => thief.received.length === 1, 10_000, 'the retried delivery');
});

test('the outbound guard at send time: an endpoint saved while private targets were allowed is refused later', async () => {
  const database = await createTestDatabase();
  const permissive = await createTestApp({ database, env: webhookEnv() });
  const r = await receiver();
  const w = await tenant(permissive);
  const e = await endpoint(w, r.url);
  await permissive.close();
  const guarded = await createTestApp({ database, env: webhookEnv({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'false' }) });
  try {
    const g: Tenant = {
      ...w,
      call: (method, url, payload) =>
        guarded.request({
          method: method as 'GET',
          url: `/api/v1${url}`,
          headers: w.auth,
          ...(payload === undefined ? {} : { payload: payload as object }),
        }),
    };
    await emit(guarded, g);
    const [listed] = await until(async () => {
      const list = await deliveries(g, e.id);
      return list[0]?.attempts >= 1 ? list : null;
    });
    assert.match(listed.lastError, /^refused:/);
    assert.equal(listed.lastResponseStatus, null);
    const detail = await delivery(g, e.id, listed.id);
    assert.match(detail.attemptLog[0].error, /^refused:/);
    assert.equal(r.received.length, 0, 'nothing reached the private address');
  } finally {
    await guarded.close();
    await database.drop();
  }
});

test('a conversation created through the API arrives signed, its body the API resource', async () => {
  const w = await tenant(t);
  const r = await receiver();
  const e = await endpoint(w, r.url);
  const created = await w.call('POST', '/conversations', { subject: 'Webhooks please' });
  assert.equal(created.statusCode, 201, created.body);
  await until(() => r.ofType('conversation.created').length === 1, 10_000, 'conversation.created');
  r.verifyAll(e.secret);
  assert.deepEqual(r.ofType('conversation.created')[0].json.data, created.json);
});
