import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useWoesAndChromium, withPage } from './browser.js';
import { waitForLink } from './outbox.js';

/**
 * The sign-up's account is created just after the server answers 202 (src/accounts/auth/
 * registration-service.ts), so the "check your email" page can ask the outbox for its link before
 * the account exists; the outbox route then answers 403 ("do not match a new account"). The page
 * must keep asking instead of showing that as final. The race is made certain here: the page's
 * first outbox request is answered with what the server really answers for an address with no
 * account yet (the same request, for an address nobody registered).
 */
const RUN = Math.random().toString(36).slice(2, 8);
const woes = useWoesAndChromium();

test('the check-email page keeps asking while the new account is not there yet, then shows its link', async () => {
  await withPage(woes.browser, {}, async ({ page, errors }) => {
    const email = `early.${RUN}@example.test`;
    const answers: number[] = [];
    await page.route('**/app/outbox/verification-link', async (route) => {
      if (answers.length === 0) {
        const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, string>;
        const early = await route.fetch({ postData: JSON.stringify({ ...body, email: `nobody.${RUN}@example.test` }) });
        answers.push(early.status());
        return route.fulfill({ response: early });
      }
      const response = await route.fetch();
      answers.push(response.status());
      return route.fulfill({ response });
    });
    await page.goto(`${woes.server.url}/app/sign-up`);
    await page.getByLabel('Your name').fill('Eli Early');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill('a long enough passphrase 7');
    await page.getByLabel(/Workspace name/).fill('Early Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();

    const shown = page.getByRole('link', { name: 'Open the verification link' });
    await shown.waitFor();
    assert.equal(await shown.getAttribute('href'), await waitForLink(woes.server.dataDir, email, '/verify-email'));
    assert.equal(answers[0], 403, 'the first answer was the no-account-yet refusal');
    assert.equal(answers.at(-1), 200);
    assert.equal(await page.getByText('do not match').count(), 0, 'the refusal was not shown');
    assert.deepEqual(errors, []);
  });
});
