import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, useWoesAndChromium, withContext, withPage } from './browser.js';
import { waitForLink } from './outbox.js';
import { api, signUpOwner, type Auth } from './team.js';

// Unique per run: with Redis, per-recipient email limits outlive one run.
const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = {
  name: 'Petra',
  email: `petra.${RUN}@example.test`,
  password: 'correct horse battery staple',
  workspace: 'Portal Co',
};
const ADA = `ada.${RUN}@example.test`;
const BOB = `bob.${RUN}@example.test`;

describe('the customer portal in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium();
  let agent: Auth;
  let workspaceId: string;
  const conversations: Record<string, string> = {};

  before(async () => {
    agent = await signUpOwner(woes.server, OWNER);
    workspaceId = agent.workspaceId;
    for (const [who, email] of [
      ['Ada', ADA],
      ['Bob', BOB],
    ]) {
      const created = await api(woes.server, 'POST', '/conversations', {
        ...agent,
        body: { subject: `${who}'s question`, customer: { id: who, name: who, email } },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      conversations[who] = created.body.id;
      for (const [role, body] of [
        ['user', `Hello from ${who}`],
        ['agent', `Answer for ${who}`],
        ['note', `Internal note on ${who}`],
      ]) {
        assert.equal(
          (
            await api(woes.server, 'POST', `/conversations/${created.body.id}/messages`, {
              ...agent,
              body: { role, body },
            })
          ).status,
          201,
        );
      }
    }
  });

  test('a scanner that opens the link (JavaScript and all) but never clicks Continue leaves it usable', async () => {
    assert.equal(
      (await api(woes.server, 'POST', '/portal/magic-link', { body: { workspaceId, email: ADA } })).status,
      202,
    );
    const link = await waitForLink(woes.server.dataDir, ADA, `/portal/${workspaceId}/continue`);

    await withContext(woes.browser, {}, async (scanner) => {
      const scan = await scanner.newPage();
      await scan.goto(link, { waitUntil: 'networkidle' });
      assert.match(await scan.locator('h1').innerText(), /Portal Co/);
      assert.equal(await scan.getByRole('button', { name: 'Continue' }).count(), 1);
      await scan.reload({ waitUntil: 'networkidle' });
    });

    // Ada opens the same link later, in her own browser, and presses Continue.
    await withPage(woes.browser, {}, async ({ page, errors }) => {
      await page.goto(link);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Your conversations' }).waitFor();
      assert.doesNotMatch(page.url(), /session=|token=/, 'no token left in the address bar');
      // The heading shows while the list is still loading: wait for the list itself (allInnerTexts does not wait).
      const list = page.getByRole('list', { name: 'Conversations' });
      await list.waitFor();
      const items = list.getByRole('listitem');
      assert.deepEqual(
        await items.allInnerTexts().then((texts) => texts.map((t) => t.split('\n')[0].replace(/ open.*$/, ''))),
        ["Ada's question"],
      );

      await page.getByRole('button', { name: "Ada's question" }).click();
      const thread = page.getByRole('list', { name: 'Messages' });
      await thread.getByText('Answer for Ada').waitFor();
      assert.ok(!(await thread.innerText()).includes('Internal note'), 'notes never reach the customer');
      await page.getByLabel('Your reply').fill('Thanks, that solved it');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await thread.getByText('Thanks, that solved it').waitFor();
      await screenshot(page, 'portal-thread');

      // The agent sees the reply in the Inbox, and through the API as the customer's message.
      await withPage(woes.browser, { viewport: { width: 1280, height: 860 } }, async ({ page: agentPage }) => {
        await signIn(agentPage, woes.server, OWNER);
        await agentPage.waitForURL(/\/app\/(?!sign-in)/);
        await agentPage.goto(`${woes.server.url}/app/inbox`);
        await agentPage
          .getByRole('list', { name: 'Conversations' })
          .getByRole('link', { name: /Ada's question/ })
          .click();
        await agentPage
          .getByRole('article', { name: 'Conversation' })
          .getByRole('list', { name: 'Messages' })
          .getByText('Thanks, that solved it')
          .waitFor();
        await screenshot(agentPage, 'portal-reply-in-inbox');
      });
      const messages = await api(woes.server, 'GET', `/conversations/${conversations.Ada}/messages`, agent);
      const reply = messages.body.data.find((m: { body: string }) => m.body === 'Thanks, that solved it');
      assert.equal(reply?.role, 'user');
      assert.equal(reply?.author.type, 'customer');
      assert.deepEqual(errors, []);
    });
  });

  test("a page opened with someone else's session in its URL does not sign the visitor in (login CSRF)", async () => {
    // Eve signs herself in through the API and sends Ada a portal link carrying her own session.
    const EVE = `eve.${RUN}@example.test`;
    assert.equal(
      (
        await api(woes.server, 'POST', '/conversations', {
          ...agent,
          body: { subject: "Eve's question", customer: { id: 'Eve', name: 'Eve', email: EVE } },
        })
      ).status,
      201,
    );
    assert.equal(
      (await api(woes.server, 'POST', '/portal/magic-link', { body: { workspaceId, email: EVE } })).status,
      202,
    );
    const link = await waitForLink(woes.server.dataDir, EVE, `/portal/${workspaceId}/continue`);
    const token = new URL(link).searchParams.get('token');
    const session = await api(woes.server, 'POST', '/portal/session', { body: { token, workspaceId } });
    assert.equal(session.status, 201, JSON.stringify(session.body));

    await withPage(woes.browser, {}, async ({ page, errors }) => {
      await page.goto(`${woes.server.url}/app/portal/${workspaceId}#session=${session.body.sessionToken}`);
      await page
        .getByRole('status')
        .getByText(/not opened in this browser/)
        .waitFor();
      await page.getByRole('heading', { name: 'Your support conversations' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Your conversations' }).count(), 0);
      assert.doesNotMatch(page.url(), /session=/, 'the fragment is gone from the address bar');
      assert.equal(
        await page.evaluate('JSON.stringify(Object.keys(sessionStorage))'),
        '[]',
        "Eve's session is not kept",
      );
      await screenshot(page, 'portal-foreign-session');
      assert.deepEqual(errors, []);
    });
  });

  test('a second customer signs in from the portal page and sees none of the first one’s conversations', async () => {
    await withPage(woes.browser, {}, async ({ page, errors }) => {
      await page.goto(`${woes.server.url}/app/portal/${workspaceId}`);
      await page.getByLabel('Email').fill(BOB);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      await page.getByRole('link', { name: 'Open the sign-in link' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Your conversations' }).waitFor();
      const list = await page.getByRole('list', { name: 'Conversations' }).innerText();
      assert.match(list, /Bob's question/);
      assert.doesNotMatch(list, /Ada/);
      await screenshot(page, 'portal-conversations');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Your support conversations' }).waitFor();
      assert.deepEqual(errors, []);
    });
  });
});
