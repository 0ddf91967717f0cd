import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import type { WebhookEventType } from '../../src/events/webhook-events.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { Receiver, until, webhookEnv } from './helpers.js';

const DAY = 86_400_000;

async function endpoint(w: Tenant, url: string, events: string[]): Promise<string> {
  const created = await w.call('POST', '/webhooks', { url, events });
  assert.equal(created.statusCode, 201, created.body);
  return created.json.id as string;
}

function emit(t: TestApp, w: Tenant, clock: TestClock, type: WebhookEventType): Promise<string> {
  return webhookOutbox.append(t.app.woes.db, {
    workspaceId: w.workspaceId,
    type,
    payload: { id: type },
    now: clock.now(),
  });
}

async function rowsOf(t: TestApp, eventId: string) {
  const db = t.app.woes.db;
  const event = await db.selectFrom('webhookEvents').select('id').where('id', '=', eventId).executeTakeFirst();
  const deliveries = await db
    .selectFrom('webhookDeliveries')
    .select(['id', 'status'])
    .where('eventId', '=', eventId)
    .execute();
  const attempts =
    deliveries.length === 0
      ? []
      : await db
          .selectFrom('webhookAttempts')
          .select('deliveryId')
          .where(
            'deliveryId',
            'in',
            deliveries.map((d) => d.id),
          )
          .execute();
  return { event: event !== undefined, deliveries, attempts: attempts.length };
}

test('the sweep deletes events past the retention with their deliveries and attempts, never one still pending', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ env: webhookEnv({ WOES_WEBHOOK_RETENTION_DAYS: '7' }), clock });
  const ok = await new Receiver().start();
  const down = await new Receiver().start();
  down.answer = () => ({ status: 503, body: 'down' });
  // The app sweeps every 10 minutes of real time; the test runs it at each step of its clock.
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    const w = await tenant(t);
    const toOk = await endpoint(w, ok.url, ['conversation.created', 'message.created']);
    await endpoint(w, down.url, ['message.created']);

    // Day 0: one event only the healthy endpoint takes, one the failing endpoint keeps pending.
    const delivered = await emit(t, w, clock, 'conversation.created');
    const stillPending = await emit(t, w, clock, 'message.created');
    await until(() => ok.received.length === 2 && down.received.length === 1, 10_000, 'first attempts');
    await until(
      async () => (await rowsOf(t, delivered)).deliveries.every((d) => d.status === 'succeeded'),
      10_000,
      'the first delivery recorded',
    );
    const before = await rowsOf(t, delivered);
    assert.deepEqual(
      [before.event, before.deliveries.length, before.attempts],
      [true, 1, 1],
      'the event, its delivery and its attempt exist before the retention ends',
    );

    // Day 6: a new event; a sweep deletes nothing yet.
    clock.advance(6 * DAY);
    const recent = await emit(t, w, clock, 'conversation.created');
    await until(() => ok.ofType('conversation.created').length === 2, 10_000, 'the day-6 event delivered');
    await until(() => down.received.length === 2, 10_000, 'the failing endpoint retried');
    assert.equal((await sweep())['webhook events'], 0);
    assert.equal((await rowsOf(t, delivered)).event, true, 'six days old, kept (retention 7 days)');

    // Day 8: the day-0 event and its delivery and attempt go; the one with a pending delivery stays.
    clock.advance(2 * DAY);
    assert.equal((await sweep())['webhook events'], 1);
    assert.deepEqual(await rowsOf(t, delivered), { event: false, deliveries: [], attempts: 0 });
    const retryGone = await w.call('POST', `/webhooks/${toOk}/deliveries/${before.deliveries[0].id}/retry`);
    assert.equal(retryGone.statusCode, 404, 'a swept delivery can no longer be retried');
    const pending = await rowsOf(t, stillPending);
    assert.equal(pending.event, true, 'an event with a pending delivery is kept past the retention');
    assert.ok(pending.deliveries.some((d) => d.status === 'pending'));
    assert.equal((await rowsOf(t, recent)).event, true, 'a recent event is kept');
    assert.ok(
      t.logs.lines.some((line) => {
        const entry = JSON.parse(line) as { msg?: string; sweep?: string; deleted?: number };
        return entry.msg === 'rows swept' && entry.sweep === 'webhook events' && entry.deleted === 1;
      }),
      'the sweep is logged with its count',
    );

    // Once its last delivery ends, the old event goes at the next sweep.
    down.answer = () => ({ status: 200, body: 'ok' });
    clock.advance(DAY);
    await until(
      async () => (await rowsOf(t, stillPending)).deliveries.every((d) => d.status === 'succeeded'),
      10_000,
      'the retried delivery succeeded',
    );
    assert.equal((await sweep())['webhook events'], 1);
    assert.equal((await rowsOf(t, stillPending)).event, false, 'the old event swept once delivered');
    assert.equal((await rowsOf(t, recent)).event, true, 'three days old: kept');

    // The deliveries log shows what is left.
    const list = await w.call('GET', `/webhooks/${toOk}/deliveries`);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(
      list.json.data.map((d: { eventId: string }) => d.eventId),
      [recent],
    );
  } finally {
    await t.close();
    await ok.stop();
    await down.stop();
  }
});

test('WOES_WEBHOOK_RETENTION_DAYS takes 1 to 3650 days, 30 by default', async () => {
  const { loadConfig } = await import('../../src/config.js');
  assert.equal(loadConfig({}).webhookRetentionDays, 30);
  assert.equal(loadConfig({ WOES_WEBHOOK_RETENTION_DAYS: '90' }).webhookRetentionDays, 90);
  assert.throws(() => loadConfig({ WOES_WEBHOOK_RETENTION_DAYS: '0' }), /WOES_WEBHOOK_RETENTION_DAYS/);
  assert.throws(() => loadConfig({ WOES_WEBHOOK_RETENTION_DAYS: 'forever' }), /WOES_WEBHOOK_RETENTION_DAYS/);
});
