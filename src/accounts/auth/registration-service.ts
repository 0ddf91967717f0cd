import type { Executor } from '../../audit/audit-log.js';
import { unauthorized } from '../../errors.js';
import type { RequestCaller } from '../../http/caller.js';
import { isUnavailableError, isUniqueViolation } from '../../storage/database.js';
import { proveAccountEmail } from './account-proof.js';
import { auditForUser, type AccountsContext } from '../context.js';
import { alreadyRegisteredEmail, passwordResetEmail, verificationEmail } from '../mail/emails.js';
import {
  consumeLinkToken,
  findLiveLinkToken,
  issueLinkToken,
  spendAllLinkTokens,
  type LiveLink,
} from '../mail/link-token-repository.js';
import { checkPasswordPolicy } from './passwords.js';
import { LINK_TTL } from './tokens.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  normalizeEmail,
  setPasswordHash,
  toUserView,
  type UserView,
} from './user-repository.js';
import { createWorkspace } from '../workspaces/workspace-repository.js';
import { SerialQueue } from '../../lib/serial-queue.js';

/** Waits before the retries of work queued after an answer, when the database was unavailable. */
const RETRY_DELAYS_MS = [1000, 4000];

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  workspaceName?: string;
}

/**
 * Registration, email verification and password reset. Every answer that takes an email is
 * the same whether or not an account exists (no enumeration); emails go out in the background,
 * and the registration, resend and reset lookups themselves happen after the answer.
 */
export class Registration {
  private readonly queue: SerialQueue;

  constructor(private readonly ctx: AccountsContext) {
    this.queue = new SerialQueue(ctx.core.logger);
  }

  /**
   * Checks the password and hashes it, on every path, so a caller waits as long whether or not the
   * address is taken; then queues the rest (`later`, as `resendVerification`): the lookup, then the
   * new account and its verification link, or the owner's notice. Queued before the answer, so a
   * client that hangs up once the hash is paid still gets its account; run after it is sent.
   */
  async register(input: RegisterInput): Promise<void> {
    checkPasswordPolicy(input.password);
    const email = normalizeEmail(input.email);
    const passwordHash = await this.ctx.hasher.hash(input.password);
    this.later('registration', () => this.createAccount(input, email, passwordHash));
  }

