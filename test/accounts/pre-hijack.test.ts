import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { accountsSettled, mailedToken, nextSignUpAddress } from './helpers.js';
import { verificationPasswordMigration } from '../../src/storage/migrations/0018-verification-password.js';

/**
 * Pre-account hijacking: someone registers your address with their password before you do. The
 * account stays unverified (they cannot read your mail), and when you register, the link you get
 * must make the account yours: your password, not theirs.
 */
let t: TestApp;
const ATTACKER = 'attacker chose this one';
const OWNER = 'the owner chose this one';

before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function register(email: string, password: string): Promise<void> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name: 'Someone' },
    // Each from its own address: this file signs up more than one IP may in 15 minutes.
    remoteAddress: nextSignUpAddress(),
  });
  assert.equal(response.statusCode, 202, response.body);
  await accountsSettled(t);
}

const signIn = (email: string, password: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/session', payload: { provider: 'local', email, password } });
const verify = (token: string) => t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });

test("the owner's own registration link verifies the account with the owner's password; the first registrant's no longer works", async () => {
  const email = 'olga@example.com';
  await register(email, ATTACKER);
  await register(email, OWNER);
  const ownersLink = await mailedToken(t, email, /verify/i, 2);
  assert.equal((await verify(ownersLink)).statusCode, 200);

  assert.equal((await signIn(email, OWNER)).statusCode, 200, 'the owner signs in with their password');
  const attacker = await signIn(email, ATTACKER);
  assert.equal(attacker.statusCode, 401, attacker.body);

  // The first registrant's link, followed later, changes nothing: the account is verified.
  const firstLink = await mailedToken(t, email, /verify/i, 1);
  await verify(firstLink);
  assert.equal((await signIn(email, OWNER)).statusCode, 200);
  assert.equal((await signIn(email, ATTACKER)).statusCode, 401);
});

test('a single registration verifies with its own password, as before; a resent link keeps it', async () => {
  const email = 'solo@example.com';
  await register(email, OWNER);
  const resent = await t.request({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email } });
  assert.equal(resent.statusCode, 202);
  await accountsSettled(t);
  assert.equal((await verify(await mailedToken(t, email, /verify/i, 2))).statusCode, 200);
  assert.equal((await signIn(email, OWNER)).statusCode, 200);
});

test("the upgrade adds the column, and links made before it (no password) keep the account's own", async () => {
  const { db, dialect } = t.storage;
  const email = 'before@example.com';
  await register(email, OWNER);
  const migration = verificationPasswordMigration(dialect);
  await migration.down!(db);
  await migration.up(db);
  const rows = await sql<{
    n: number | string;
  }>`SELECT count(*) AS n FROM link_tokens WHERE password_hash IS NULL`.execute(db);
  assert.ok(Number(rows.rows[0].n) > 0, 'existing links have no password after the upgrade');
  assert.equal((await verify(await mailedToken(t, email, /verify/i, 1))).statusCode, 200);
  assert.equal((await signIn(email, OWNER)).statusCode, 200);
});

const verifyWith = (token: string, password: string) =>
  t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token, password } });

test("with a password (as the web app sends it), the first registrant's link does not verify for the owner of the address, and stays usable", async () => {
  const email = 'victor@example.com';
  await register(email, ATTACKER);
  const link = await mailedToken(t, email, /verify/i, 1);

  // The owner of the address follows the link they never asked for: they cannot know the password.
  const refused = await verifyWith(link, OWNER);
  assert.equal(refused.statusCode, 401, refused.body);
  assert.equal(refused.json.code, 'unauthorized');
  assert.match(refused.json.error, /not the password chosen/);
  const unverified = await signIn(email, ATTACKER);
  assert.notEqual(unverified.statusCode, 200, 'the account stays unverified: no session for the first registrant');

  // The link was not spent: with the password it sets, it still verifies (the refusal rolled nothing forward).
  const verified = await verifyWith(link, ATTACKER);
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json.user.email, email);
});

test('with a password, a resent link (which keeps the account password) checks the account password', async () => {
  const email = 'resent@example.com';
  await register(email, OWNER);
  const resent = await t.request({ method: 'POST', url: '/api/v1/auth/resend-verification', payload: { email } });
  assert.equal(resent.statusCode, 202);
  await accountsSettled(t);
  const link = await mailedToken(t, email, /verify/i, 2);
  assert.equal((await verifyWith(link, 'not the password at all')).statusCode, 401);
  assert.equal((await verifyWith(link, OWNER)).statusCode, 200);
  assert.equal((await signIn(email, OWNER)).statusCode, 200);
});

test("with a password, the owner's own later registration link verifies with the owner's password", async () => {
  const email = 'owen@example.com';
  await register(email, ATTACKER);
  await register(email, OWNER);
  const ownersLink = await mailedToken(t, email, /verify/i, 2);
  assert.equal(
    (await verifyWith(ownersLink, ATTACKER)).statusCode,
    401,
    "the first registrant's password is not this link's",
  );
  assert.equal((await verifyWith(ownersLink, OWNER)).statusCode, 200);
  assert.equal((await signIn(email, OWNER)).statusCode, 200);
  assert.equal((await signIn(email, ATTACKER)).statusCode, 401);
});

test('an account with no password at all (an ID-token sign-in whose address was unverified) verifies by its link alone; an empty password is no way round one that exists', async () => {
  const email = 'nopass@example.com';
  await register(email, OWNER);
  // As a Microsoft sign-in without a verified email leaves it: an unverified account with no password.
  await t.storage.db.updateTable('users').set({ passwordHash: null }).where('email', '=', email).execute();
  const resent = await t.request({
    method: 'POST',
    url: '/api/v1/auth/resend-verification',
    payload: { email },
    remoteAddress: nextSignUpAddress(),
  });
  assert.equal(resent.statusCode, 202);
  await accountsSettled(t);
  const link = await mailedToken(t, email, /verify/i, 2);
  const verified = await verifyWith(link, '');
  assert.equal(verified.statusCode, 200, verified.body);

  const other = 'haspass@example.com';
  await register(other, OWNER);
  const refused = await verifyWith(await mailedToken(t, other, /verify/i, 1), '');
  assert.equal(refused.statusCode, 401, 'an empty password does not pass for an account that has one');
});
