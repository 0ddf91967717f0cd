import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWoesServer, type WoesServer } from './server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-output/screenshots');

/** Debian's chromium driven by playwright-core (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run test/browser/run.sh (it installs chromium with apt-get)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A full-page screenshot a reviewer can look at: test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Collects page errors and console errors, so a broken page fails the test with a reason. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A 4xx the test provokes on purpose is logged by the browser as a failed resource; those are expected.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Stricter than watchForErrors: console warnings too, and every request that failed, as text an assertion shows. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  return problems;
}

/**
 * Waits until a page expression is truthy. `page.waitForFunction` with a string predicate re-evaluates it through
 * `eval` once the first check fails, which the app's CSP (`script-src 'self'`) refuses; `page.evaluate` goes through
 * the DevTools protocol and is not subject to the page's CSP.
 */
export async function waitForExpression(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate<boolean>(`Boolean(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PageOptions {
  viewport?: { width: number; height: number };
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** What watchForErrors collected. */
  errors: string[];
}

/** Runs `fn` in a fresh browser context and closes the context afterwards, whether `fn` passed or failed. */
export async function withContext<T>(
  browser: Browser,
  options: PageOptions,
  fn: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/**
 * withContext with a page in it (15 s default timeout) whose page and console errors collect in `errors`; a test
 * that wants the page clean asserts `errors` is empty.
 */
export function withPage<T>(
  browser: Browser,
  options: PageOptions,
  fn: (opened: OpenedPage) => Promise<T>,
): Promise<T> {
  return withContext(browser, options, async (context) => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return fn({ context, page, errors: watchForErrors(page) });
  });
}

/**
 * For a test file or `describe` block: a Woes server (started with `env`) and Chromium, started in a `before` hook
 * and stopped in an `after` hook registered here. Hooks the caller registers after this call run after these ones:
 * its `before` hooks find both running, its `after` hooks run once both are stopped.
 */
export function useWoesAndChromium(env: Record<string, string> = {}): {
  readonly server: WoesServer;
  readonly browser: Browser;
} {
  let server: WoesServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startWoesServer(env);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the Woes server is not running: use it from a test or a later before hook');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use it from a test or a later before hook');
      return browser;
    },
  };
}

/** Signs in on the app's sign-in page with email and password, and presses Sign in (no wait for where it lands). */
export async function signIn(
  page: Page,
  server: WoesServer,
  person: { email: string; password: string },
): Promise<void> {
  await page.goto(`${server.url}/app/sign-in`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
