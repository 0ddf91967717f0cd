import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { sha256 } from '../../src/accounts/auth/tokens.js';
import { PASSWORD, bearer, refresh, signIn, signUp } from './helpers.js';
import { tenant } from '../support/api-helpers.js';
import { customerWithConversation, linkToken, openSession, portalAuth } from '../portal/helpers.js';

const DAY = 86_400_000;

async function count(t: TestApp, table: 'refreshTokens' | 'linkTokens' | 'portalLinks' | 'portalSessions') {
  const row = await t.app.woes.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function refreshTokenExists(t: TestApp, token: string): Promise<boolean> {
  const row = await t.app.woes.db
    .selectFrom('refreshTokens')
    .select('id')
    .where('tokenHash', '=', sha256(token))
    .executeTakeFirst();
  return row !== undefined;
}

test('the sweep deletes credentials that can no longer work, a day after they stopped, and never a live one', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    // An agent: a session refreshed once (its first token spent, kept for reuse detection),
    // a second session signed out, a password-reset link never used.
    const agent = await signUp(t, 'sweep@example.com', { workspaceName: 'Sweep' });
    const rotated = await refresh(t, agent.refreshToken);
    assert.equal(rotated.statusCode, 200, rotated.body);
    const other = await signIn(t, 'sweep@example.com', PASSWORD);
    const out = await t.request({ method: 'DELETE', url: '/api/v1/auth/session', headers: bearer(other.accessToken) });
    assert.equal(out.statusCode, 204, out.body);
    const reset = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'sweep@example.com' },
    });
    assert.equal(reset.statusCode, 202);

    // A customer: a portal session (its link spent) and a second link never used.
    const w = await tenant(t);
    await customerWithConversation(w, 'ada', 'ada@example.com', 'Question');
    const portalSession = await openSession(t, w.workspaceId, 'ada@example.com');
    await linkToken(t, w.workspaceId, 'ada@example.com');

    const before = {
      refreshTokens: await count(t, 'refreshTokens'),
      linkTokens: await count(t, 'linkTokens'),
      portalLinks: await count(t, 'portalLinks'),
      portalSessions: await count(t, 'portalSessions'),
    };
    assert.deepEqual(before, { refreshTokens: 3, linkTokens: 2, portalLinks: 2, portalSessions: 1 });

    // Nothing is deleted while it works or within a day of stopping (the sign-out, the expiries just past).
    clock.advance(2 * 3_600_000);
    const early = await sweep();
    assert.deepEqual(
      [early['refresh tokens'], early['email link tokens'], early['portal sign-in links'], early['portal sessions']],
      [0, 0, 0, 0],
    );

    // Two days on: the signed-out session's token, both email links (24 h and 1 h), both portal
    // links (minutes) and the portal session (30 minutes idle) go. The live agent session stays,
    // its spent first token too (presenting it still revokes the family).
    clock.advance(2 * DAY);
    const swept = await sweep();
    assert.deepEqual(
      [swept['refresh tokens'], swept['email link tokens'], swept['portal sign-in links'], swept['portal sessions']],
      [1, 2, 2, 1],
    );
    assert.equal(await count(t, 'refreshTokens'), 2);
    assert.ok(await refreshTokenExists(t, agent.refreshToken), 'a spent token of a live session is kept');
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/portal/conversations', headers: portalAuth(portalSession) }))
        .statusCode,
      401,
      'a swept portal session answers as an expired one did',
    );
    const again = await refresh(t, rotated.json.refreshToken);
    assert.equal(again.statusCode, 200, 'the live session refreshes as before');

    // Past the refresh tokens' 30 days (and the grace day), the unused session's tokens go too,
    // and the last one is refused as any unknown token is.
    clock.advance(32 * DAY);
    assert.equal((await sweep())['refresh tokens'], 3);
    assert.equal(await count(t, 'refreshTokens'), 0);
    const late = await refresh(t, again.json.refreshToken);
    assert.equal(late.statusCode, 401);
    assert.ok(
      t.logs.lines.some((line) => {
        const entry = JSON.parse(line) as { msg?: string; sweep?: string; deleted?: number };
        return entry.msg === 'rows swept' && entry.sweep === 'refresh tokens' && entry.deleted === 3;
      }),
      'each sweep that deleted rows logs its name and count',
    );
    assert.ok(!t.logs.text.includes(agent.refreshToken), 'no token in the log');
  } finally {
    await t.close();
  }
});
