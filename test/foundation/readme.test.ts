import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { routeTable } from '../security/route-table.js';
import { CATEGORIES } from '../../src/scopes/scopes.js';

// Issue #11 item 13: the README claims only what works. Checked against the running app's
// router, so the check moves with the code: a capability joins the README with its endpoints.
const README = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
let t: TestApp;
let paths: string[];

before(async () => {
  t = await createTestApp();
  paths = routeTable(t.app).map((r) => r.url);
});
after(() => t.close());

const served = (prefix: string): boolean =>
  paths.some((p) => p === `/api/v1${prefix}` || p.startsWith(`/api/v1${prefix}/`));

/** Capabilities of SPEC §2 and §7 that a sentence may name, and the endpoint that makes each real. */
const CAPABILITIES: Array<{ name: RegExp; endpoint: string }> = [
  { name: /history secret/i, endpoint: '/widget/conversations' },
  { name: /magic link/i, endpoint: '/portal/magic-link' },
  { name: /webhook/i, endpoint: '/webhooks' },
  { name: /vault|test credential/i, endpoint: '/api-tests/credentials' },
  { name: /widget (runtime|endpoints)(?! that will)/i, endpoint: '/widget/conversations' },
];

test("the README's first paragraph names only capabilities whose endpoints exist", () => {
  const first = README.split('\n\n')[1];
  assert.match(first, /self-hostable/);
  for (const { name, endpoint } of CAPABILITIES) {
    if (name.test(first))
      assert.ok(served(endpoint), `the first paragraph claims ${name} but ${endpoint} is not served`);
  }
});

test('the scope table lists every category; its endpoints exist, and "none yet" rows have none', () => {
  let checked = 0;
  const rows = README.split('\n').filter((line) => /^\| `[a-z]+\.(\*|read)`/.test(line));
  for (const category of CATEGORIES) {
    const row = rows.find((r) => r.includes(`\`${category}.`));
    assert.ok(row, `the scope table has no row for ${category}`);
    const cells = row.split('|').map((c) => c.trim());
    const endpoints = cells[3];
    if (/none yet/.test(endpoints)) {
      assert.ok(!served(`/${category}`), `${category} is marked "none yet" but /api/v1/${category} is served`);
      continue;
    }
    for (const [, listed] of endpoints.matchAll(/`(?:GET`\/`PATCH )?(\/[a-z/:-]+)`/g)) {
      assert.ok(served(listed), `the scope table lists ${listed} for ${category}, which is not served`);
      checked++;
    }
  }
  assert.ok(checked >= 10, `only ${checked} endpoints read from the scope table`);
});
