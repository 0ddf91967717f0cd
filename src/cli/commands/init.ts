import { AppError } from '../../errors.js';
import { issueApiKey } from '../../keys/issue-key.js';
import { cliCaller } from '../../http/caller.js';
import {
  PasswordHasher,
  checkPasswordPolicy,
  createWorkspace,
  findUserByEmail,
  hashPassword,
  insertUser,
  normalizeEmail,
} from '../../accounts/index.js';
import { CLIError, required, type Command } from '../command.js';
import { openCore } from '../context.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `woes init`: the first user (created verified when new) and a new workspace they own, with an
 * `admin` API key printed once. Run it again for more workspaces.
 */
export const initCommand: Command = {
  name: 'init',
  usage: 'init --email E --password P --workspace NAME [--json]',
  summary: "create a user (or check an existing user's password), a workspace they own and an admin API key",
  options: { email: { type: 'string' }, password: { type: 'string' }, workspace: { type: 'string' } },
  async run(context) {
    const email = normalizeEmail(required(context, 'email'));
    const password = required(context, 'password');
    const workspaceName = required(context, 'workspace').trim();
    if (!EMAIL.test(email)) throw new CLIError('--email must be an email address', 2);
    if (workspaceName === '' || workspaceName.length > 200)
      throw new CLIError('--workspace must be 1-200 characters', 2);
    // The first command of an install: it may make the database.
    const core = await openCore(context.config, { create: true });
    const storage = core.storage;
    try {
      const existing = await findUserByEmail(storage.db, email);
      let passwordHash: string | null = null;
      // An admin key for an existing account goes only to someone who knows its password.
      if (existing && !(await new PasswordHasher().verify(existing.passwordHash, password))) {
        throw new CLIError(`wrong password for the existing account ${email}; no workspace or key was created`);
      }
      if (!existing) {
        checkPasswordPolicy(password);
        passwordHash = await hashPassword(password);
      }
      const result = await storage.db.transaction().execute(async (trx) => {
        const now = core.clock.now();
        const user =
          (await findUserByEmail(trx, email)) ??
          (await insertUser(trx, { email, name: '', passwordHash, verified: true, now }));
        const workspace = await createWorkspace(trx, {
          name: workspaceName,
          plan: context.config.defaultPlan,
          ownerId: user.id,
          now,
        });
        const caller = cliCaller(workspace.id);
        await core.audit.record(trx, caller, {
          type: 'workspace.created',
          target: { type: 'workspace', id: workspace.id },
          data: { name: workspace.name, plan: workspace.plan, owner: user.id },
        });
        const key = await issueApiKey(core, trx, caller, {
          workspaceId: workspace.id,
          name: 'init',
          scopes: ['admin'],
          expiresAt: null,
        });
        return { user, created: existing === undefined, workspace, key };
      });
      context.out(
        [
          `${result.created ? 'Created' : 'Using existing'} user ${result.user.id} <${email}>`,
          `Created workspace ${result.workspace.id} "${result.workspace.name}" (plan ${result.workspace.plan}); ${email} is its owner`,
          `Admin API key ${result.key.id}:`,
          '',
          `  ${result.key.secret}`,
          '',
          'Store it now in your secret manager: it is shown only this once.',
        ].join('\n'),
        {
          userId: result.user.id,
          workspaceId: result.workspace.id,
          key: { id: result.key.id, secret: result.key.secret },
        },
      );
    } catch (error) {
      if (error instanceof AppError) throw new CLIError(error.message, 2);
      throw error;
    } finally {
      await core.close();
    }
  },
};
