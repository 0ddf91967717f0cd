import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { screenshot, signIn, useWoesAndChromium, withPage } from './browser.js';
import { createTeam } from './team.js';
import { Receiver, until } from '../webhooks/helpers.js';

const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = { name: 'Hugo Hook', email: `hugo.${RUN}@example.test`, password: 'correct horse battery staple' };
const AGENT = { name: 'Ada Agent', email: `ada.${RUN}@example.test`, password: 'correct horse battery staple' };

describe('Settings → Webhooks in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'true', WOES_WEBHOOK_POLL_MS: '50' });
  const receiver = new Receiver();

  before(async () => {
    await receiver.start();
    await createTeam(woes.server, OWNER, AGENT);
  });
  after(() => receiver.stop());

  test('create with event checkboxes, secret once, test ping reaches a loopback receiver, retry, rotate', async () => {
    await withPage(woes.browser, { viewport: { width: 1280, height: 900 } }, async ({ page, errors }) => {
      await signIn(page, woes.server, OWNER);
      await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByLabel('message.created').check();
      await page.getByRole('button', { name: 'Create endpoint' }).click();
      const secret = await page.getByLabel('Signing secret', { exact: true }).inputValue();
      assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const item = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').first();
      await item.getByText('conversation.created, message.created').waitFor();
      await screenshot(page, 'webhooks-01-created');

      // The test ping arrives signed with the secret the page showed.
      await item.getByRole('button', { name: /^Send test/ }).click();
      await until(() => receiver.ofType('ping').length === 1, 15_000, 'the ping');
      receiver.verifyAll(secret);
      await item.getByText('Test ping: succeeded (HTTP 200)').waitFor();
      const table = item.getByRole('table', { name: 'Deliveries' });
      await table.getByText('succeeded').waitFor();

      // Retry re-sends the delivery with the same webhook-id.
      await table
        .getByRole('button', { name: /^Retry/ })
        .first()
        .click();
      await until(() => receiver.received.length === 2, 15_000, 'the retried ping');
      assert.equal(receiver.received[1].id, receiver.received[0].id);
      assert.doesNotThrow(() => new Webhook(secret).verify(receiver.received[1].body, receiver.received[1].headers));

      // Rotation shows the new secret once; the old one keeps signing for 24 hours.
      await item.getByRole('button', { name: /^Rotate secret/ }).click();
      await page.getByText(/previous secret keeps signing for 24 hours/).waitFor();
      const rotated = await page.getByLabel('Signing secret', { exact: true }).inputValue();
      assert.notEqual(rotated, secret);
      await item.getByText('Previous secret').waitFor();
      await item.getByRole('button', { name: /^Send test/ }).click();
      await until(() => receiver.ofType('ping').length === 3, 15_000, 'the ping after rotation');
      receiver.verifyAll(secret);
      const last = receiver.received[2];
      assert.doesNotThrow(() => new Webhook(rotated).verify(last.body, last.headers), 'the new secret verifies too');
      await screenshot(page, 'webhooks-02-deliveries');

      await page.reload();
      await page.getByRole('list', { name: 'Webhook endpoints' }).waitFor();
      const html = await page.content();
      assert.ok(!html.includes(secret) && !html.includes(rotated), 'secrets are not shown again');

      const listed = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem').first();
      await listed.getByRole('button', { name: /^Delete/ }).click();
      await listed.getByRole('button', { name: `Delete ${receiver.url}` }).click();
      await page.getByText('No webhook endpoints yet.').waitFor();
      assert.deepEqual(errors, []);
    });
  });
});
