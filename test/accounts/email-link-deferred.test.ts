import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { Mailer } from '../../src/accounts/mail/mailer.js';
import { accountsSettled, mailedToken, outbox, PASSWORD, signUp, waitFor } from './helpers.js';

/**
 * Holds every read of the users table until it is opened: while it is shut, a route that looks
 * the address up before answering cannot answer.
 */
class UsersGate implements KyselyPlugin {
  private open = true;
  private release: () => void = () => {};
  private opened: Promise<void> = Promise.resolve();
  /** Reads of the users table that reached the gate (made, held or let through). */
  reads = 0;
  readonly #users = new WeakSet<QueryId>();

  shut(): void {
    this.open = false;
    this.opened = new Promise((resolve) => (this.release = resolve));
  }
  openUp(): void {
    this.open = true;
    this.release();
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"users"')) {
      this.#users.add(args.queryId);
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#users.has(args.queryId)) {
      this.reads += 1;
      if (!this.open) await this.opened;
    }
    return args.result;
  }
}

const ROUTES = ['/api/v1/auth/password-reset', '/api/v1/auth/resend-verification'] as const;

function ask(t: TestApp, url: string, email: string) {
  return t.request({ method: 'POST', url, payload: { email } });
}

/** The answer, or a failure when it waits for the database (a lookup before the answer). */
async function answerWithin(ms: number, request: ReturnType<typeof ask>): ReturnType<typeof ask> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: the route waited for the lookup`)), ms);
  });
  try {
    return await Promise.race([request, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function linkTokens(t: TestApp, purpose: string): Promise<number> {
  const rows = await t.storage.db.selectFrom('linkTokens').select('purpose').where('purpose', '=', purpose).execute();
  return rows.length;
}

test('password reset and resend verification answer before the account is looked up; the link follows', async () => {
  const gate = new UsersGate();
  const t = await createTestApp({ wrapStorage: (storage) => ({ ...storage, db: storage.db.withPlugin(gate) }) });
  try {
    await signUp(t, 'known@example.com');
    const pending = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'pending@example.com', password: PASSWORD, name: 'Pending' },
    });
    assert.equal(pending.statusCode, 202);
    await mailedToken(t, 'pending@example.com', /Verify/);
    const resetsBefore = await linkTokens(t, 'password_reset');
    const verifiesBefore = await linkTokens(t, 'verify_email');

    for (const [url, known, purpose, subject] of [
      [ROUTES[0], 'known@example.com', 'password_reset', /Reset/],
      [ROUTES[1], 'pending@example.com', 'verify_email', /Verify/],
    ] as const) {
      const before = purpose === 'password_reset' ? resetsBefore : verifiesBefore;
      const answers = [];
      // With the users table shut, a known and an unknown address both get their answer.
      gate.shut();
      const readsBefore = gate.reads;
      for (const email of [known, 'nobody@example.com']) {
        const answer = await answerWithin(3000, ask(t, url, email));
        answers.push({ statusCode: answer.statusCode, body: { ...answer.json, requestId: undefined } });
      }
      assert.deepEqual(answers[0], { statusCode: 202, body: { status: 'accepted', requestId: undefined } });
      assert.deepEqual(answers[1], answers[0], 'a known and an unknown address answer alike');
      // The link row cannot exist yet: its lookup is held behind the gate (or not even begun).
      gate.openUp();
      await waitFor(() => gate.reads >= readsBefore + 2);
      const after = await (async () => {
        for (let i = 0; i < 250; i += 1) {
          const count = await linkTokens(t, purpose);
          if (count > before) return count;
          await new Promise((r) => setTimeout(r, 20));
        }
        return before;
      })();
      assert.equal(after, before + 1, `${url}: one link row appears after the answer, for the known address only`);
      await mailedToken(t, known, subject, purpose === 'verify_email' ? 2 : 1);
      assert.equal(outbox(t).filter((m) => m.to.includes('nobody@example.com')).length, 0);
    }
  } finally {
    gate.openUp();
    await t.close();
  }
});

test('registration answers before the address is looked up; the account or the notice follows', async () => {
  const gate = new UsersGate();
  const t = await createTestApp({ wrapStorage: (storage) => ({ ...storage, db: storage.db.withPlugin(gate) }) });
  try {
    await signUp(t, 'taken@example.com');
    await accountsSettled(t);
    const register = (email: string, remoteAddress: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        remoteAddress,
        payload: { email, password: PASSWORD, name: 'Someone', workspaceName: 'Their Co' },
      });
    // With the users table shut, a taken and a new address both get their answer.
    gate.shut();
    const readsBefore = gate.reads;
    const answers = [];
    for (const [email, ip] of [
      ['taken@example.com', '198.51.100.1'],
      ['fresh@example.com', '198.51.100.2'],
    ] as const) {
      const answer = await answerWithin(3000, register(email, ip));
      answers.push({ statusCode: answer.statusCode, body: { ...answer.json, requestId: undefined } });
    }
    assert.deepEqual(answers[0], { statusCode: 202, body: { status: 'accepted', requestId: undefined } });
    assert.deepEqual(answers[1], answers[0], 'a taken and a new address answer alike');
    assert.ok(gate.reads <= readsBefore + 1, 'at most the first queued lookup has begun');
    gate.openUp();
    await accountsSettled(t);

    const fresh = await t.storage.db
      .selectFrom('users')
      .select(['id', 'emailVerifiedAt'])
      .where('email', '=', 'fresh@example.com')
      .executeTakeFirst();
    assert.ok(fresh, 'the new account is created after the answer');
    assert.equal(fresh.emailVerifiedAt, null);
    const owned = await t.storage.db.selectFrom('workspaces').select('name').where('name', '=', 'Their Co').execute();
    assert.equal(owned.length, 1, 'one workspace, for the new account only');
    assert.equal(outbox(t).filter((m) => m.to.includes('fresh@example.com') && /Verify/.test(m.subject)).length, 1);
    const notices = outbox(t).filter((m) => m.to.includes('taken@example.com') && /tried to register/.test(m.subject));
    assert.equal(notices.length, 1, 'the owner of the taken address hears about the attempt');
    const taken = await t.storage.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'taken@example.com')
      .execute();
    assert.equal(taken.length, 1, 'no second account');
  } finally {
    gate.openUp();
    await t.close();
  }
});

test('a mailer that throws after the answer is logged; the server keeps answering and mailing', async (ctx) => {
  const t = await createTestApp();
  try {
    await signUp(t, 'fails@example.com');
    const real = Mailer.prototype.send;
    let thrown = 0;
    ctx.mock.method(Mailer.prototype, 'send', function (this: Mailer, ...args: Parameters<Mailer['send']>) {
      if (thrown === 0 && args[0].subject.match(/Reset/)) {
        thrown += 1;
        throw new Error('SMTP exploded');
      }
      return real.apply(this, args);
    });
    const first = await ask(t, ROUTES[0], 'fails@example.com');
    assert.equal(first.statusCode, 202);
    await waitFor(() => t.logs.lines.find((l) => l.includes('password-reset email failed')));
    const line = t.logs.lines.find((l) => l.includes('password-reset email failed'))!;
    assert.match(line, /SMTP exploded/);
    assert.equal(JSON.parse(line).level >= 50, true, 'logged as an error');
    assert.ok(!line.includes('fails@example.com'), 'the address is not logged');
    // The queue goes on: the next request is looked up and mailed.
    const second = await ask(t, ROUTES[0], 'fails@example.com');
    assert.equal(second.statusCode, 202);
    const token = await mailedToken(t, 'fails@example.com', /Reset/);
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: `${PASSWORD}-new` },
    });
    assert.equal(confirm.statusCode, 204, confirm.body);
    assert.equal(thrown, 1);
  } finally {
    await t.close();
  }
});

test('a body that fails validation queues nothing', async () => {
  const gate = new UsersGate();
  const t = await createTestApp({ wrapStorage: (storage) => ({ ...storage, db: storage.db.withPlugin(gate) }) });
  try {
    const bad = await ask(t, ROUTES[0], 'not an email');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json.code, 'invalid_request');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(gate.reads, 0, 'no lookup after a refused request');
  } finally {
    await t.close();
  }
});
