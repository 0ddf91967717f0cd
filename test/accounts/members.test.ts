import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD, bearer, mailedToken, signIn, signUp } from './helpers.js';

async function invite(t: TestApp, token: string, ws: string, email: string, role: string) {
  return t.request({ method: 'POST', url: '/api/v1/invites', headers: bearer(token, ws), payload: { email, role } });
}

/** An owner with a workspace, plus a colleague who joined it through an invite with `role`. */
async function team(t: TestApp, role: 'admin' | 'agent', prefix: string) {
  const owner = await signUp(t, `${prefix}-owner@example.com`, { workspaceName: `${prefix} team` });
  const ws = owner.workspaceId!;
  const email = `${prefix}-${role}@example.com`;
  assert.equal((await invite(t, owner.accessToken, ws, email, role)).statusCode, 201);
  const token = await mailedToken(t, email, /invited/);
  const joined = await t.request({
    method: 'POST',
    url: '/api/v1/auth/accept-invite',
    payload: { token, name: 'Colleague', password: PASSWORD },
  });
  assert.equal(joined.statusCode, 200, joined.body);
  const member = await signIn(t, email, PASSWORD, ws);
  return { owner, ws, member };
}

test('invite → accept: new account is verified, joins with the role of the record even if the body says owner', async () => {
  const t = await createTestApp();
  try {
    const owner = await signUp(t, 'boss@example.com', { workspaceName: 'Boss' });
    const ws = owner.workspaceId!;
    const asOwner = await invite(t, owner.accessToken, ws, 'x@example.com', 'owner');
    assert.equal(asOwner.statusCode, 400, 'an invite never grants owner');
    const created = await invite(t, owner.accessToken, ws, 'New@Example.com', 'agent');
    assert.equal(created.statusCode, 201);
    assert.equal(created.json.role, 'agent');
    assert.equal(JSON.stringify(created.json).includes('token'), false);
    const list = await t.request({ method: 'GET', url: '/api/v1/invites', headers: bearer(owner.accessToken, ws) });
    assert.deepEqual(
      list.json.data.map((i: { id: string }) => i.id),
      [created.json.id],
    );

    const token = await mailedToken(t, 'new@example.com', /invited/);
    const sneaky = await t.request({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      payload: { token, name: 'New', password: PASSWORD, role: 'owner' },
    });
    assert.equal(sneaky.statusCode, 400, 'role is not a field of accept-invite');
    const joined = await t.request({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      payload: { token, name: 'New', password: PASSWORD },
    });
    assert.equal(joined.statusCode, 200, joined.body);
    assert.equal(joined.json.workspace.role, 'agent');
    assert.equal(joined.json.user.emailVerified, true);
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/accept-invite',
          payload: { token, name: 'New', password: PASSWORD },
        })
      ).statusCode,
      400,
      'one use',
    );

    const colleague = await signIn(t, 'new@example.com', PASSWORD, ws);
    const members = await t.request({ method: 'GET', url: '/api/v1/members', headers: bearer(owner.accessToken, ws) });
    assert.deepEqual(members.json.data.map((m: { email: string; role: string }) => [m.email, m.role]).sort(), [
      ['boss@example.com', 'owner'],
      ['new@example.com', 'agent'],
    ]);
    // An agent reads conversations but not members.
    const denied = await t.request({
      method: 'GET',
      url: '/api/v1/members',
      headers: bearer(colleague.accessToken, ws),
    });
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json.code, 'insufficient_scope');
    const types = (
      await t.storage.db.selectFrom('auditEvents').select('type').where('workspaceId', '=', ws).execute()
    ).map((r) => r.type);
    assert.ok(types.includes('member.invited') && types.includes('member.joined'));
  } finally {
    await t.close();
  }
});

