import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, useWoesAndChromium, withPage } from './browser.js';
import { registerOwner } from './team.js';
import { startTarget, type Target } from '../apitests/target.js';

const RUN = Math.random().toString(36).slice(2, 8);
const OWNER = {
  name: 'Vera Vault',
  email: `vera.${RUN}@example.test`,
  password: 'correct horse battery staple',
  workspace: 'Vault Co',
};
const FIRST = `sk_first_${RUN}_0123456789`;
const SECOND = `sk_second_${RUN}_9876543210`;

describe('Settings → API tests in a real browser', { timeout: 180_000 }, () => {
  // The loopback target is reachable only with the test-only setting.
  const woes = useWoesAndChromium({ WOES_ALLOW_PRIVATE_WEBHOOKS: 'true' });
  let target: Target;

  before(async () => {
    target = await startTarget();
    await registerOwner(woes.server, OWNER);
  });
  after(() => target?.close());

  test('an owner stores a credential, runs checks, replaces the secret and deletes it; the secret never shows', async () => {
    await withPage(woes.browser, { viewport: { width: 1280, height: 900 } }, async ({ page, errors }) => {
      await signIn(page, woes.server, OWNER);
      await page.waitForURL('**/app/settings/keys');
      await page.getByRole('link', { name: 'API tests' }).click();
      await page.getByRole('heading', { name: 'API tests', level: 1 }).waitFor();
      await page.getByText('No API test credentials yet.').waitFor();

      const form = page.getByRole('form', { name: 'New API test credential' });
      await form.getByLabel('Name').fill('Shop API');
      await form.getByLabel('Base URL').fill(`${target.url}/v1`);
      await form.getByLabel('Authentication').selectOption('header');
      await form.getByLabel('Header name').fill('x-api-key');
      await form.getByLabel('Secret').fill(FIRST);
      await form.getByRole('button', { name: 'Save credential' }).click();
      const item = page.getByRole('list', { name: 'API test credentials' }).getByRole('listitem').first();
      await item.getByRole('heading', { name: 'Shop API' }).waitFor();
      assert.equal(await form.getByLabel('Secret').inputValue(), '', 'the secret left the form once stored');
      assert.match((await item.textContent()) ?? '', /Header \(x-api-key\) · secret stored, never shown/);

      target.expect('x-api-key', FIRST);
      const check = page.getByRole('form', { name: 'Run a check with Shop API' });
      await check.getByLabel('Path').fill('/status');
      await check.getByLabel('Expected status').fill('200');
      await check.getByRole('button', { name: 'Run check' }).click();
      const history = page.getByRole('list', { name: 'Checks with Shop API' });
      await history.getByText('GET /status').waitFor();
      const first = history.getByRole('listitem').first();
      assert.match((await first.textContent()) ?? '', /OK/);
      assert.match((await first.textContent()) ?? '', /200 · \d+ ms/);
      assert.match((await first.locator('pre').textContent()) ?? '', /\[redacted\]/, 'the echo is shown redacted');
      assert.equal(target.hits.at(-1)?.path, '/v1/status');
      await screenshot(page, 'api-tests-01-check');

      await item.getByRole('button', { name: 'Replace secret of Shop API' }).click();
      await item.getByLabel('New secret for Shop API').fill(SECOND);
      await item.getByRole('button', { name: 'Replace secret' }).click();
      await item.getByRole('button', { name: 'Replace secret of Shop API' }).waitFor();
      target.expect('x-api-key', SECOND);
      await check.getByLabel('Path').fill('/again');
      await check.getByRole('button', { name: 'Run check' }).click();
      await history.getByText('GET /again').waitFor();
      assert.match((await history.getByRole('listitem').first().textContent()) ?? '', /OK/);

      const text = await page.content();
      for (const secret of [FIRST, SECOND]) {
        assert.ok(!text.includes(secret), 'the page never shows a secret');
        assert.ok(!text.includes(Buffer.from(secret).toString('base64')));
      }

      await item.getByRole('button', { name: 'Delete Shop API' }).click();
      await item.getByRole('button', { name: 'Delete Shop API' }).click();
      await page.getByText('No API test credentials yet.').waitFor();
      assert.deepEqual(errors, []);
    });
  });
});
