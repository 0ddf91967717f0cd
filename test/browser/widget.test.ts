import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenshot, signIn, useWoesAndChromium, withPage } from './browser.js';
import { api, signUpOwner, type Auth } from './team.js';

const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = {
  name: 'Wanda Widget',
  email: `wanda.${RUN}@example.test`,
  password: 'correct horse battery staple',
  workspace: 'Widget Co',
};

describe('the embeddable widget in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium();
  let forbidden: http.Server;
  let forbiddenURL: string;
  let agent: Auth;
  let widgetKey: string;

  before(async () => {
    agent = await signUpOwner(woes.server, OWNER);
    // The demo page is served by Woes itself, so the key allows the server's own origin.
    const created = await api(woes.server, 'POST', '/widget-keys', {
      ...agent,
      body: { name: 'Demo', allowedOrigins: [woes.server.url] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    widgetKey = created.body.key;
    // Another loopback port is another origin, which the key does not allow.
    forbidden = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1><script src="${woes.server.url}/widget.js" data-woes-key="${widgetKey}"></script>`,
      );
    });
    await new Promise<void>((resolve) => forbidden.listen(0, '127.0.0.1', resolve));
    forbiddenURL = `http://127.0.0.1:${(forbidden.address() as AddressInfo).port}/`;
  });
  after(() => new Promise((resolve) => forbidden?.close(resolve)));

  test('a visitor starts a conversation from the demo page, sees the agent answer, reloads and keeps the thread', async () => {
    await withPage(woes.browser, {}, async ({ page, errors }) => {
      await page.goto(`${woes.server.url}/widget-demo?key=${widgetKey}`);
      await page.getByRole('button', { name: 'Chat' }).click();
      await page.getByLabel('Message').fill('Hello, where is my parcel?');
      await page.getByRole('button', { name: 'Send' }).click();
      await page
        .locator('[data-woes-widget] [data-role="user"]', { hasText: 'where is my parcel' })
        .waitFor()
        .catch(async (error: Error) => {
          const status = await page.locator('[data-woes-widget] .s').textContent();
          throw new Error(
            `${error.message}\nwidget status: ${status}\npage errors: ${errors.join('\n')}\nserver: ${woes.server.output().slice(-2000)}`,
          );
        });
      await screenshot(page, 'widget-01-started');

      // The agent answers in the Inbox, in a second browser context signed in as the owner.
      await withPage(woes.browser, { viewport: { width: 1280, height: 860 } }, async ({ page: inbox }) => {
        await signIn(inbox, woes.server, OWNER);
        await inbox.getByRole('link', { name: 'Inbox', exact: true }).click();
        await inbox.getByRole('list', { name: 'Conversations' }).getByRole('link').first().click();
        const thread = inbox.getByRole('article', { name: 'Conversation' });
        const messages = thread.getByRole('list', { name: 'Messages' });
        await messages.getByText('Hello, where is my parcel?').waitFor();
        await thread.getByLabel('Reply').fill('It left our warehouse today.');
        await thread.getByRole('button', { name: 'Send' }).click();
        await messages.getByText('It left our warehouse today.').waitFor();
        await thread.getByLabel('Reply').fill('internal: carrier is late');
        await thread.getByRole('button', { name: 'Add note' }).click();
        await messages.getByText('internal: carrier is late').waitFor();
        await screenshot(inbox, 'widget-02-inbox-answer');

        // Settings → Widget keys: the identity secret is shown once; the key shows its mobile flag and a demo link.
        await inbox.getByRole('link', { name: 'Widget keys', exact: true }).click();
        await inbox.getByRole('button', { name: 'Create identity secret' }).click();
        const shown = await inbox.getByLabel('Identity secret', { exact: true }).inputValue();
        assert.match(shown, /^woesis_[0-9A-Za-z]{38}$/);
        await inbox.getByLabel(/Require identity verification/).waitFor();
        const keyItem = inbox.getByRole('list', { name: 'Widget keys' }).getByRole('listitem').first();
        await keyItem.getByText('Mobile apps').waitFor();
        await keyItem.getByRole('button', { name: /Open demo/ }).click();
        await keyItem.getByLabel(/Paste the key/).fill(widgetKey);
        assert.equal(
          await keyItem.getByRole('link', { name: 'Open demo' }).getAttribute('href'),
          `/widget-demo?key=${widgetKey}`,
        );
        await screenshot(inbox, 'widget-02b-settings');
        await inbox.reload();
        await inbox
          .getByText(/created/)
          .first()
          .waitFor();
        assert.ok(!(await inbox.content()).includes(shown), 'the identity secret is not shown again');
      });

      // The widget polls (every 15 s by default) and shows the reply.
      await page
        .locator('[data-woes-widget] [data-role="agent"]', { hasText: 'left our warehouse' })
        .waitFor({ timeout: 40_000 });
      await screenshot(page, 'widget-03-answered');

      await page.reload();
      await page.getByRole('button', { name: 'Chat' }).click();
      await page.locator('[data-woes-widget] [data-role="agent"]', { hasText: 'left our warehouse' }).waitFor();
      const thread = await page.locator('[data-woes-widget] .m').allTextContents();
      assert.deepEqual(thread, ['Hello, where is my parcel?', 'It left our warehouse today.']);
      // The history secret lives in the host origin's localStorage, under the workspace's name.
      const stored = await page.evaluate('Object.keys(localStorage)');
      assert.deepEqual(stored, [`woes:widget:${agent.workspaceId}`]);
      assert.deepEqual(errors, []);
    });
  });

  test('the same widget on a page from a forbidden origin gets no CORS and creates no conversation', async () => {
    await withPage(woes.browser, {}, async ({ page }) => {
      await page.goto(forbiddenURL);
      await page.getByRole('button', { name: 'Chat' }).click();
      await page.getByLabel('Message').fill('Let me in');
      await page.getByRole('button', { name: 'Send' }).click();
      // The preflight is refused (403, no CORS headers), so the page cannot even read the answer.
      const outcome = await page.evaluate(
        async ({ url, key }) => {
          try {
            const r = await fetch(`${url}/api/v1/widget/conversations`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-woes-widget-key': key },
              body: JSON.stringify({ body: 'direct' }),
            });
            return `status ${r.status}`;
          } catch (error) {
            return `blocked: ${(error as Error).name}`;
          }
        },
        { url: woes.server.url, key: widgetKey },
      );
      assert.equal(outcome, 'blocked: TypeError');
      await screenshot(page, 'widget-04-forbidden-origin');
      const list = await api(woes.server, 'GET', '/conversations', agent);
      assert.equal(list.body.data.length, 1, 'only the first test’s conversation exists');
      assert.deepEqual(await page.evaluate('Object.keys(localStorage)'), []);
    });
  });
});
