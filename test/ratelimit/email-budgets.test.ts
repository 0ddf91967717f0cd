import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { TEST_REDIS_URL } from '../helpers/env.js';
import { accountsSettled, outbox, signUp, waitFor } from '../accounts/helpers.js';
import { portalMails, settle } from '../portal/helpers.js';
import { tenant, type Tenant } from '../support/api-helpers.js';
import { randomIP, unique } from './helpers.js';

// Emails a caller asks for are budgeted per purpose, and a workspace's per workspace: five
// portal links from one workspace once used up an address's whole budget, so its owner's
// password reset was dropped. The flood bound per address still holds.

const ENV: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL } : {};

/** A workspace with `email` as a customer, as the trial's attacker set it up (POST /customers). */
async function workspaceKnowing(t: TestApp, email: string): Promise<Tenant> {
  const w = await tenant(t);
  const created = await w.call('POST', '/customers', { email });
  assert.equal(created.statusCode, 201, created.body);
  return w;
}

/** Asks for `count` portal links to `email` from the workspace (each from its own IP, past the per-IP limit). */
async function askLinks(t: TestApp, workspaceId: string, email: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const answer = await t.request({
      method: 'POST',
      url: '/api/v1/portal/magic-link',
      payload: { workspaceId, email },
      remoteAddress: randomIP(),
    });
    assert.equal(answer.statusCode, 202, answer.body);
  }
  await settle(t);
}

function suppressed(t: TestApp, email: string): Array<{ kind: string; budget: string; subject: string }> {
  return t.logs.lines
    .filter((line) => line.includes('"email.suppressed"'))
    .map((line) => JSON.parse(line) as { to: string; kind: string; budget: string; subject: string })
    .filter((entry) => entry.to === email);
}

async function passwordReset(t: TestApp, email: string): Promise<void> {
  const answer = await t.request({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    payload: { email },
    remoteAddress: randomIP(),
  });
  assert.equal(answer.statusCode, 202, answer.body);
  await accountsSettled(t);
}

const resets = (t: TestApp, email: string) =>
  outbox(t).filter((m) => m.to.includes(email) && m.subject === 'Reset your Woes password');

test("five portal links from another workspace leave a user's password reset unspent (the trial's repro)", async () => {
  const clock = new TestClock();
  const t = await createTestApp({ env: ENV, clock });
  try {
    const email = `${unique('b')}@example.com`;
    // The victim's account is older than the hour: its verification email spent nothing that is still counted.
    await signUp(t, email);
    clock.advance(2 * 3_600_000);
    const a = await workspaceKnowing(t, email);
    await askLinks(t, a.workspaceId, email, 5);
    assert.equal(portalMails(t, email).length, 5, 'the five portal links went out');

    await passwordReset(t, email);
    assert.equal(resets(t, email).length, 1, 'the password reset went out');
    assert.deepEqual(suppressed(t, email), [], 'nothing was suppressed');
  } finally {
    await t.close();
  }
});

test("a workspace's sixth portal link to one address in the hour is dropped; another workspace's link and its own invitation are not", async () => {
  const t = await createTestApp({ env: ENV });
  try {
    const email = `${unique('c')}@example.com`;
    const a = await workspaceKnowing(t, email);
    const b = await workspaceKnowing(t, email);
    await askLinks(t, a.workspaceId, email, 6);
    assert.equal(portalMails(t, email).length, 5, 'five links, the sixth suppressed');

    // Another workspace's budget for the address is its own.
    await askLinks(t, b.workspaceId, email, 1);
    assert.equal(portalMails(t, email).length, 6, "B's link went out");
    assert.ok(portalMails(t, email).at(-1)!.text.includes(b.workspaceId));

    // So is another purpose's: the same workspace can still invite the address.
    const invited = await a.call('POST', '/invites', { email, role: 'agent' });
    assert.equal(invited.statusCode, 201, invited.body);
    await waitFor(() => outbox(t).some((m) => m.to.includes(email) && /invited/.test(m.subject)));

    // Only A's sixth link was dropped, by A's own portal budget.
    assert.deepEqual(
      suppressed(t, email).map((s) => [s.kind, s.budget]),
      [['portal', 'emailPortalLinkPerRecipient']],
    );
  } finally {
    await t.close();
  }
});

