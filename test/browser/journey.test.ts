import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useWoesAndChromium, waitForExpression, withPage, type OpenedPage } from './browser.js';
import { waitForLink } from './outbox.js';
import type { WoesServer } from './server.js';

// Unique per run: with Redis, per-recipient email limits and sign-in throttles outlive one run.
const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = {
  name: 'Olivia Owner',
  email: `olivia.${RUN}@example.test`,
  password: 'correct horse battery staple',
  workspace: 'Acme Support',
};
const AGENT = { name: 'Aldo Agent', email: `aldo.${RUN}@example.test`, password: 'another long passphrase 42' };

async function callMe(server: WoesServer, secret: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the web app in a real browser', { timeout: 180_000 }, () => {
  const woes = useWoesAndChromium();

  /** withPage, with the clipboard open to the app's origin (the new key's Copy button). */
  function withClipboardPage(
    viewport: { width: number; height: number },
    fn: (opened: OpenedPage) => Promise<void>,
  ): Promise<void> {
    return withPage(woes.browser, { viewport }, async (opened) => {
      await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: woes.server.url });
      await fn(opened);
    });
  }

  test('sign up → verify → sign in → create a key → call the API with it → revoke it → 401', async () => {
    await withClipboardPage({ width: 1280, height: 860 }, async ({ context, page, errors }) => {
      await page.goto(`${woes.server.url}/`);
      await page.waitForURL('**/app/sign-in');
      await page.getByRole('heading', { name: 'Sign in to Woes' }).waitFor();
      await screenshot(page, '01-sign-in');

      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Your name').fill(OWNER.name);
      await page.getByLabel('Work email').fill(OWNER.email);
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByLabel(/Workspace name/).fill(OWNER.workspace);
      await screenshot(page, '02-sign-up');
      await page.getByRole('button', { name: 'Create account' }).click();

      await page.getByRole('heading', { name: 'Check your email' }).waitFor();
      const link = await waitForLink(woes.server.dataDir, OWNER.email, '/verify-email');
      // Embedded mode: the page offers the same link it found in this account's outbox.
      const shown = page.getByRole('link', { name: 'Open the verification link' });
      await shown.waitFor();
      assert.equal(await shown.getAttribute('href'), link);
      await screenshot(page, '03-check-email');

      await page.goto(link);
      // The link page asks for the sign-up's password before it spends the link.
      await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
      assert.ok(!page.url().includes('token='), 'the one-use token is removed from the address bar');
      await page.getByLabel('Password').fill('not the password of this sign-up');
      await page.getByRole('button', { name: 'Verify email' }).click();
      await page.getByRole('alert').filter({ hasText: 'not the password chosen' }).waitFor();
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Verify email' }).click();
      await page.getByText('Your email is verified').waitFor();
      await screenshot(page, '04-email-verified');

      // Sign in with the keyboard only.
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('Email').focus();
      await page.keyboard.type(OWNER.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(OWNER.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/app\/(settings\/keys|workspaces\/new)$/);
      if (page.url().endsWith('/workspaces/new')) {
        await page.getByLabel('Workspace name').fill(OWNER.workspace);
        await page.getByRole('button', { name: 'Create workspace' }).click();
        await page.waitForURL('**/app/settings/keys');
      }
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await page.getByText('No keys yet').waitFor();
      await screenshot(page, '05-keys-empty');

      // A reload keeps the session through the HttpOnly refresh cookie alone.
      await page.reload();
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      const cookies = await context.cookies(woes.server.url + '/api/v1/auth/refresh');
      const refresh = cookies.find((c) => c.name === 'woes_refresh');
      assert.ok(refresh?.httpOnly, 'the refresh token is an HttpOnly cookie');
      assert.equal(refresh?.sameSite, 'Strict');
      assert.equal(await page.evaluate<string>('document.cookie'), '', 'script sees no cookie');

      await page.getByRole('button', { name: 'Create key' }).click();
      const create = page.getByRole('dialog', { name: 'Create an API key' });
      await create.getByLabel('Name').fill('CRM sync');
      await create.locator('input[value="conversations.read"]').check();
      await screenshot(page, '06-create-key');
      await create.getByRole('button', { name: 'Create key' }).click();

      const reveal = page.getByRole('dialog', { name: /Your new key/ });
      await reveal.waitFor();
      await screenshot(page, '07-reveal-key');
      await reveal.getByRole('button', { name: 'Copy key' }).click();
      await reveal.getByText('Copied').waitFor();
      const secret = await page.evaluate<string>('navigator.clipboard.readText()');
      assert.match(secret, /^woesk_[A-Za-z0-9]{38}$/);
      assert.equal(await reveal.getByLabel('Secret key').inputValue(), secret);
      assert.ok(
        (await reveal.getByLabel('Test it').inputValue()).includes(
          `${woes.server.url}/api/v1/me -H "Authorization: Bearer ${secret}"`,
        ),
      );

      const me = await callMe(woes.server, secret);
      assert.equal(me.status, 200, JSON.stringify(me.body));
      assert.equal(me.body.type, 'api_key');
      assert.ok((me.body.scopes as string[]).includes('conversations.read'));

      await reveal.getByRole('button', { name: 'I have saved the key' }).click();
      const row = page.getByRole('listitem', { name: 'Key CRM sync' });
      await row.waitFor();
      assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page once the dialog closes');
      await screenshot(page, '08-keys-list');

      await row.getByRole('button', { name: 'Usage of CRM sync' }).click();
      await page.getByRole('img', { name: /requests in the last 30 days/ }).waitFor();
      await screenshot(page, '09-key-usage');

      await row.getByRole('button', { name: 'Rename CRM sync' }).click();
      await row.getByLabel('New name for CRM sync').fill('CRM sync (prod)');
      await row.getByRole('button', { name: 'Save' }).click();
      const renamed = page.getByRole('listitem', { name: 'Key CRM sync (prod)' });
      await renamed.waitFor();

      await renamed.getByRole('button', { name: 'Revoke CRM sync (prod)' }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke “CRM sync (prod)”?' });
      await screenshot(page, '10-revoke-confirm');
      await confirm.getByRole('button', { name: 'Revoke CRM sync (prod)' }).click();
      await renamed.locator('.badge', { hasText: 'Revoked' }).waitFor();
      await screenshot(page, '11-key-revoked');

      const refused = await callMe(woes.server, secret);
      assert.equal(refused.status, 401);
      assert.equal(refused.body.code, 'unauthorized');

      // Roll: a second key, rolled with a one-hour overlap, shows its new secret once.
      await page.getByRole('button', { name: 'Create key' }).click();
      await create.getByLabel('Name').fill('Reporting');
      await create.getByRole('button', { name: 'read', exact: true }).click();
      // An IP allowlist that includes this machine (the rolled key below is called from it).
      await create.getByLabel(/Allowed IP addresses/).fill('127.0.0.1, 10.0.0.0/8');
      await create.getByRole('button', { name: 'Create key' }).click();
      await reveal.getByRole('button', { name: 'I have saved the key' }).click();
      await page
        .getByRole('listitem', { name: 'Key Reporting' })
        .first()
        .getByRole('button', { name: 'Roll Reporting' })
        .click();
      const roll = page.getByRole('dialog', { name: 'Roll “Reporting”' });
      await roll.getByLabel('In 1 hour').check();
      await screenshot(page, '12-roll-key');
      await roll.getByRole('button', { name: 'Roll key' }).click();
      await reveal.waitFor();
      const rolled = await reveal.getByLabel('Secret key').inputValue();
      assert.equal((await callMe(woes.server, rolled)).status, 200);
      await reveal.getByRole('button', { name: 'I have saved the key' }).click();
      // The old key keeps working for the overlap and says it was rolled.
      await page.getByRole('listitem', { name: 'Key Reporting' }).locator('.badge', { hasText: 'Rolled' }).waitFor();
      await page.getByRole('listitem', { name: 'Key Reporting' }).first().getByText('127.0.0.1, 10.0.0.0/8').waitFor();

      // Settings → Key policy (owners): idle keys are disabled after 90 days.
      await page.getByRole('link', { name: 'Key policy' }).click();
      await page.getByLabel('Disable keys unused for (days)').fill('90');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await screenshot(page, '12b-key-policy');
      await page.getByRole('link', { name: 'API keys' }).click();

      await page.getByRole('link', { name: 'Widget keys' }).click();
      await page.getByLabel('Name').fill('Website');
      await page.getByLabel('Allowed origins').fill('https://www.example.test');
      await page.getByRole('button', { name: 'Create widget key' }).click();
      await page.getByRole('listitem').filter({ hasText: 'Website' }).waitFor();
      await screenshot(page, '13-widget-keys');

      await page.getByRole('link', { name: 'Members & invites' }).click();
      await page.getByRole('list', { name: 'Members' }).getByText(OWNER.email, { exact: true }).waitFor();
      await page.getByLabel('Email').fill(AGENT.email);
      await page.getByRole('combobox', { name: /^Role/ }).selectOption('agent');
      await page.getByRole('button', { name: 'Send invite' }).click();
      await page.getByRole('list', { name: 'Pending invites' }).getByText(AGENT.email, { exact: true }).waitFor();
      await screenshot(page, '14-members');

      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('table').getByText('key.revoked').first().waitFor();
      await page.getByLabel('Event type').fill('key.revoked');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await waitForExpression(
        page,
        "[...document.querySelectorAll('table.audit tbody code')].every((c) => c.textContent === 'key.revoked')",
      );
      await screenshot(page, '15-audit-log');

      // Phone width: the keys page still fits and works.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.getByRole('listitem', { name: 'Key Reporting' }).first().waitFor();
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      assert.ok(overflow <= 0, `no sideways scrolling at phone width (overflow ${overflow}px)`);
      await screenshot(page, '16-keys-phone');

      // A second workspace: created from the app, then the switcher goes back to the first.
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.getByRole('link', { name: 'New workspace' }).click();
      await page.getByLabel('Workspace name').fill('Second Shop');
      await screenshot(page, '19-new-workspace');
      await page.getByRole('button', { name: 'Create workspace' }).click();
      await page.waitForURL('**/app/settings/keys');
      await page.getByText('No keys yet').waitFor();
      const switcher = page.getByRole('combobox', { name: /^Workspace/ });
      assert.equal(await switcher.locator('option:checked').textContent(), 'Second Shop');
      await switcher.selectOption({ label: OWNER.workspace });
      await page.getByRole('listitem', { name: 'Key Reporting' }).first().waitFor();

      assert.deepEqual(errors, []);
    });
  });

  test('an agent sees no key controls, and the API refuses them anyway', async () => {
    await withClipboardPage({ width: 390, height: 844 }, async ({ page, errors }) => {
      const invite = await waitForLink(woes.server.dataDir, AGENT.email, '/accept-invite');
      await page.goto(invite);
      await page.getByRole('heading', { name: 'Join a workspace' }).waitFor();
      await page.getByLabel('Your name').fill(AGENT.name);
      await page.getByLabel('Password').fill(AGENT.password);
      await screenshot(page, '17-accept-invite');
      await page.getByRole('button', { name: 'Accept invite' }).click();
      await page.getByText('You have joined').waitFor();

      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.getByLabel('Email').fill(AGENT.email);
      await page.getByLabel('Password').fill(AGENT.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // An agent has no keys to manage: the Inbox is their first page.
      await page.waitForURL('**/app/inbox');
      await page.getByRole('heading', { name: 'Inbox' }).waitFor();
      await page.getByRole('link', { name: 'API keys' }).click();
      await page.waitForURL('**/app/settings/keys');
      await page.getByText('Only workspace owners and admins manage API keys').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Create key' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /^(Revoke|Roll|Rename)/ }).count(), 0);
      for (const hidden of ['Widget keys', 'Members & invites', 'Audit log']) {
        assert.equal(await page.getByRole('link', { name: hidden }).count(), 0, `${hidden} is not offered to an agent`);
      }
      await screenshot(page, '18-agent-keys');

      // The UI hides the controls; the API is what actually refuses.
      const signIn = await fetch(`${woes.server.url}/api/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ provider: 'local', email: AGENT.email, password: AGENT.password }),
      });
      assert.equal(signIn.status, 200);
      const session = (await signIn.json()) as { accessToken: string; workspace: { id: string } };
      const headers = {
        authorization: `Bearer ${session.accessToken}`,
        'x-workspace-id': session.workspace.id,
        'content-type': 'application/json',
      };
      const list = await fetch(`${woes.server.url}/api/v1/keys`, { headers });
      assert.equal(list.status, 403);
      const create = await fetch(`${woes.server.url}/api/v1/keys`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'sneaky', scopes: ['conversations.read'] }),
      });
      assert.equal(create.status, 403);
      assert.ok(['forbidden', 'insufficient_scope'].includes(((await create.json()) as { code: string }).code));

      // Sign out everywhere: the refresh cookie no longer brings the session back.
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL('**/app/sign-in');
      await page.goto(`${woes.server.url}/app/settings/keys`);
      await page.waitForURL('**/app/sign-in');
      assert.deepEqual(errors, []);
    });
  });
});
