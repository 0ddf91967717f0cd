import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../helpers/app.js';
import { SMTPSink } from '../helpers/smtp-sink.js';
import { addMember, createApiKey } from '../helpers/fixtures.js';
import { webhookOutbox } from '../../src/events/webhook-outbox.js';
import { Mailer } from '../../src/accounts/mail/mailer.js';
import type { KeyGovernanceJob } from '../../src/keys/governance-job.js';
import { tenant } from '../support/api-helpers.js';
import { emitEvent, Receiver, until, webhookEnv } from './helpers.js';

const DAY = 24 * 3600 * 1000;

test('notices to owners have their own budget: 6 expiring keys make one digest, the endpoint-disabled notice still arrives, requested mail stays capped at 5', async () => {
  const sink = new SMTPSink();
  const smtpUrl = await sink.start();
  const t = await createTestApp({ env: webhookEnv({ WOES_WEBHOOK_RETRY_SCALE: '0.00001', SMTP_URL: smtpUrl }) });
  const r = await new Receiver().start();
  r.answer = () => ({ status: 503, body: 'down' });
  try {
    const w = await tenant(t);
    await addMember(t, w.workspaceId, 'owner', 'busy-owner@example.com');
    const governance = (
      t.app.woes.modules.find((m) => m.name === 'keys') as unknown as { governance: KeyGovernanceJob }
    ).governance;
    // The job also runs on its own at start: stop it (waiting for that run) so only the runs below claim keys.
    await governance.close();
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const keys = [];
    for (const [i, name] of names.entries()) {
      keys.push(await createApiKey(t, w.workspaceId, ['read'], { name, expiresAt: Date.now() + (i + 2) * DAY }));
    }
    const run = await governance.run();
    assert.deepEqual([...run.warned].sort(), keys.map((k) => k.id).sort());
    // One key.expiring event per key, as before.
    assert.equal((await webhookOutbox.list(t.app.woes.db, w.workspaceId, { type: 'key.expiring' })).length, 6);
    const [digest] = await until(() => (sink.to('busy-owner@example.com').length > 0 ? sink.messages : null));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(sink.to('busy-owner@example.com').length, 1, 'one email for the run, not one per key');
    assert.match(digest.subject, /6 API keys/);
    for (const name of names) assert.ok(digest.text.includes(`"${name}"`), `the digest lists ${name}`);
    // A second run announces nothing again.
    assert.deepEqual((await governance.run()).warned, []);

    // A security notice (endpoint disabled) is not crowded out by the routine ones.
    const created = await w.call('POST', '/webhooks', { url: r.url, events: ['customer.created'] });
    assert.equal(created.statusCode, 201, created.body);
    await emitEvent(t, w.workspaceId, 'customer.created', 'cust_1');
    await until(() => sink.to('busy-owner@example.com').some((m) => /disabled/.test(m.subject)), 30_000, 'notice');

    // Mail a caller asks for is still capped at 5 per recipient per hour, and the notices did not spend it.
    const requested = new Mailer(t.app.woes);
    for (let i = 1; i <= 6; i++) {
      requested.send({ to: 'busy-owner@example.com', subject: `Reset ${i}`, text: 'requested' });
    }
    await requested.close();
    const resets = sink.to('busy-owner@example.com').filter((m) => /^Reset /.test(m.subject));
    assert.deepEqual(
      resets.map((m) => m.subject).sort(),
      ['Reset 1', 'Reset 2', 'Reset 3', 'Reset 4', 'Reset 5'],
      'five requested emails, the sixth suppressed',
    );
  } finally {
    await t.close();
    await r.stop();
    await sink.close();
  }
});

test('routine notices are capped per recipient too (30 an hour), in a budget security notices do not share', async () => {
  const sink = new SMTPSink();
  const smtpUrl = await sink.start();
  const t = await createTestApp({ env: { SMTP_URL: smtpUrl } });
  try {
    const mailer = new Mailer(t.app.woes);
    for (let i = 0; i < 32; i++) mailer.send({ kind: 'notice', to: 'o@example.com', subject: `n${i}`, text: '.' });
    await mailer.idle();
    mailer.send({ kind: 'security', to: 'o@example.com', subject: 'security', text: '.' });
    mailer.send({ to: 'o@example.com', subject: 'requested', text: '.' });
    await mailer.close();
    const got = sink.to('o@example.com').map((m) => m.subject);
    assert.equal(got.filter((s) => /^n\d+$/.test(s)).length, 30);
    assert.ok(got.includes('security'));
    assert.ok(got.includes('requested'));
  } finally {
    await t.close();
    await sink.close();
  }
});
