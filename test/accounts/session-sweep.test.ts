import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { AccessTokens } from '../../src/accounts/auth/access-tokens.js';
import { newRefreshToken, sha256 } from '../../src/accounts/auth/tokens.js';
import { newId } from '../../src/storage/ids.js';
import { retentionSweepsMigration } from '../../src/storage/migrations/0015-retention-sweeps.js';
import { answerOf as answer, sweptCounts } from '../helpers/sweep.js';
import { PASSWORD, bearer, refresh, signIn, signUp } from './helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function sessionIdOf(accessToken: string): string {
  return (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { sid: string }).sid;
}

async function session(t: TestApp, id: string) {
  return t.app.woes.db
    .selectFrom('sessions')
    .select(['id', 'endedAt', 'expiresAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function tokensOf(t: TestApp, sessionId: string): Promise<number> {
  const rows = await t.app.woes.db.selectFrom('refreshTokens').select('id').where('familyId', '=', sessionId).execute();
  return rows.length;
}

test('the sweep deletes agent sessions a month after they ended or expired, with any token left, and never a live one', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  const sweep = () => t.app.woes.sweeper.runOnce();
  try {
    const start = clock.now();
    // Three sessions of one agent: one kept alive by refreshing, one signed out, one left to expire.
    const live = await signUp(t, 'sessions@example.com', { workspaceName: 'Sessions' });
    const ws = live.workspaceId!;
    const signedOut = await signIn(t, 'sessions@example.com', PASSWORD);
    const idle = await signIn(t, 'sessions@example.com', PASSWORD);
    const [liveId, outId, idleId] = [live, signedOut, idle].map((s) => sessionIdOf(s.accessToken));
    const out = await t.request({
      method: 'DELETE',
      url: '/api/v1/auth/session',
      headers: bearer(signedOut.accessToken),
    });
    assert.equal(out.statusCode, 204, out.body);
    // Ending a session expires it (and its tokens) at that moment: the sweep reads the expiry alone.
    assert.deepEqual(await session(t, outId), { id: outId, endedAt: start, expiresAt: start });

    // A token of the kind stored before ending a session expired its tokens: it outlives its session's end.
    const legacy = newRefreshToken();
    await t.app.woes.db
      .insertInto('refreshTokens')
      .values({
        id: newId('tok', start),
        familyId: outId,
        tokenHash: sha256(legacy),
        createdAt: start,
        expiresAt: start + 30 * DAY,
        usedAt: null,
      })
      .execute();

    // Day 29: the signed-out session's own token is gone (a day after the sign-out); the session stays.
    clock.advance(29 * DAY);
    const rotated = await refresh(t, live.refreshToken);
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.equal((await sweep())['agent sessions'], 0);
    assert.ok(await session(t, outId), 'ended 29 days ago: kept');
    assert.equal(await tokensOf(t, outId), 1, 'only the old-style token is left');
    // No token made by today's code expires after its session: a session's tokens go before it does.
    const outliving = await t.app.woes.db
      .selectFrom('refreshTokens')
      .innerJoin('sessions', 'sessions.id', 'refreshTokens.familyId')
      .select('refreshTokens.tokenHash')
      .where((eb) => eb('refreshTokens.expiresAt', '>', eb.ref('sessions.expiresAt')))
      .execute();
    assert.deepEqual(
      outliving.map((row) => row.tokenHash),
      [sha256(legacy)],
    );

    // Day 30 and an hour: what a caller holding the signed-out session's credentials sees, before the sweep.
    clock.advance(DAY + HOUR);
    const signer = new AccessTokens(clock);
    signer.load(t.app.woes.secrets.signingKey);
    const access = await signer.sign({ userId: live.userId, sessionId: outId });
    const workspace = () => t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(access, ws) });
    const before = {
      access: await answer(workspace()),
      legacy: await answer(refresh(t, legacy)),
      own: await answer(refresh(t, signedOut.refreshToken)),
    };
    assert.equal(before.access.statusCode, 401);
    assert.equal(before.legacy.statusCode, 401);
    assert.equal(before.own.statusCode, 401);

    // The signed-out session goes, and with it the token left (its foreign key); the idle one
    // expired an hour ago and stays, the live one is untouched.
    assert.equal((await sweep())['agent sessions'], 1);
    assert.equal(await session(t, outId), undefined);
    assert.equal(await tokensOf(t, outId), 0, 'no token outlives its session');
    assert.ok(await session(t, idleId), 'expired an hour ago: kept');
    assert.ok(await session(t, liveId), 'a live session is kept');

    // Past the verifier's session cache (5 minutes): every answer is the one given before.
    clock.advance(6 * 60_000);
    assert.deepEqual(
      {
        access: await answer(workspace()),
        legacy: await answer(refresh(t, legacy)),
        own: await answer(refresh(t, signedOut.refreshToken)),
      },
      before,
    );
    const again = await refresh(t, rotated.json.refreshToken);
    assert.equal(again.statusCode, 200, 'the live session refreshes as before');

    // Day 60 and more: the idle session, expired 30 days ago, goes; the live one expired a day ago and stays.
    clock.advance(30 * DAY);
    assert.equal((await sweep())['agent sessions'], 1);
    assert.equal(await session(t, idleId), undefined);
    assert.ok(await session(t, liveId));
    assert.equal(await tokensOf(t, idleId), 0);
    assert.ok(sweptCounts(t, 'agent sessions').includes(1), 'the sweep is logged with its count');
  } finally {
    await t.close();
  }
});

test('upgrading gives sessions that ended before it their end as expiry, so the sweep finds them', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  try {
    const start = clock.now();
    const live = await signUp(t, 'upgrade@example.com');
    const ended = await signIn(t, 'upgrade@example.com', PASSWORD);
    const [liveId, endedId] = [live, ended].map((s) => sessionIdOf(s.accessToken));
    const out = await t.request({ method: 'DELETE', url: '/api/v1/auth/session', headers: bearer(ended.accessToken) });
    assert.equal(out.statusCode, 204);
    // As the version before stored them: ending left the expiry 30 days on.
    const db = t.app.woes.db;
    await db
      .updateTable('sessions')
      .set({ expiresAt: start + 30 * DAY })
      .where('id', '=', endedId)
      .execute();
    for (const index of [
      'sessions_expires',
      'invites_expires',
      'idempotency_keys_created',
      'inbound_receipts_received_at',
    ]) {
      await sql`drop index ${sql.id(index)}`.execute(db);
    }

    // The migration itself, as the migrator runs it (on names as stored, without the camel-case plugin):
    // later migrations stay applied, so this one cannot go back through the migrator.
    await retentionSweepsMigration(t.storage.dialect).up(db.withoutPlugins());
    assert.deepEqual(await session(t, endedId), { id: endedId, endedAt: start, expiresAt: start });
    assert.deepEqual(await session(t, liveId), { id: liveId, endedAt: null, expiresAt: start + 30 * DAY });
  } finally {
    await t.close();
  }
});