  private async createAccount(input: RegisterInput, email: string, passwordHash: string): Promise<void> {
    const { core, mailer } = this.ctx;
    const publicUrl = core.config.publicUrl;
    let token: string | null = null;
    try {
      token = await core.db.transaction().execute(async (trx) => {
        if (await findUserByEmail(trx, email)) return null;
        const now = core.clock.now();
        const user = await insertUser(trx, { email, name: input.name, passwordHash, verified: false, now });
        if (input.workspaceName)
          await createWorkspace(trx, {
            name: input.workspaceName,
            plan: core.config.defaultPlan,
            ownerId: user.id,
            now,
          });
        return issueLinkToken(trx, {
          userId: user.id,
          purpose: 'verify_email',
          ttlMs: LINK_TTL.verifyEmail,
          now,
          passwordHash,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    if (token !== null) {
      mailer.send(verificationEmail(publicUrl, email, token));
      return;
    }
    // Taken: the owner of the address hears about it; the caller learns nothing.
    const existing = await findUserByEmail(core.db, email);
    // Unverified: whoever registered it first may not own the address. The link goes to the
    // address and carries this registration's password, which following it sets.
    if (existing && existing.emailVerifiedAt === null) await this.sendVerification(existing.id, email, passwordHash);
    else mailer.send(alreadyRegisteredEmail(publicUrl, email));
  }

  /**
   * Spends a verification link. With `password` (the web app always sends it) the clicker must
   * also know the password the link sets: an account someone else registered with your address is
   * then never verified with their password by your click on the link they made Woes mail you.
   */
  async verifyEmail(token: string, password: string | undefined, caller: RequestCaller): Promise<UserView> {
    const { core, sessions, failures } = this.ctx;
    // A wrong token or password is a guess: it spends the IP's failed sign-in budget.
    const { view, proven } = await failures.guard(caller.ip, async () => {
      // Checked before the transaction: argon2 must not hold the database's write lock.
      const checked = password === undefined ? undefined : await this.linkPasswordChecked(token, password);
      return core.db.transaction().execute(async (trx) => {
        const now = core.clock.now();
        const link = await consumeLinkToken(trx, token, 'verify_email', now);
        // The password checked is still the one this link sets (or the account keeps).
        if (checked !== undefined && checked !== (await passwordSetBy(trx, link))) throw wrongLinkPassword();
        // The link confirms the registration it was sent for, password included: when that was a
        // later registration of the still unverified address, its password replaces the first
        // registrant's (who may not own the address). A verified account's password never
        // changes here. Any ID-token identity that created or joined the account meanwhile never
        // proved the address.
        const changed = await proveAccountEmail(trx, sessions, {
          userId: link.userId,
          now,
          keepPassword: true,
          passwordHash: link.passwordHash ?? undefined,
        });
        return { view: toUserView((await findUserById(trx, link.userId))!), proven: changed };
      });
    });
    if (proven) await core.bus.publish({ kind: 'user', subject: view.id });
    return view;
  }

  /**
   * The hash `password` matched: the one the link sets, or the account's own; 401 otherwise. An
   * account that has no password at all (made by a Google or Microsoft sign-in whose address was
   * not verified) has none to prove: null, and the link alone verifies it, whatever was sent.
   */
  private async linkPasswordChecked(token: string, password: string): Promise<string | null> {
    const { core, hasher } = this.ctx;
    const link = await findLiveLinkToken(core.db, token, 'verify_email', core.clock.now());
    const target = await passwordSetBy(core.db, link);
    if (target === null) return null;
    if (!(await hasher.verify(target, password))) throw wrongLinkPassword();
    return target;
  }

  /**
   * Emails the verification link again, to an unverified account only. Returns at once: the
   * lookup, the token and the email happen later (`later`), so the answer takes the same time
   * whether or not the address has an account.
   */
  resendVerification(emailInput: string): void {
    this.later('verification email', async () => {
      const email = normalizeEmail(emailInput);
      const user = await findUserByEmail(this.ctx.core.db, email);
      if (user && user.emailVerifiedAt === null) await this.sendVerification(user.id, email);
    });
  }

  /** Emails a password-reset link when the address has an account; returns at once, like `resendVerification`. */
  requestPasswordReset(emailInput: string): void {
    this.later('password-reset email', async () => {
      const { core, mailer } = this.ctx;
      const email = normalizeEmail(emailInput);
      const user = await findUserByEmail(core.db, email);
      if (!user) return;
      const token = await issueLinkToken(core.db, {
        userId: user.id,
        purpose: 'password_reset',
        ttlMs: LINK_TTL.passwordReset,
        now: core.clock.now(),
      });
      mailer.send(passwordResetEmail(core.config.publicUrl, email, token));
    });
  }

  /** Resolves once every queued link has been written and handed to the mailer, and the mailer is idle. */
  async idle(): Promise<void> {
    await this.queue.idle();
    await this.ctx.mailer.idle();
  }

  /**
   * Work whose time would tell whether an account exists: queued (one at a time, as the portal's
   * magic links), after whatever was asked before. The caller queues it and then answers; the task
   * first yields to the event loop (`setImmediate`), which runs only once the answer's microtasks
   * (Fastify's send, the socket write) are done, so even SQLite's synchronous statements never run
   * before the answer is written. A failure is logged, without the address, and never reaches a
   * caller or leaves a rejected promise behind.
   */
  private later(what: string, work: () => Promise<void>): void {
    this.queue.push(what, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      // The caller was told 202 and will not retry: a database that is briefly unavailable (locked
      // by another connection, restarting) gets a few more tries before the work is given up and
      // logged. Each try is whole (the account's transaction rolled back), so a retry is safe.
      for (const delayMs of RETRY_DELAYS_MS) {
        try {
          return await work();
        } catch (error) {
          if (!isUnavailableError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
      await work();
    });
  }

  /** Sets the new password and ends every session of the user, on every instance. */
  async confirmPasswordReset(input: { token: string; password: string }, caller: RequestCaller): Promise<void> {
    // Before the new password is hashed, and a wrong token spends the IP's budget.
    return this.ctx.failures.guard(caller.ip, () => this.resetPassword(input, caller));
  }

  private async resetPassword(input: { token: string; password: string }, caller: RequestCaller): Promise<void> {
    const { core, hasher, sessions } = this.ctx;
    checkPasswordPolicy(input.password);
    const passwordHash = await hasher.hash(input.password);
    const userId = await core.db.transaction().execute(async (trx) => {
      const now = core.clock.now();
      const { userId: id } = await consumeLinkToken(trx, input.token, 'password_reset', now);
      // The link proved control of the address, so it also verifies it, cutting off every
      // identity that had not proven it (account-proof.ts); the new password replaces the old.
      await proveAccountEmail(trx, sessions, { userId: id, now, keepPassword: false });
      await setPasswordHash(trx, id, passwordHash, now);
      await spendAllLinkTokens(trx, id, 'password_reset', now);
      await sessions.endAll(trx, id, 'password_reset');
      await auditForUser(core, trx, caller, id, {
        type: 'password.reset',
        actor: { type: 'user', id },
        target: { type: 'user', id },
      });
      return id;
    });
    await core.bus.publish({ kind: 'user', subject: userId });
  }

  /** `passwordHash`: the registration the link confirms (none for a resend: the account keeps its own). */
  private async sendVerification(userId: string, email: string, passwordHash: string | null = null): Promise<void> {
    const { core, mailer } = this.ctx;
    const token = await issueLinkToken(core.db, {
      userId,
      purpose: 'verify_email',
      ttlMs: LINK_TTL.verifyEmail,
      now: core.clock.now(),
      passwordHash,
    });
    mailer.send(verificationEmail(core.config.publicUrl, email, token));
  }
}

const wrongLinkPassword = () =>
  unauthorized(
    'This is not the password chosen when this address was signed up. If you did not sign up, ignore the email; to use the address yourself, sign up with it again or reset the password.',
  );

/** The password hash an account has once `link` is spent: the link's own, or the account's. */
async function passwordSetBy(db: Executor, link: LiveLink): Promise<string | null> {
  return link.passwordHash ?? (await findUserById(db, link.userId))?.passwordHash ?? null;
}
