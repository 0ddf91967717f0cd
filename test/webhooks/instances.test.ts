import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDatabase } from '../helpers/app.js';
import { LOCAL_POSTGRES_URL, TEST_DATABASE_URL } from '../helpers/env.js';
import { reachable } from '../events/reachable.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import { tenant } from '../support/api-helpers.js';
import { Receiver, until, webhookEnv } from './helpers.js';

const POSTGRES = TEST_DATABASE_URL ?? LOCAL_POSTGRES_URL;
const EVENTS = 60;

test('two instances on PostgreSQL: 60 events, each attempt made by one of them — no event delivered twice', async (context) => {
  if (!(await reachable(POSTGRES))) return context.skip(`${POSTGRES} unreachable`);
  const database = await createTestDatabase({ postgres: POSTGRES });
  const a = await createTestApp({ database, env: webhookEnv() });
  const b = await createTestApp({ database, env: webhookEnv() });
  const receiver = await new Receiver().start();
  const seen = new Map<string, number>();
  // Each event's first attempt gets a 500, its retry a 200: every attempt is claimed anew.
  receiver.answer = (request) => {
    const n = (seen.get(request.id) ?? 0) + 1;
    seen.set(request.id, n);
    return { status: n === 1 ? 500 : 200 };
  };
  try {
    const w = await tenant(a);
    const created = await w.call('POST', '/webhooks', { url: receiver.url, events: ['message.created'] });
    const { secret } = created.json;
    const ids: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const db = (i % 2 === 0 ? a : b).app.woes.db;
      ids.push(
        await webhookOutbox.append(db, {
          workspaceId: w.workspaceId,
          type: 'message.created',
          payload: { id: `msg_${i}` },
          now: Date.now(),
        }),
      );
    }
    await until(() => ids.every((id) => seen.get(id) === 2), 60_000, 'every event delivered');
    // Let any duplicate arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(receiver.received.length, EVENTS * 2);
    for (const id of ids) assert.equal(seen.get(id), 2, `${id}: one failed attempt and one success`);
    receiver.verifyAll(secret);
    const deliveries = await a.app.woes.db.selectFrom('webhookDeliveries').selectAll().execute();
    assert.equal(deliveries.length, EVENTS, 'one delivery per event and endpoint');
    assert.ok(deliveries.every((d) => d.status === 'succeeded' && Number(d.attemptCount) === 2));
    const attempts = await a.app.woes.db.selectFrom('webhookAttempts').select('deliveryId').execute();
    assert.equal(attempts.length, EVENTS * 2);
  } finally {
    await a.close();
    await b.close();
    await receiver.stop();
    await database.drop();
  }
});
