import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, signIn, useWoesAndChromium, waitForExpression, withPage } from './browser.js';
import { api, createTeam, type Team } from './team.js';

// Issue #13, the agent side: an agent answers a conversation in the Inbox, and what customers
// write while the thread is open appears without a reload.
const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = { name: 'Inez Owner', email: `inez.${RUN}@example.test`, password: 'correct horse battery staple' };
const AGENT = { name: 'Arno Agent', email: `arno.${RUN}@example.test`, password: 'another long passphrase 42' };
const SUBJECT = 'Cannot reset my password';

describe('the Inbox in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium();
  const viewport = { width: 1280, height: 860 };
  let team: Team;
  let conversationId: string;

  before(async () => {
    team = await createTeam(woes.server, OWNER, AGENT);
    const created = await api(woes.server, 'POST', '/conversations', {
      token: team.key,
      body: {
        subject: SUBJECT,
        customer: { id: `cus-${RUN}`, name: 'Ada Lovelace', email: `ada.${RUN}@example.test` },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    conversationId = created.body.id;
    const first = await api(woes.server, 'POST', `/conversations/${conversationId}/messages`, {
      token: team.key,
      body: { role: 'user', body: 'The reset email never arrives.' },
    });
    assert.equal(first.status, 201);
  });

  async function customerSays(body: string): Promise<void> {
    const posted = await api(woes.server, 'POST', `/conversations/${conversationId}/messages`, {
      token: team.key,
      body: { role: 'user', body },
    });
    assert.equal(posted.status, 201);
  }
  async function conversation(): Promise<Record<string, unknown>> {
    return (await api(woes.server, 'GET', `/conversations/${conversationId}`, { token: team.key })).body;
  }
  /** The subjects the current view lists. */
  async function listed(page: Page): Promise<string[]> {
    const list = page.getByRole('list', { name: 'Conversations' });
    if ((await list.count()) === 0) return [];
    return list.locator('.subject').allTextContents();
  }
  async function showView(page: Page, name: 'Open' | 'Closed' | 'Mine', expectListed: boolean): Promise<void> {
    await page.getByRole('navigation', { name: 'Inbox views' }).getByRole('link', { name, exact: true }).click();
    await page.waitForURL(new RegExp(`view=${name.toLowerCase()}$`));
    // Wait for this view's answer: its list or its empty sentence.
    await page.locator('.inbox-list').locator('ul.conversations, p.empty').first().waitFor();
    await waitForExpression(
      page,
      `[...document.querySelectorAll('.inbox-list .subject')].some((s) => s.textContent === ${JSON.stringify(SUBJECT)}) === ${expectListed}`,
    );
    assert.equal(
      (await listed(page)).includes(SUBJECT),
      expectListed,
      `${name} ${expectListed ? 'lists' : 'does not list'} it`,
    );
  }

  async function signInAgent(page: Page): Promise<void> {
    await signIn(page, woes.server, AGENT);
    await page.waitForURL('**/app/inbox');
  }
  // Headless Chromium never hides a tab by itself: say so the way a browser would.
  // (A string, not a function: tsx's name helpers do not exist in the page.)
  async function setHidden(page: Page, hidden: boolean): Promise<void> {
    await page.evaluate(
      `Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} }); document.dispatchEvent(new Event('visibilitychange'))`,
    );
  }

  test('an agent lands in the Inbox, replies, adds a note, assigns, sees a new customer message live, closes', async () => {
    await withPage(woes.browser, { viewport }, async ({ page, errors }) => {
      await signInAgent(page);
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      const item = page
        .getByRole('list', { name: 'Conversations' })
        .getByRole('link', { name: new RegExp(`${SUBJECT}.*Ada Lovelace`) });
      await item.waitFor();
      await screenshot(page, 'inbox-01-list');

      await item.click();
      await page.waitForURL(new RegExp(`/app/inbox/${conversationId}\\?view=open$`));
      const thread = page.getByRole('article', { name: 'Conversation' });
      const messages = thread.getByRole('list', { name: 'Messages' });
      await messages.getByText('The reset email never arrives.').waitFor();
      await thread.getByRole('heading', { name: SUBJECT }).waitFor();
      // A marker on the window: it survives everything but a page load.
      await page.evaluate('window.inboxMarker = 1');

      await thread.getByLabel('Reply').fill('Sorry about that. Could you check your spam folder?');
      await thread.getByRole('button', { name: 'Send' }).click();
      await messages.getByRole('listitem', { name: 'You' }).getByText('Could you check your spam folder?').waitFor();
      assert.equal(await thread.getByLabel('Reply').inputValue(), '', 'the box is emptied once sent');

      await thread.getByLabel('Reply').fill('Checked the mail log: the message bounced.');
      await thread.getByRole('button', { name: 'Add note' }).click();
      const note = messages.getByRole('listitem', { name: 'Internal note by You' });
      await note.getByText('the message bounced').waitFor();
      await note.getByText('Internal note', { exact: true }).waitFor();

      const stored = await api(woes.server, 'GET', `/conversations/${conversationId}/messages`, { token: team.key });
      const [latest, reply] = stored.body.data as {
        role: string;
        body: string;
        author: { type: string; id: string };
      }[];
      assert.deepEqual([latest.role, reply.role], ['note', 'agent']);
      assert.deepEqual(reply.author, { type: 'user', id: team.agent.id }, 'the reply is the signed-in agent’s');

      await thread.getByRole('button', { name: 'Assign to me' }).click();
      await thread.getByRole('button', { name: 'Unassign' }).waitFor();
      await thread.getByText('Assignee: You').waitFor();
      assert.equal((await conversation()).assigneeId, team.agent.id);

      // The customer writes while the thread is open: it appears by polling, with no reload.
      await customerSays('Found it in spam, thanks! One more question though.');
      await messages.getByText('One more question though.').waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate('window.inboxMarker'), 1, 'the page was not reloaded');
      await screenshot(page, 'inbox-02-thread');

      await showView(page, 'Mine', true);
      await thread.getByRole('button', { name: 'Close' }).click();
      await thread.getByRole('button', { name: 'Reopen' }).waitFor();
      assert.equal((await conversation()).status, 'closed');
      await showView(page, 'Open', false);
      await showView(page, 'Closed', true);
      await showView(page, 'Mine', true);
      await screenshot(page, 'inbox-03-closed');

      // A customer writing again reopens it; the Open view picks that up by itself.
      await showView(page, 'Open', false);
      await customerSays('Sorry, it happened again.');
      await page
        .getByRole('list', { name: 'Conversations' })
        .getByRole('link', { name: new RegExp(SUBJECT) })
        .waitFor({ timeout: 10_000 });
      await thread.getByRole('button', { name: 'Close' }).waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate('window.inboxMarker'), 1, 'the page was not reloaded');

      // Phone width: the thread alone, with a way back to the list, and no sideways scrolling.
      await page.setViewportSize({ width: 390, height: 844 });
      await thread.getByRole('link', { name: 'All conversations' }).waitFor();
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.ok(overflow <= 0, `no sideways scrolling at phone width (overflow ${overflow}px)`);
      await screenshot(page, 'inbox-04-phone');
      assert.deepEqual(errors, []);
    });
  });

  test('a hidden tab stops polling and catches up as soon as it is shown again', async () => {
    await withPage(woes.browser, { viewport }, async ({ page }) => {
      await signInAgent(page);
      await page.getByRole('link', { name: new RegExp(SUBJECT) }).click();
      await page.getByRole('list', { name: 'Messages' }).getByText('Sorry, it happened again.').waitFor();

      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/v1/conversations')) asked.push(request.url());
      });
      await setHidden(page, true);
      // A poll already on its way when the tab was hidden may still finish.
      await page.waitForTimeout(1_000);
      asked.length = 0;
      await customerSays('Are you still there?');
      await page.waitForTimeout(7_000);
      assert.deepEqual(asked, [], 'nothing is asked while the tab is hidden');
      assert.equal(await page.getByText('Are you still there?').count(), 0);

      await setHidden(page, false);
      await page.getByRole('list', { name: 'Messages' }).getByText('Are you still there?').waitFor({ timeout: 2_000 });
    });
  });

  test('a burst of more messages than a poll walks back through leaves no gap once earlier ones are loaded', async () => {
    await withPage(woes.browser, { viewport }, async ({ page }) => {
      await signInAgent(page);
      await page.getByRole('link', { name: new RegExp(SUBJECT) }).click();
      const messages = page.getByRole('list', { name: 'Messages' });
      await messages.getByText('Are you still there?').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Load earlier messages' }).count(), 0);

      // Hidden, the page asks nothing while 105 messages arrive; shown, one poll walks back 100 of them.
      await setHidden(page, true);
      for (let i = 1; i <= 105; i++) await customerSays(`burst ${i}`);
      await setHidden(page, false);
      await messages.getByText('burst 105', { exact: true }).waitFor();
      assert.equal(
        await messages.getByText('burst 5', { exact: true }).count(),
        0,
        'the oldest of the burst is beyond the walk',
      );

      await page.getByRole('button', { name: 'Load earlier messages' }).click();
      await messages.getByText('burst 1', { exact: true }).waitFor();
      const total = (await conversation()).messageCount as number;
      assert.equal(await messages.getByRole('listitem').count(), total, 'every message shown once, none missing');
      await page.getByRole('button', { name: 'Load earlier messages' }).waitFor({ state: 'detached' });
    });
  });
});
