import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { answerOf as answer } from '../helpers/sweep.js';
import { PASSWORD, bearer, mailedToken, signIn, signUp } from './helpers.js';

const DAY = 86_400_000;

async function inviteIds(t: TestApp): Promise<string[]> {
  const rows = await t.app.woes.db.selectFrom('invites').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}

test('the sweep deletes invitations a month after they expired (accepted, revoked or not) and never a pending one', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    const owner = await signUp(t, 'inviter@example.com', { workspaceName: 'Invites' });
    const ws = owner.workspaceId!;
    // The owner's access token lasts 15 minutes; each step signs in again.
    const as = async () => bearer((await signIn(t, 'inviter@example.com', PASSWORD)).accessToken, ws);
    const invite = async (email: string) => {
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/invites',
        headers: await as(),
        payload: { email, role: 'agent' },
      });
      assert.equal(created.statusCode, 201, created.body);
      return { id: created.json.id as string, token: await mailedToken(t, email, /invited/) };
    };
    const accept = (token: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/accept-invite', payload: { token, password: PASSWORD } });
    const revoke = async (id: string) =>
      t.request({ method: 'DELETE', url: `/api/v1/invites/${id}`, headers: await as() });
    const list = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/invites', headers: await as() })).json.data.map(
        (i: { id: string }) => i.id,
      );

    // Day 0: one invitation accepted, one revoked, one left to expire (7 days).
    const accepted = await invite('accepted@example.com');
    assert.equal((await accept(accepted.token)).statusCode, 200);
    const revoked = await invite('revoked@example.com');
    assert.equal((await revoke(revoked.id)).statusCode, 204);
    const expired = await invite('expired@example.com');

    // Day 8: the expired one is gone from the list, and answers as the revoked and accepted ones do.
    clock.advance(8 * DAY);
    assert.deepEqual(await list(), []);
    assert.equal((await revoke(expired.id)).statusCode, 404, 'an expired invitation is no longer pending');

    // Day 36: a month after expiring is not yet reached (day 37); a new invitation is pending.
    clock.advance(28 * DAY);
    assert.equal((await sweep())['invitations'], 0);
    const pending = await invite('pending@example.com');
    assert.equal((await inviteIds(t)).length, 4);

    // Day 38, before the sweep: what a caller sees of each ended invitation.
    clock.advance(2 * DAY);
    const seen = async () => ({
      list: await list(),
      accepted: await answer(accept(accepted.token)),
      revoked: await answer(accept(revoked.token)),
      expired: await answer(accept(expired.token)),
      revokeAccepted: await answer(revoke(accepted.id)),
      revokeRevoked: await answer(revoke(revoked.id)),
      revokeExpired: await answer(revoke(expired.id)),
    });
    const before = await seen();
    assert.deepEqual(before.list, [pending.id]);
    for (const refused of [before.accepted, before.revoked, before.expired]) assert.equal(refused.statusCode, 400);
    for (const missing of [before.revokeAccepted, before.revokeRevoked, before.revokeExpired])
      assert.equal(missing.statusCode, 404);

    assert.equal((await sweep())['invitations'], 3);
    assert.deepEqual(await inviteIds(t), [pending.id], 'the pending invitation is kept');
    assert.deepEqual(await seen(), before, 'every answer is the one given before the sweep');
    const joined = await accept(pending.token);
    assert.equal(joined.statusCode, 200, 'the pending invitation still works');
  } finally {
    await t.close();
  }
});