test('an existing account must be signed in as itself to accept; revoked invites stop working', async () => {
  const t = await createTestApp();
  try {
    const owner = await signUp(t, 'own@example.com', { workspaceName: 'Own' });
    const ws = owner.workspaceId!;
    const existing = await signUp(t, 'exists@example.com');
    const stranger = await signUp(t, 'stranger@example.com');
    await invite(t, owner.accessToken, ws, 'exists@example.com', 'admin');
    const token = await mailedToken(t, 'exists@example.com', /invited/);
    const anonymous = await t.request({ method: 'POST', url: '/api/v1/auth/accept-invite', payload: { token } });
    assert.equal(anonymous.statusCode, 401);
    const wrongUser = await t.request({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      headers: bearer(stranger.accessToken),
      payload: { token },
    });
    assert.equal(wrongUser.statusCode, 403);
    const ok = await t.request({
      method: 'POST',
      url: '/api/v1/auth/accept-invite',
      headers: bearer(existing.accessToken),
      payload: { token },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json.workspace.role, 'admin');
    // Membership is visible on the very next request, even though "not a member" may have been cached.
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/members', headers: bearer(existing.accessToken, ws) }))
        .statusCode,
      200,
    );

    const second = await invite(t, owner.accessToken, ws, 'later@example.com', 'agent');
    const laterToken = await mailedToken(t, 'later@example.com', /invited/);
    assert.equal(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/invites/${second.json.id}`,
          headers: bearer(owner.accessToken, ws),
        })
      ).statusCode,
      204,
    );
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/accept-invite',
          payload: { token: laterToken, password: PASSWORD },
        })
      ).statusCode,
      400,
    );
  } finally {
    await t.close();
  }
});

test('demotion and removal take effect on the next request', async () => {
  const t = await createTestApp();
  try {
    const { owner, ws, member } = await team(t, 'admin', 'demo');
    const members = (token: string) => t.request({ method: 'GET', url: '/api/v1/members', headers: bearer(token, ws) });
    assert.equal((await members(member.accessToken)).statusCode, 200, 'admin reads members (cache warm)');
    const demote = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.userId}`,
      headers: bearer(owner.accessToken, ws),
      payload: { role: 'agent' },
    });
    assert.equal(demote.statusCode, 200);
    assert.equal(demote.json.role, 'agent');
    const after = await members(member.accessToken);
    assert.equal(after.statusCode, 403);
    assert.equal(after.json.code, 'insufficient_scope');
    const remove = await t.request({
      method: 'DELETE',
      url: `/api/v1/members/${member.userId}`,
      headers: bearer(owner.accessToken, ws),
    });
    assert.equal(remove.statusCode, 204);
    const gone = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(member.accessToken, ws) });
    assert.equal(gone.statusCode, 403);
    assert.equal(gone.json.code, 'forbidden');
    const types = (
      await t.storage.db.selectFrom('auditEvents').select('type').where('workspaceId', '=', ws).execute()
    ).map((r) => r.type);
    assert.ok(types.includes('member.role_changed') && types.includes('member.removed'));
  } finally {
    await t.close();
  }
});

