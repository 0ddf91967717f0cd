import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useWoesAndChromium, withPage } from './browser.js';

// The JWKS URLs point at a closed port: sign-in must fail closed, with a sentence on the page.
const woes = useWoesAndChromium({
  GOOGLE_CLIENT_ID: 'woes-test.apps.googleusercontent.example',
  MICROSOFT_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  GOOGLE_JWKS_URL: 'http://127.0.0.1:9/jwks',
  MICROSOFT_JWKS_URL: 'http://127.0.0.1:9/jwks',
});

test(
  'Google and Microsoft buttons appear when configured and start an ID-token sign-in bound to this tab',
  { timeout: 60_000 },
  async () => {
    await withPage(woes.browser, { viewport: { width: 1280, height: 860 } }, async ({ context, page, errors }) => {
      // The providers are out of reach from a test machine: record where the browser is sent instead.
      let authorize: URL | null = null;
      await context.route(/^https:\/\/(accounts\.google\.com|login\.microsoftonline\.com)\//, (route) => {
        authorize = new URL(route.request().url());
        return route.abort();
      });
      await page.goto(`${woes.server.url}/app/sign-in`);
      await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor();
      await screenshot(page, '20-sign-in-with-providers');
      await page.getByRole('button', { name: 'Sign in with Google' }).click();
      await page.waitForEvent('requestfailed');
      const sent = authorize as URL | null;
      assert.ok(sent, 'the browser was sent to Google');
      assert.equal(sent.origin + sent.pathname, 'https://accounts.google.com/o/oauth2/v2/auth');
      assert.equal(sent.searchParams.get('client_id'), 'woes-test.apps.googleusercontent.example');
      assert.equal(sent.searchParams.get('response_type'), 'id_token');
      assert.equal(sent.searchParams.get('redirect_uri'), `${woes.server.url}/app/auth/callback`);
      const state = sent.searchParams.get('state');
      assert.match(state ?? '', /^[0-9a-f]{32}$/);

      // An answer whose state this tab never asked for is refused before any call.
      await page.goto(`${woes.server.url}/app/auth/callback#id_token=x.y.z&state=${'0'.repeat(32)}`);
      await page
        .getByRole('alert')
        .getByText(/does not match a request from this browser tab/)
        .waitFor();

      // The provider comes back with this tab's state but a token Woes cannot verify: an error sentence, no session.
      await page.goto(`${woes.server.url}/app/sign-in`);
      await page.getByRole('button', { name: 'Sign in with Google' }).click();
      await page.waitForEvent('requestfailed');
      const second = (authorize as URL | null)!.searchParams.get('state');
      await page.goto(
        `${woes.server.url}/app/auth/callback#id_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln&state=${second}`,
      );
      await page.getByRole('alert').waitFor();
      assert.ok(!page.url().includes('id_token'), 'the ID token is removed from the address bar');
      await page.getByRole('link', { name: 'Back to sign in' }).waitFor();
      await screenshot(page, '21-provider-sign-in-refused');
      assert.deepEqual(errors, []);
    });
  },
);