test('all workspaces together send one address at most 20 links and invitations an hour; the account owner still gets a reset', async () => {
  const t = await createTestApp({ env: ENV });
  try {
    const email = `${unique('d')}@example.com`;
    await signUp(t, email);
    const workspaces = [];
    for (let i = 0; i < 5; i++) workspaces.push(await workspaceKnowing(t, email));
    const [first, ...others] = workspaces;

    // The first workspace asks for 7: its own budget drops two, and those never reach the shared ceiling.
    await askLinks(t, first.workspaceId, email, 7);
    for (const w of others.slice(0, 3)) await askLinks(t, w.workspaceId, email, 5);
    assert.equal(portalMails(t, email).length, 20);

    // A fifth workspace, with its own budget untouched, meets the ceiling; so does an invitation.
    await askLinks(t, others[3].workspaceId, email, 1);
    const invited = await others[3].call('POST', '/invites', { email, role: 'agent' });
    assert.equal(invited.statusCode, 201, invited.body);
    await waitFor(() => suppressed(t, email).length === 4);
    assert.equal(portalMails(t, email).length, 20);
    assert.ok(!outbox(t).some((m) => m.to.includes(email) && /invited/.test(m.subject)));
    assert.deepEqual(
      suppressed(t, email).map((s) => [s.kind, s.budget]),
      [
        ['portal', 'emailPortalLinkPerRecipient'],
        ['portal', 'emailPortalLinkPerRecipient'],
        ['portal', 'emailPerRecipient'],
        ['invite', 'emailPerRecipient'],
      ],
    );

    // Workspaces' mail never spends the account owner's: the reset still goes out.
    await passwordReset(t, email);
    assert.equal(resets(t, email).length, 1, 'the password reset went out');
  } finally {
    await t.close();
  }
});

test("the account's own budget stays 5 an hour per address", async () => {
  const t = await createTestApp({ env: ENV });
  try {
    const email = `${unique('e')}@example.com`;
    await signUp(t, email);
    for (let i = 0; i < 5; i++) await passwordReset(t, email);
    await waitFor(() => suppressed(t, email).length === 1);
    assert.equal(resets(t, email).length, 4, 'the verification email and four resets: five');
    assert.deepEqual(
      suppressed(t, email).map((s) => [s.kind, s.budget, s.subject]),
      [['account', 'emailAccountPerRecipient', 'Reset your Woes password']],
    );
  } finally {
    await t.close();
  }
});

test("sign-ups with a user's address (each mails a 'someone tried to register' notice) leave the user's password reset unspent", async () => {
  const clock = new TestClock();
  const t = await createTestApp({ env: ENV, clock });
  try {
    const email = `${unique('v')}@example.com`;
    await signUp(t, email);
    clock.advance(2 * 3_600_000);
    const attacker = randomIP();
    for (let i = 0; i < 5; i++) {
      const answer = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email, password: 'attacker password 123', name: 'Someone' },
        remoteAddress: attacker,
      });
      assert.equal(answer.statusCode, 202, answer.body);
    }
    await accountsSettled(t);
    const notices = outbox(t).filter((m) => m.to.includes(email) && /tried to register/.test(m.subject));
    assert.equal(notices.length, 2, 'two notices an hour: the owner hears of it without being flooded');
    await passwordReset(t, email);
    assert.equal(resets(t, email).length, 1, 'the password reset went out');
    assert.deepEqual(
      suppressed(t, email).map((s) => [s.kind, s.budget]),
      [
        ['registered', 'emailRegisteredNoticePerRecipient'],
        ['registered', 'emailRegisteredNoticePerRecipient'],
        ['registered', 'emailRegisteredNoticePerRecipient'],
      ],
    );
  } finally {
    await t.close();
  }
});
