import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createTestApp, TestClock } from '../helpers/app.js';
import { SMTPSink } from '../helpers/smtp-sink.js';
import { PASSWORD, accountsSettled, bearer, mailedToken, outbox, signIn, signUp, waitFor } from './helpers.js';
import { listOutbox } from '../../src/accounts/index.js';

const register = (email: string, password = PASSWORD) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/register',
  payload: { email, password, name: 'Someone' },
});
const strip = (json: Record<string, unknown>) => ({ ...json, requestId: undefined });

test('register, read the outbox email, verify, sign in; unverified sign-in is 403 email_not_verified', async () => {
  const t = await createTestApp();
  try {
    const reg = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'Ada@Example.com', password: PASSWORD, name: 'Ada', workspaceName: 'Acme' },
    });
    assert.equal(reg.statusCode, 202);
    assert.deepEqual(reg.json, { status: 'accepted' });
    // The account is created after the answer (its lookup must not show in the answer's time).
    await accountsSettled(t);
    const early = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'ada@example.com', password: PASSWORD },
    });
    assert.equal(early.statusCode, 403);
    assert.equal(early.json.code, 'email_not_verified');
    const token = await mailedToken(t, 'ada@example.com', /Verify/);
    assert.ok(Buffer.from(token, 'base64url').length >= 16, 'at least 128 bits');
    // The outbox log line names the link's page, never its one-time token; the outbox has the whole link.
    const logged = await waitFor(() => t.logs.lines.find((l) => l.includes('email.outbox')));
    assert.ok(!logged.includes(token), 'no token in the log');
    assert.match(logged, /\/verify-email\?token=\[REDACTED\]/);
    const listed = listOutbox(t.config.dataDir).find((e) => e.to === 'ada@example.com');
    assert.equal(listed?.link, `${t.config.publicUrl}/verify-email?token=${token}`, 'the outbox entry gives the link');
    const ok = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json.user.emailVerified, true);
    const again = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    assert.equal(again.statusCode, 400, 'one use');
    assert.equal(again.json.code, 'invalid_request');
    const session = await signIn(t, 'ada@example.com');
    assert.ok(session.workspaceId?.startsWith('ws_'));
    // The hash, not the token, is stored.
    const rows = await t.storage.db.selectFrom('linkTokens').select('tokenHash').execute();
    assert.ok(rows.every((r) => r.tokenHash !== token && r.tokenHash.length === 64));
    assert.equal(t.logs.text.includes(PASSWORD), false, 'passwords never reach the log');
    assert.equal(t.logs.text.includes(session.accessToken) || t.logs.text.includes(session.refreshToken), false);
  } finally {
    await t.close();
  }
});

test('verification links expire after 24 hours', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  try {
    await t.request(register('late@example.com'));
    const token = await mailedToken(t, 'late@example.com', /Verify/);
    clock.advance(24 * 3_600_000 + 1000);
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json.code, 'invalid_request');
    const resend = await t.request({
      method: 'POST',
      url: '/api/v1/auth/resend-verification',
      payload: { email: 'late@example.com' },
    });
    assert.equal(resend.statusCode, 202);
    const fresh = await mailedToken(t, 'late@example.com', /Verify/, 2);
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: fresh } })).statusCode,
      200,
    );
  } finally {
    await t.close();
  }
});

test('passwords: 8-256 characters, the most common refused, no composition rules', async () => {
  const t = await createTestApp();
  try {
    for (const password of ['short', 'x'.repeat(257), 'password', '12345678', 'iloveyou']) {
      const res = await t.request(register('p@example.com', password));
      assert.equal(res.statusCode, 400, password);
      assert.equal(res.json.code, 'invalid_request');
      assert.equal(res.json.details[0].path, '/body/password');
    }
    assert.equal((await t.request(register('p@example.com', 'all lower case words'))).statusCode, 202);
    await accountsSettled(t);
    const stored = await t.storage.db.selectFrom('users').select('passwordHash').executeTakeFirstOrThrow();
    assert.match(stored.passwordHash!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  } finally {
    await t.close();
  }
});

test('register, sign-in and reset answer identically for known and unknown emails', async () => {
  const t = await createTestApp();
  try {
    await signUp(t, 'known@example.com');
    const known = await t.request(register('known@example.com'));
    const unknown = await t.request(register('nobody@example.com'));
    assert.equal(known.statusCode, unknown.statusCode);
    assert.deepEqual(known.json, unknown.json);
    // The owner of a taken address hears about the attempt instead of getting a second account.
    await waitFor(() =>
      outbox(t).find((m) => m.to.includes('known@example.com') && /tried to register/.test(m.subject)),
    );

    const wrongPassword = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'known@example.com', password: 'not the password' },
    });
    const noAccount = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'ghost@example.com', password: 'not the password' },
    });
    assert.equal(wrongPassword.statusCode, 401);
    assert.deepEqual(strip(wrongPassword.json), strip(noAccount.json));
    assert.equal(wrongPassword.statusCode, noAccount.statusCode);

    const resetKnown = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'known@example.com' },
    });
    const resetUnknown = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'ghost@example.com' },
    });
    assert.equal(resetKnown.statusCode, 202);
    assert.deepEqual([resetKnown.statusCode, resetKnown.json], [resetUnknown.statusCode, resetUnknown.json]);
    const resendUnknown = await t.request({
      method: 'POST',
      url: '/api/v1/auth/resend-verification',
      payload: { email: 'ghost@example.com' },
    });
    assert.equal(resendUnknown.statusCode, 202);
    const failures = await t.storage.db
      .selectFrom('auditEvents')
      .select(['type', 'workspaceId'])
      .where('type', '=', 'sign_in_failed')
      .execute();
    assert.equal(failures.length, 2);
  } finally {
    await t.close();
  }
});

