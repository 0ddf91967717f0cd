import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { RECEIPT_RETENTION_MS } from '../../src/channels/inbound-service.js';
import { answerOf as answer } from '../helpers/sweep.js';
import { channelTenant, freshIp, rowCounts, sendInbound } from './helpers.js';

const HOUR = 3_600_000;

async function receiptsOf(t: TestApp, channelId: string): Promise<string[]> {
  const rows = await t.app.woes.db
    .selectFrom('inboundReceipts')
    .select('webhookId')
    .where('channelId', '=', channelId)
    .orderBy('webhookId')
    .execute();
  return rows.map((row) => row.webhookId);
}

test('the sweep deletes the receipts of a quiet channel once past the replay retention, and none inside it', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    const w = await channelTenant(t);
    const quiet = await w.createChannel('api', 'quiet sender');
    const message = (body: string) => ({ customer: { externalId: 'cus_quiet' }, body });
    const first = await sendInbound(t, quiet, message('First'), { webhookId: 'msg_old' });
    assert.equal(first.statusCode, 201, first.body);

    // An hour short of the retention: a second delivery, and nothing is swept.
    clock.advance(RECEIPT_RETENTION_MS - HOUR);
    const recent = await sendInbound(t, quiet, message('Second'), { webhookId: 'msg_recent' });
    assert.equal(recent.statusCode, 201, recent.body);
    assert.equal((await sweep())['inbound receipts'], 0);
    assert.deepEqual(await receiptsOf(t, quiet.id), ['msg_old', 'msg_recent']);

    // Two hours on, before the sweep: the first delivery replayed as it was sent (its signature
    // is now a day old) and the second sent again (signed anew, as a sender retries).
    clock.advance(2 * HOUR);
    const seen = async () => ({
      replayOld: await answer(
        sendInbound(t, quiet, message('First'), {
          webhookId: 'msg_old',
          timestamp: new Date(Date.now() - RECEIPT_RETENTION_MS),
          ip: freshIp(),
        }),
      ),
      retryRecent: await answer(sendInbound(t, quiet, message('Second'), { webhookId: 'msg_recent' })),
    });
    const rows = await rowCounts(t);
    const before = await seen();
    assert.equal(before.replayOld.statusCode, 401, 'a day-old signature is refused before any receipt is read');
    assert.deepEqual(before.retryRecent, { statusCode: 200, body: { ...recent.json, duplicate: true } });

    assert.equal((await sweep())['inbound receipts'], 1);
    assert.deepEqual(await receiptsOf(t, quiet.id), ['msg_recent']);
    assert.deepEqual(await seen(), before, 'every answer is the one given before the sweep');
    assert.deepEqual(await rowCounts(t), { ...rows, inboundReceipts: rows.inboundReceipts - 1 }, 'no message twice');
  } finally {
    await t.close();
  }
});
