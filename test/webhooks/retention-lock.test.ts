import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import { deliveryRepository } from '../../src/webhooks/delivery-repository.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { Receiver, until, webhookEnv } from './helpers.js';

// A file of its own: event ids take the latest time any id in the process was made with, so a
// test clock moved on by an earlier test in the same process would date this one's events ahead.
const DAY = 86_400_000;

async function endpoint(w: Tenant, url: string, events: string[]): Promise<string> {
  const created = await w.call('POST', '/webhooks', { url, events });
  assert.equal(created.statusCode, 201, created.body);
  return created.json.id as string;
}

async function deliveryStatuses(t: TestApp, eventId: string): Promise<string[]> {
  const rows = await t.app.woes.db
    .selectFrom('webhookDeliveries')
    .select('status')
    .where('eventId', '=', eventId)
    .execute();
  return rows.map((r) => r.status);
}

test('on PostgreSQL an event a retry has locked is skipped by the sweep, not waited for, and swept after', async (context) => {
  const clock = new TestClock();
  const t = await createTestApp({ env: webhookEnv({ WOES_WEBHOOK_RETENTION_DAYS: '7' }), clock });
  const ok = await new Receiver().start();
  try {
    if (t.storage.dialect !== 'postgres') return context.skip('row locks: PostgreSQL only (SQLite has one writer)');
    const w = await tenant(t);
    await endpoint(w, ok.url, ['conversation.created']);
    const eventId = await webhookOutbox.append(t.app.woes.db, {
      workspaceId: w.workspaceId,
      type: 'conversation.created',
      payload: { id: 'conv_1' },
      now: clock.now(),
    });
    await until(
      async () => (await deliveryStatuses(t, eventId)).includes('succeeded'),
      10_000,
      'the delivery recorded',
    );
    clock.advance(8 * DAY);
    // A retry holds the event (lockEvent, as DeliveriesService.retry does) while the sweep runs on another connection.
    await t.app.woes.db.transaction().execute(async (trx) => {
      assert.equal(await deliveryRepository.lockEvent(trx, 'postgres', eventId), true);
      assert.equal((await t.app.woes.sweeper.runOnce())['webhook events'], 0, 'skipped while locked');
    });
    assert.equal((await t.app.woes.sweeper.runOnce())['webhook events'], 1, 'swept once the lock is gone');
    assert.deepEqual(await deliveryStatuses(t, eventId), [], 'its delivery went with it');
  } finally {
    await t.close();
    await ok.stop();
  }
});
