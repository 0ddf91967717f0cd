import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useWoesAndChromium, waitForExpression, watchForProblems, withContext } from './browser.js';

// /docs sends a strict CSP (script-src 'self', no inline style): Swagger UI must still render under it.
describe('the API reference at /docs', { timeout: 120_000 }, () => {
  const woes = useWoesAndChromium();

  test('renders the operations list under its CSP, with no CSP violation or error in the console', async () => {
    await withContext(woes.browser, { viewport: { width: 1280, height: 900 } }, async (context) => {
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`));
      await page.addInitScript({
        content:
          "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));",
      });
      const response = await page.goto(`${woes.server.url}/docs/`);
      assert.match(String(response?.headers()['content-security-policy']), /frame-ancestors 'none'/);
      await waitForExpression(page, "document.querySelectorAll('.opblock').length > 20", 20_000);
      // An operation opens (Swagger UI's own interaction works under the policy).
      await page.locator('.opblock-summary').first().click();
      await waitForExpression(page, "document.querySelector('.opblock.is-open .opblock-body')");
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'docs');
      assert.deepEqual(problems, []);
    });
  });
});
