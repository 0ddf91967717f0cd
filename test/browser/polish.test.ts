import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, signIn, useWoesAndChromium, watchForProblems, withContext } from './browser.js';
import { waitForLink } from './outbox.js';

// Issue #11 item 11: what a person noticed in a real browser. Each check fails on the app
// before the fix: the sentence doubled, HTML for favicon.ico, a 401 in the console on a
// signed-out load, the Create button below the fold of an 800 px window.
const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = { name: 'Polly Polish', email: `polly.${RUN}@example.test`, password: 'correct horse battery staple' };

/** Every failed request and console error of a page, as text a failing assertion can show. */
function watchEverything(page: Page): string[] {
  const problems = watchForProblems(page);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

describe('web app polish', { timeout: 120_000 }, () => {
  const woes = useWoesAndChromium();
  const viewport = { width: 1280, height: 800 };

  test('a signed-out load of the app makes no failing request and logs no error', async () => {
    await withContext(woes.browser, { viewport }, async (context) => {
      const page = await context.newPage();
      const problems = watchEverything(page);
      await page.goto(`${woes.server.url}/app/`);
      await page.getByRole('heading', { name: 'Sign in to Woes' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(problems, []);
    });
  });

  test('/favicon.ico and /app/favicon.ico answer an icon, and the page links it', async () => {
    for (const path of ['/favicon.ico', '/app/favicon.ico']) {
      const response = await fetch(`${woes.server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(String(response.headers.get('content-type')), /^image\//, path);
      const bytes = new Uint8Array(await response.arrayBuffer());
      // ICONDIR: reserved 0, type 1 (icon).
      assert.deepEqual([...bytes.slice(0, 4)], [0, 0, 1, 0], `${path} is not an .ico file`);
    }
    const html = await (await fetch(`${woes.server.url}/app/`)).text();
    assert.match(html, /<link rel="icon"[^>]*href="\/app\/favicon\.ico"/);
  });

  test('an error sentence appears once, without its detail repeated after it', async () => {
    await withContext(woes.browser, { viewport }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${woes.server.url}/app/sign-up`);
      await page.getByLabel('Your name').fill(OWNER.name);
      await page.getByLabel('Work email').fill(`common.${RUN}@example.test`);
      await page.getByLabel('Password').fill('password1');
      await page.getByRole('button', { name: 'Create account' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      assert.match(text, /common/);
      assert.ok(!/\(.*\)\s*$/.test(text), `the detail is repeated after the sentence: ${text}`);
      await screenshot(page, 'polish-error-once');
    });
  });

  test("the create-key dialog's Create button is reachable without scrolling in an 800 px high window", async () => {
    const register = await fetch(`${woes.server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: OWNER.email, password: OWNER.password, name: OWNER.name, workspaceName: 'Polish' }),
    });
    assert.equal(register.status, 202);
    const link = await waitForLink(woes.server.dataDir, OWNER.email, '/verify-email');
    const verified = await fetch(`${woes.server.url}/api/v1/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(link).searchParams.get('token') }),
    });
    assert.equal(verified.status, 200);

    await withContext(woes.browser, { viewport }, async (context) => {
      const page = await context.newPage();
      await signIn(page, woes.server, OWNER);
      await page.waitForURL('**/app/settings/keys');
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create an API key' });
      await dialog.waitFor();
      const button = dialog.getByRole('button', { name: 'Create key' });
      const box = await button.boundingBox();
      assert.ok(box, 'no Create button');
      assert.ok(
        box.y >= 0 && box.y + box.height <= 800,
        `the Create button is at y=${box.y}..${box.y + box.height}, outside the window`,
      );
      // Visible is not enough: nothing (the scope list) may cover it where a click would land.
      const hit = await page.evaluate<string | null>(
        `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('button')?.textContent ?? null`,
      );
      assert.equal(hit, 'Create key');
      await screenshot(page, 'polish-create-key-800');
      await dialog.getByLabel('Name').fill('Reachable');
      await dialog.locator('input[value="conversations.read"]').check();
      await button.click();
      await page.getByRole('dialog', { name: /Your new key/ }).waitFor();
    });
  });
});