test('demotion and removal reach a second instance sharing the database', async () => {
  const t = await createTestApp();
  const second = await createTestApp({ database: t.database });
  try {
    const { owner, ws, member } = await team(t, 'admin', 'multi');
    const onSecond = () =>
      second.request({ method: 'GET', url: '/api/v1/members', headers: bearer(member.accessToken, ws) });
    assert.equal((await onSecond()).statusCode, 200, 'second instance caches the admin membership');
    await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${member.userId}`,
      headers: bearer(owner.accessToken, ws),
      payload: { role: 'agent' },
    });
    const deadline = Date.now() + 2000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await onSecond()).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(status, 403, 'demotion reached the other instance');
    await t.request({
      method: 'DELETE',
      url: `/api/v1/members/${member.userId}`,
      headers: bearer(owner.accessToken, ws),
    });
    let code = '';
    const until = Date.now() + 2000;
    while (code !== 'forbidden' && Date.now() < until) {
      code =
        (await second.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(member.accessToken, ws) }))
          .json.code ?? '';
      if (code !== 'forbidden') await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(code, 'forbidden', 'removal reached the other instance');
    // Sign-out on one instance is refused by the other.
    const other = await signIn(t, 'multi-owner@example.com');
    assert.equal(
      (await second.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(other.accessToken, ws) }))
        .statusCode,
      200,
    );
    await t.request({ method: 'DELETE', url: '/api/v1/auth/session', headers: bearer(other.accessToken) });
    let signedOut = 200;
    const limit = Date.now() + 2000;
    while (signedOut === 200 && Date.now() < limit) {
      signedOut = (
        await second.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(other.accessToken, ws) })
      ).statusCode;
      if (signedOut === 200) await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(signedOut, 401);
  } finally {
    await second.close();
    await t.close();
  }
});

test('owners are protected: admins cannot touch them, the last owner stays, nobody changes their own role', async () => {
  const t = await createTestApp();
  try {
    const { owner, ws, member: admin } = await team(t, 'admin', 'rules');
    const patch = (token: string, userId: string, role: string) =>
      t.request({ method: 'PATCH', url: `/api/v1/members/${userId}`, headers: bearer(token, ws), payload: { role } });
    assert.equal((await patch(admin.accessToken, owner.userId, 'agent')).json.code, 'forbidden');
    assert.equal(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/members/${owner.userId}`,
          headers: bearer(admin.accessToken, ws),
        })
      ).json.code,
      'forbidden',
    );
    assert.equal((await patch(admin.accessToken, admin.userId, 'owner')).json.code, 'forbidden', 'no self-promotion');
    assert.equal((await patch(owner.accessToken, owner.userId, 'agent')).json.code, 'forbidden', 'no own role change');
    const leave = await t.request({
      method: 'DELETE',
      url: `/api/v1/members/${owner.userId}`,
      headers: bearer(owner.accessToken, ws),
    });
    assert.equal(leave.statusCode, 409, 'the last owner cannot leave');
    assert.equal((await patch(owner.accessToken, admin.userId, 'owner')).statusCode, 200, 'an owner makes owners');
    assert.equal(
      (await patch(admin.accessToken, owner.userId, 'admin')).statusCode,
      200,
      'now an owner, they may demote the other',
    );
    assert.equal(
      (await patch(owner.accessToken, admin.userId, 'agent')).json.code,
      'forbidden',
      'the former owner is an admin now: owners are out of reach',
    );
  } finally {
    await t.close();
  }
});

test('workspace isolation: members and invites of another workspace are 404', async () => {
  const t = await createTestApp();
  try {
    const a = await signUp(t, 'iso-a@example.com', { workspaceName: 'A' });
    const b = await signUp(t, 'iso-b@example.com', { workspaceName: 'B' });
    const inv = await invite(t, b.accessToken, b.workspaceId!, 'someone@example.com', 'agent');
    const wsA = a.workspaceId!;
    assert.equal(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/members/${b.userId}`,
          headers: bearer(a.accessToken, wsA),
          payload: { role: 'agent' },
        })
      ).statusCode,
      404,
    );
    assert.equal(
      (await t.request({ method: 'DELETE', url: `/api/v1/members/${b.userId}`, headers: bearer(a.accessToken, wsA) }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await t.request({
          method: 'DELETE',
          url: `/api/v1/invites/${inv.json.id}`,
          headers: bearer(a.accessToken, wsA),
        })
      ).statusCode,
      404,
    );
    const list = await t.request({ method: 'GET', url: '/api/v1/invites', headers: bearer(a.accessToken, wsA) });
    assert.deepEqual(list.json.data, []);
    for (const url of ['/api/v1/members', '/api/v1/invites', '/api/v1/workspace']) {
      assert.equal((await t.request({ method: 'GET', url })).statusCode, 401, `${url} needs a credential`);
      assert.equal(
        (await t.request({ method: 'GET', url, headers: bearer(a.accessToken, b.workspaceId!) })).statusCode,
        403,
        `${url} in a foreign workspace`,
      );
    }
  } finally {
    await t.close();
  }
});
