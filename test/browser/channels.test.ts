import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Webhook } from 'standardwebhooks';
import { screenshot, signIn, useWoesAndChromium, withPage } from './browser.js';
import { createTeam } from './team.js';

// Issue #15, inbound: an owner creates a channel in Settings → Channels, the sender signs a
// message with the secret shown once, and the conversation appears in the Inbox.
const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = { name: 'Olga Owner', email: `olga.${RUN}@example.test`, password: 'correct horse battery staple' };
const AGENT = { name: 'Abel Agent', email: `abel.${RUN}@example.test`, password: 'another long passphrase 42' };
const SUBJECT = `Order ${RUN} never arrived`;

describe('Settings → Channels in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium();
  before(() => createTeam(woes.server, OWNER, AGENT));

  test('create a channel, sign an inbound message with its secret, see it in the Inbox; rotate and delete', async () => {
    await withPage(woes.browser, { viewport: { width: 1280, height: 860 } }, async ({ page, errors }) => {
      await signIn(page, woes.server, OWNER);
      await page.getByRole('link', { name: 'Channels', exact: true }).click();
      await page.waitForURL('**/app/settings/channels');
      await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
      await page.getByText('No channels yet.').waitFor();

      await page.getByLabel('Name').fill('Order system');
      await page.getByLabel('Type').selectOption('api');
      await page.getByRole('button', { name: 'Create channel' }).click();
      const notice = page.getByRole('status', { name: 'New channel secret' });
      await notice.waitFor();
      const secret = await notice.getByLabel('Signing secret').inputValue();
      const inboundUrl = await notice.getByLabel('Inbound URL').inputValue();
      assert.match(secret, /^whsec_/);
      assert.match(inboundUrl, new RegExp(`^${woes.server.url}/api/v1/webhooks/inbound/ch_`));
      const item = page.getByRole('list', { name: 'Channels' }).getByRole('listitem');
      await item.getByRole('heading', { name: 'Order system' }).waitFor();
      await screenshot(page, 'channels-01-created');

      // The sender's side: sign the exact bytes and POST them, as the README shows.
      const body = JSON.stringify({
        customer: { externalId: `cus-${RUN}`, name: 'Ada Lovelace', email: `ada.${RUN}@example.test` },
        subject: SUBJECT,
        body: 'The parcel tracking has not moved for a week.',
      });
      const id = `msg_${RUN}`;
      const now = new Date();
      const response = await fetch(inboundUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(id, now, body),
        },
        body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      const { conversationId } = (await response.json()) as { conversationId: string };

      await page.getByRole('link', { name: 'Inbox', exact: true }).click();
      await page.waitForURL('**/app/inbox');
      const listed = page
        .getByRole('list', { name: 'Conversations' })
        .getByRole('link', { name: new RegExp(`${SUBJECT}.*Ada Lovelace`) });
      await listed.waitFor();
      await listed.click();
      await page.waitForURL(new RegExp(`/app/inbox/${conversationId}`));
      await page
        .getByRole('list', { name: 'Messages' })
        .getByText('The parcel tracking has not moved for a week.')
        .waitFor();
      await screenshot(page, 'channels-02-inbox');

      // Back in Settings: rotate (a new secret, the old one in grace), then delete.
      await page.getByRole('link', { name: 'Channels', exact: true }).click();
      await page.getByRole('button', { name: 'Rotate secret of Order system' }).click();
      const rotated = page.getByRole('status', { name: 'New channel secret' });
      await rotated.getByText('The previous one keeps working for 24 hours.').waitFor();
      assert.notEqual(await rotated.getByLabel('Signing secret').inputValue(), secret);
      await page.getByText('Previous secret').waitFor();
      await page.getByRole('button', { name: 'Delete Order system' }).click();
      await page.getByRole('button', { name: 'Delete Order system' }).click();
      await page.getByText('No channels yet.').waitFor();
      const refused = await fetch(inboundUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': `${id}-2`,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(`${id}-2`, now, body),
        },
        body,
      });
      assert.equal(refused.status, 401, 'a deleted channel refuses its sender');
      assert.deepEqual(errors, []);
    });
  });
});
