import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { SMTPSink } from '../helpers/smtp-sink.js';
import { addMember } from '../helpers/fixtures.js';
import { MAX_ATTEMPTS } from '../../src/webhooks/schedule.js';
import { tenant } from '../support/api-helpers.js';
import { emitEvent, Receiver, until, webhookEnv } from './helpers.js';

test('failing for the whole schedule: the delivery fails, the endpoint is disabled and its owners are emailed', async () => {
  const sink = new SMTPSink();
  const smtpUrl = await sink.start();
  // 3 days × 0.00001 ≈ 2.6 s for the ten attempts.
  const t = await createTestApp({ env: webhookEnv({ WOES_WEBHOOK_RETRY_SCALE: '0.00001', SMTP_URL: smtpUrl }) });
  const r = await new Receiver().start();
  r.answer = () => ({ status: 503, body: 'down for maintenance' });
  try {
    const w = await tenant(t);
    await addMember(t, w.workspaceId, 'owner', 'owner@example.com');
    await addMember(t, w.workspaceId, 'agent', 'agent@example.com');
    const created = await w.call('POST', '/webhooks', { url: r.url, events: ['customer.created'] });
    const { id, secret } = created.json;
    await emitEvent(t, w.workspaceId, 'customer.created', 'cust_1');
    await until(async () => (await w.call('GET', `/webhooks/${id}`)).json.status === 'disabled', 30_000, 'disabled');
    const endpoint = (await w.call('GET', `/webhooks/${id}`)).json;
    assert.equal(endpoint.disabledReason, 'failing');
    const [delivery] = (await w.call('GET', `/webhooks/${id}/deliveries`)).json.data;
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts, MAX_ATTEMPTS);
    assert.equal(delivery.nextAttemptAt, null);
    assert.equal(r.received.length, MAX_ATTEMPTS);
    assert.equal(new Set(r.received.map((x) => x.id)).size, 1, 'one webhook-id for every attempt');
    r.verifyAll(secret);
    await until(() => sink.to('owner@example.com').length === 1, 10_000, 'the owner email');
    const [mail] = sink.to('owner@example.com');
    assert.match(mail.subject, /disabled/);
    assert.ok(mail.text.includes(r.url));
    assert.ok(mail.text.includes('/app/settings/webhooks'));
    assert.equal(sink.to('agent@example.com').length, 0, 'only owners are emailed');
    assert.ok(!mail.raw.includes(secret.slice(6, 30)));
  } finally {
    await t.close();
    await r.stop();
    await sink.close();
  }
});
