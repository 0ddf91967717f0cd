import { AuditLog } from '../../audit/audit-log.js';
import { systemClock } from '../../deps.js';
import { AppError } from '../../errors.js';
import { issueApiKey } from '../../keys/issue-key.js';
import { toKeyView } from '../../keys/key-view.js';
import { CLIError, required, type Command } from '../command.js';
import { openWithBus } from '../context.js';

const CLI_ACTOR = { type: 'cli', id: null } as const;

function seconds(raw: string | boolean | undefined): number | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new CLIError('--expires-in must be a whole number of seconds, at least 1', 2);
  }
  return Number(raw);
}

async function requireWorkspace(db: Awaited<ReturnType<typeof openWithBus>>['storage']['db'], id: string): Promise<void> {
  const found = await db.selectFrom('workspaces').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new CLIError(`no workspace ${id}`);
}

export const keysCreateCommand: Command = {
  name: 'keys create',
  usage: 'keys create --workspace WS --name N --scopes a,b [--expires-in SECONDS] [--json]',
  summary: 'create an API key and print it once',
  options: { workspace: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, 'expires-in': { type: 'string' } },
  async run(context) {
    const workspaceId = required(context, 'workspace');
    const name = required(context, 'name');
    const scopes = required(context, 'scopes').split(',').map((s) => s.trim()).filter(Boolean);
    const expiresIn = seconds(context.values['expires-in']);
    const opened = await openWithBus(context.config);
    try {
      await requireWorkspace(opened.storage.db, workspaceId);
      const core = { audit: new AuditLog(() => systemClock.now()), clock: systemClock };
      const issued = await opened.storage.db.transaction().execute((trx) =>
        issueApiKey(core, trx, {
          workspaceId,
          name,
          scopes,
          expiresAt: expiresIn === null ? null : systemClock.now() + expiresIn * 1000,
          createdBy: CLI_ACTOR,
        }),
      );
      context.out(
        [
          `Created API key ${issued.id} "${name}" in ${workspaceId}`,
          `scopes: ${issued.view.scopes.join(' ')}`,
          `expires: ${issued.view.expiresAt ?? 'never'}`,
          '',
          `  ${issued.secret}`,
          '',
          'Store it now in your secret manager: it is shown only this once.',
        ].join('\n'),
        { ...issued.view, secret: issued.secret },
      );
    } catch (error) {
      if (error instanceof AppError) throw new CLIError(error.message, 2);
      throw error;
    } finally {
      await opened.close();
    }
  },
};

export const keysListCommand: Command = {
  name: 'keys list',
  usage: 'keys list --workspace WS [--json]',
  summary: "list a workspace's API keys (never their secrets)",
  options: { workspace: { type: 'string' } },
  async run(context) {
    const workspaceId = required(context, 'workspace');
    const opened = await openWithBus(context.config);
    try {
      await requireWorkspace(opened.storage.db, workspaceId);
      const rows = await opened.storage.db
        .selectFrom('apiKeys')
        .selectAll()
        .where('workspaceId', '=', workspaceId)
        .orderBy('id', 'desc')
        .execute();
      const now = systemClock.now();
      const views = rows.map((row) => toKeyView(row, now));
      const lines = views.map((v) => {
        const state = v.revokedAt ? 'revoked' : v.expiresAt && Date.parse(v.expiresAt) <= now ? 'expired' : v.stale ? 'stale' : 'active';
        return `${v.id}  ${v.start}…${v.last4}  ${state.padEnd(7)}  ${v.name}  [${v.scopes.join(' ')}]  last used ${v.lastUsedAt ?? 'never'}`;
      });
      context.out(lines.length ? lines.join('\n') : `No API keys in ${workspaceId}.`, { data: views });
    } finally {
      await opened.close();
    }
  },
};

export const keysRevokeCommand: Command = {
  name: 'keys revoke',
  usage: 'keys revoke KEY_ID [--json]',
  summary: 'revoke an API key; running servers refuse it within a second',
  async run(context) {
    const keyId = context.positionals[0];
    if (!keyId) throw new CLIError('usage: woes keys revoke KEY_ID', 2);
    const opened = await openWithBus(context.config);
    try {
      const audit = new AuditLog(() => systemClock.now());
      const result = await opened.storage.db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('apiKeys').select(['id', 'workspaceId', 'hash', 'name', 'revokedAt']).where('id', '=', keyId).executeTakeFirst();
        if (!row) return null;
        if (row.revokedAt !== null) return { ...row, already: true };
        await trx.updateTable('apiKeys').set({ revokedAt: systemClock.now() }).where('id', '=', keyId).execute();
        await audit.record(trx, {
          workspaceId: row.workspaceId,
          type: 'key.revoked',
          actor: CLI_ACTOR,
          target: { type: 'api_key', id: row.id },
          data: { name: row.name },
        });
        return { ...row, already: false };
      });
      if (result === null) throw new CLIError(`no API key ${keyId}`);
      // After the commit: servers that reload the key must find it revoked.
      if (!result.already) await opened.bus.publish({ kind: 'api_key', subject: result.hash });
      context.out(result.already ? `API key ${keyId} was already revoked.` : `Revoked API key ${keyId}.`, {
        id: keyId,
        revoked: true,
      });
    } finally {
      await opened.close();
    }
  },
};