test('password reset: 1-hour one-use link, new password works, every session ends on the next request', async () => {
  const clock = new TestClock();
  const t = await createTestApp({ clock });
  try {
    await signUp(t, 'reset@example.com', { workspaceName: 'Reset Co' });
    await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'reset@example.com' } });
    const stale = await mailedToken(t, 'reset@example.com', /Reset/);
    clock.advance(3_600_000 + 1000);
    const expired = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: stale, password: 'a brand new passphrase' },
    });
    assert.equal(expired.statusCode, 400, 'the reset link lives one hour');

    const first = await signIn(t, 'reset@example.com');
    const second = await signIn(t, 'reset@example.com');
    const ws = first.workspaceId!;
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(first.accessToken, ws) })).statusCode,
      200,
    );

    await t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'reset@example.com' } });
    const token = await mailedToken(t, 'reset@example.com', /Reset/, 2);
    const weak = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'password1' },
    });
    assert.equal(weak.statusCode, 400);
    const done = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'a brand new passphrase' },
    });
    assert.equal(done.statusCode, 204);
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/password-reset/confirm',
          payload: { token, password: 'another new passphrase' },
        })
      ).statusCode,
      400,
    );

    for (const s of [first, second]) {
      const res = await t.request({ method: 'GET', url: '/api/v1/workspace', headers: bearer(s.accessToken, ws) });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json.code, 'unauthorized');
      const refresh = await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: s.refreshToken },
      });
      assert.equal(refresh.statusCode, 401);
    }
    const old = await t.request({
      method: 'POST',
      url: '/api/v1/auth/session',
      payload: { provider: 'local', email: 'reset@example.com', password: PASSWORD },
    });
    assert.equal(old.statusCode, 401);
    await signIn(t, 'reset@example.com', 'a brand new passphrase');
    const audit = await t.storage.db
      .selectFrom('auditEvents')
      .select(['type', 'workspaceId'])
      .where('type', '=', 'password.reset')
      .execute();
    assert.deepEqual(audit, [{ type: 'password.reset', workspaceId: ws }]);
  } finally {
    await t.close();
  }
});

test('at most 5 emails per recipient per hour: the request is accepted, the email not sent, an event logged', async () => {
  const t = await createTestApp();
  try {
    await t.request(register('flood@example.com'));
    for (let i = 0; i < 6; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/resend-verification',
        payload: { email: 'flood@example.com' },
      });
      assert.equal(res.statusCode, 202);
    }
    await waitFor(() => t.logs.lines.filter((l) => l.includes('email.suppressed')).length >= 2);
    await waitFor(() => outbox(t).filter((m) => m.to.includes('flood@example.com')).length >= 5);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(outbox(t).filter((m) => m.to.includes('flood@example.com')).length, 5);
    assert.equal(t.logs.lines.filter((l) => l.includes('email.suppressed')).length, 2);
    // A different recipient is unaffected.
    await t.request(register('calm@example.com'));
    await waitFor(() => outbox(t).find((m) => m.to.includes('calm@example.com')));
  } finally {
    await t.close();
  }
});

test('SMTP_URL mode delivers through a real SMTP server and writes no outbox file', async () => {
  const sink = new SMTPSink();
  const url = await sink.start();
  const t = await createTestApp({ env: { SMTP_URL: url, WOES_PUBLIC_URL: 'https://support.example.com' } });
  try {
    await t.request(register('smtp@example.com'));
    const mail = await waitFor(() => sink.to('smtp@example.com')[0]);
    assert.match(mail.subject, /Verify/);
    const token = /token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
    assert.match(mail.text, /https:\/\/support\.example\.com\/verify-email\?token=/);
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } })).statusCode,
      200,
    );
    assert.equal(fs.existsSync(`${t.config.dataDir}/mail`), false);
    assert.equal(t.logs.text.includes(token), false, 'SMTP mode never logs the link');
  } finally {
    await t.close();
    await sink.close();
  }
});

test('one IP may ask for at most 10 account emails (sign-ups, resends, resets together) per 15 minutes', async () => {
  const t = await createTestApp();
  try {
    const from = (ip: string) => ({ remoteAddress: ip });
    const asks = [
      ...Array.from({ length: 4 }, (_, i) => ({ ...register(`spray${i}@example.com`), ...from('203.0.113.7') })),
      ...Array.from({ length: 3 }, (_, i) => ({
        method: 'POST' as const,
        url: '/api/v1/auth/password-reset',
        payload: { email: `victim${i}@example.com` },
        ...from('203.0.113.7'),
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        method: 'POST' as const,
        url: '/api/v1/auth/resend-verification',
        payload: { email: `victim${i}@example.com` },
        ...from('203.0.113.7'),
      })),
    ];
    for (const ask of asks) assert.equal((await t.request(ask)).statusCode, 202, ask.url);
    for (const url of ['/api/v1/auth/register', '/api/v1/auth/password-reset', '/api/v1/auth/resend-verification']) {
      const refused = await t.request({
        method: 'POST',
        url,
        payload: url.endsWith('register') ? register('late@example.com').payload : { email: 'late@example.com' },
        ...from('203.0.113.7'),
      });
      assert.equal(refused.statusCode, 429, url);
      assert.equal(refused.json.code, 'rate_limited');
      assert.ok(Number(refused.headers['retry-after']) > 0);
    }
    // The refused sign-up made no account; another address is not affected.
    const users = await t.app.woes.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'late@example.com')
      .execute();
    assert.deepEqual(users, []);
    assert.equal((await t.request({ ...register('other@example.com'), ...from('203.0.113.8') })).statusCode, 202);
  } finally {
    await t.close();
  }
});
