import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PASSWORD, accountsSettled, mailedToken } from './helpers.js';

/**
 * The sign-up's account is made after its 202 (so the lookup's time never shows in the answer);
 * it must not depend on the answer reaching the client. A client that hangs up while the password
 * is hashed — a dropped mobile connection, a closed tab, a proxy timeout — still gets its account.
 */
let t: TestApp;
let port: number;

before(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
});
after(() => t.close());

/** POSTs a sign-up over a real socket and closes it `hangUpAfterMs` later, before any answer. */
function registerAndHangUp(email: string, hangUpAfterMs: number): Promise<string> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ email, password: PASSWORD, name: 'Hana Hangup' });
    let answered = '';
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        'POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      setTimeout(() => {
        socket.destroy();
        resolve(answered);
      }, hangUpAfterMs);
    });
    socket.on('data', (chunk) => (answered += chunk));
    socket.on('error', () => resolve(answered));
  });
}

test('a client that hangs up before the 202 still gets its account and its verification email', async () => {
  const email = 'hana@example.com';
  // argon2id (19 MiB, 2 passes) takes longer than this: the socket is gone before the answer.
  const answered = await registerAndHangUp(email, 3);
  assert.equal(answered, '', 'the client left before any answer');
  // The handler finishes on its own; the queued work then runs.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await accountsSettled(t);
  const user = await t.storage.db
    .selectFrom('users')
    .select(['email', 'emailVerifiedAt'])
    .where('email', '=', email)
    .executeTakeFirst();
  assert.deepEqual(user, { email, emailVerifiedAt: null });
  // Its verification email went out, with a link that works.
  const token = await mailedToken(t, email, /verify/i);
  const verified = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
  assert.equal(verified.statusCode, 200, verified.body);
});
