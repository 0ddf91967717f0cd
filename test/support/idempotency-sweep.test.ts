import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../src/support/idempotency/idempotency.js';
import { sweptCounts } from '../helpers/sweep.js';
import { tenant } from './api-helpers.js';

async function keysOf(t: TestApp, workspaceId: string): Promise<string[]> {
  const rows = await t.app.woes.db
    .selectFrom('idempotencyKeys')
    .select('idempotencyKey')
    .where('workspaceId', '=', workspaceId)
    .orderBy('idempotencyKey')
    .execute();
  return rows.map((row) => row.idempotencyKey);
}

test('the sweep deletes the idempotency keys of idle workspaces once past the window, and none inside it', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    // Two workspaces with the same history; `idle` writes nothing more before the sweep.
    const idle = await tenant(t);
    const busy = await tenant(t);
    const create = (w: typeof idle, name: string, key: string) =>
      w.call('POST', '/agents', { name }, { 'idempotency-key': key });
    const first = await create(idle, 'Old', 'k-old');
    const busyFirst = await create(busy, 'Old', 'k-old');
    clock.advance(1);
    const edge = await create(idle, 'Edge', 'k-edge');
    assert.deepEqual([first.statusCode, busyFirst.statusCode, edge.statusCode], [201, 201, 201]);

    // Inside the window nothing goes.
    clock.advance(IDEMPOTENCY_WINDOW_MS - 2);
    assert.equal((await sweep())['idempotency keys'], 0);

    // Exactly the window after the first create: the service no longer replays it (the busy
    // workspace asks, and forgets its own record as it stores the next)...
    clock.advance(1);
    const busyAgain = await create(busy, 'Old', 'k-old');
    assert.equal(busyAgain.statusCode, 201);
    assert.equal(busyAgain.headers['idempotent-replayed'], undefined);
    assert.notEqual(busyAgain.json.id, busyFirst.json.id);

    // ...and the sweep deletes the idle workspace's: the same window. The one a millisecond younger stays.
    assert.deepEqual(await keysOf(t, idle.workspaceId), ['k-edge', 'k-old']);
    assert.equal((await sweep())['idempotency keys'], 1);
    assert.deepEqual(await keysOf(t, idle.workspaceId), ['k-edge']);
    assert.deepEqual(await keysOf(t, busy.workspaceId), ['k-old'], "the busy workspace's new record is kept");

    // The idle workspace is answered as the busy one was: a new agent, not a replay; the younger key still replays.
    const idleAgain = await create(idle, 'Old', 'k-old');
    assert.equal(idleAgain.statusCode, busyAgain.statusCode);
    assert.equal(idleAgain.headers['idempotent-replayed'], undefined);
    assert.notEqual(idleAgain.json.id, first.json.id);
    const edgeAgain = await create(idle, 'Edge', 'k-edge');
    assert.equal(edgeAgain.statusCode, 201);
    assert.equal(edgeAgain.headers['idempotent-replayed'], 'true');
    assert.deepEqual(edgeAgain.json, edge.json);
  } finally {
    await t.close();
  }
});

test('two instances sweeping at once delete each row once, and neither fails', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const second = await createTestApp({ database: t.database, clock });
  try {
    const rows = 1000;
    const created = clock.now();
    for (let i = 0; i < rows; i += 250) {
      await t.app.woes.db
        .insertInto('idempotencyKeys')
        .values(
          Array.from({ length: 250 }, (_, j) => ({
            workspaceId: `ws_${(i + j) % 7}`,
            credential: 'key:test',
            idempotencyKey: `k-${i + j}`,
            requestHash: 'h',
            statusCode: 201,
            responseBody: '{}',
            createdAt: created + ((i + j) % 13),
          })),
        )
        .execute();
    }
    // Past the window only now: a start-up sweep already running reads the time it started at.
    clock.advance(IDEMPOTENCY_WINDOW_MS + 20);
    await Promise.all([t.app.woes.sweeper.runOnce(), second.app.woes.sweeper.runOnce()]);
    // Counted from the logs: each instance's own start-up sweep may still be running too.
    const swept = [t, second].flatMap((app) => sweptCounts(app, 'idempotency keys'));
    assert.equal(
      swept.reduce((sum, n) => sum + n, 0),
      rows,
    );
    const left = await t.app.woes.db
      .selectFrom('idempotencyKeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0);
    for (const app of [t, second]) assert.ok(!app.logs.text.includes('sweep failed'), app.logs.text);
  } finally {
    await second.close();
    await t.close();
  }
});
