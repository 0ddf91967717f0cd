import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { QueryCounter } from '../keys/helpers.js';
import { DeliveryWorker } from '../../src/webhooks/delivery-worker.js';
import type { DeliveryAttempt } from '../../src/webhooks/attempt.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { webhookEnv } from './helpers.js';

async function endpoint(w: Tenant, events: string[]): Promise<string> {
  // Never called: dispatch only records deliveries, and this app's worker does not run.
  const created = await w.call('POST', '/webhooks', { url: 'http://127.0.0.1:9/hook', events });
  assert.equal(created.statusCode, 201, created.body);
  return created.json.id as string;
}

test('dispatching a batch is a fixed number of statements, with one delivery per subscribed endpoint and event', async () => {
  // The app's own worker waits a minute: this test runs the dispatch by hand.
  const t = await createTestApp({ env: webhookEnv({ WOES_WEBHOOK_POLL_MS: '60000' }) });
  try {
    const a = await tenant(t);
    const b = await tenant(t);
    const quiet = await tenant(t);
    const aMessages = await endpoint(a, ['message.created']);
    const aConversations = await endpoint(a, ['conversation.created']);
    const bBoth = await endpoint(b, ['conversation.created', 'message.created']);
    const expected = new Map<string, number>([
      [aMessages, 0],
      [aConversations, 0],
      [bBoth, 0],
    ]);
    for (const [w, n] of [
      [a, 12],
      [b, 9],
      [quiet, 5],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const conversation = await w.call('POST', '/conversations', { subject: `c${i}` });
        assert.equal(conversation.statusCode, 201, conversation.body);
        const message = await w.call('POST', `/conversations/${conversation.json.id}/messages`, {
          role: 'user',
          body: 'hello',
        });
        assert.equal(message.statusCode, 201, message.body);
      }
    }
    expected.set(aMessages, 12).set(aConversations, 12).set(bBoth, 18);

    // Counts the statements made inside `statements.requests.run` (BEGIN and COMMIT are the driver's).
    const statements = new QueryCounter();
    const worker = new DeliveryWorker(
      { ...t.app.woes, db: t.app.woes.db.withPlugin(statements) },
      {} as DeliveryAttempt,
    );
    const dispatch = () => statements.requests.run(true, () => worker.dispatch());
    // 52 events, 3 workspaces: the undispatched read, the marking update, one endpoint read per
    // workspace and one insert — the same for 5 events or 100.
    assert.equal(await dispatch(), 52);
    assert.equal(statements.count, 1 + 1 + 3 + 1, `statements for one batch: ${statements.count}`);
    assert.equal(await dispatch(), 0, 'every event was marked dispatched');

    const rows = await t.app.woes.db
      .selectFrom('webhookDeliveries')
      .innerJoin('webhookEvents', 'webhookEvents.id', 'webhookDeliveries.eventId')
      .select(['webhookDeliveries.endpointId', 'webhookEvents.type', 'webhookEvents.workspaceId'])
      .execute();
    for (const [id, n] of expected) {
      assert.equal(rows.filter((r) => r.endpointId === id).length, n, `deliveries of endpoint ${id}`);
    }
    assert.ok(rows.filter((r) => r.endpointId === aMessages).every((r) => r.type === 'message.created'));
    assert.ok(rows.filter((r) => r.endpointId === aConversations).every((r) => r.type === 'conversation.created'));
    assert.ok(rows.every((r) => r.workspaceId !== quiet.workspaceId));
    const undispatched = await t.app.woes.db
      .selectFrom('webhookEvents')
      .select('id')
      .where('dispatchedAt', 'is', null)
      .execute();
    assert.equal(undispatched.length, 0);
  } finally {
    await t.close();
  }
});
