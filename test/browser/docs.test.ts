import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot, waitForExpression } from './browser.js';
import { startWoesServer, type WoesServer } from './server.js';

// /docs sends a strict CSP (script-src 'self', no inline style): Swagger UI must still render under it.
describe('the API reference at /docs', { timeout: 120_000 }, () => {
  let server: WoesServer;
  let browser: Browser;

  before(async () => {
    server = await startWoesServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('renders the operations list under its CSP, with no CSP violation or error in the console', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
      await page.addInitScript({
        content:
          "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));",
      });
      const response = await page.goto(`${server.url}/docs/`);
      assert.match(String(response?.headers()['content-security-policy']), /frame-ancestors 'none'/);
      await waitForExpression(page, "document.querySelectorAll('.opblock').length > 20", 20_000);
      // An operation opens (Swagger UI's own interaction works under the policy).
      await page.locator('.opblock-summary').first().click();
      await waitForExpression(page, "document.querySelector('.opblock.is-open .opblock-body')");
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'docs');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
