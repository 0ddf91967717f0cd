import { AppError } from '../../errors.js';
import { CLIError, required, type Command } from '../command.js';
import { openCore, warnFastPath } from '../context.js';

function seconds(raw: string | boolean | undefined): number | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new CLIError('--expires-in must be a whole number of seconds, at least 1', 2);
  }
  return Number(raw);
}

/** A missing workspace or key is the operator's error (exit 1); a refused value is a usage error (2). */
function cliError(error: unknown, missing: string): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'not_found') return new CLIError(missing);
  // The workspace's key policy refused the expiry (assertExpiryAllowed): say what the CLI can change.
  const byPolicy = error.options.details?.some((d) => d.path === '/body/expiresIn') === true;
  return new CLIError(byPolicy ? `${error.message}\n${POLICY_HINT}` : error.message, 2);
}

const POLICY_HINT =
  'Give --expires-in SECONDS within the policy, or have a workspace owner change the key policy ' +
  '(web app: Settings → Key policy; PATCH /api/v1/workspace/key-policy).';

export const keysCreateCommand: Command = {
  name: 'keys create',
  usage: 'keys create --workspace WS --name N --scopes a,b [--expires-in SECONDS] [--json]',
  summary: 'create an API key and print it once',
  options: {
    workspace: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string' },
    'expires-in': { type: 'string' },
  },
  async run(context) {
    const workspaceId = required(context, 'workspace');
    const name = required(context, 'name');
    const scopes = required(context, 'scopes')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const expiresIn = seconds(context.values['expires-in']);
    const core = await openCore(context.config);
    try {
      const issued = await core.services.operatorKeys
        .create(workspaceId, { name, scopes, expiresIn })
        .catch((error: unknown) => {
          throw cliError(error, `no workspace ${workspaceId}`);
        });
      context.out(
        [
          `Created API key ${issued.id} "${name}" in ${workspaceId}`,
          `scopes: ${issued.scopes.join(' ')}`,
          `expires: ${issued.expiresAt ?? 'never'}`,
          '',
          `  ${issued.secret}`,
          '',
          'Store it now in your secret manager: it is shown only this once.',
        ].join('\n'),
        issued,
      );
    } finally {
      await core.close();
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
    const core = await openCore(context.config);
    try {
      const views = await core.services.operatorKeys.list(workspaceId).catch((error: unknown) => {
        throw cliError(error, `no workspace ${workspaceId}`);
      });
      const now = core.clock.now();
      const lines = views.map((v) => {
        const state = v.revokedAt
          ? 'revoked'
          : v.disabledAt
            ? 'disabled'
            : v.expiresAt && Date.parse(v.expiresAt) <= now
              ? 'expired'
              : v.stale
                ? 'stale'
                : 'active';
        return `${v.id}  ${v.start}…${v.last4}  ${state.padEnd(8)}  ${v.name}  [${v.scopes.join(' ')}]  expires ${v.expiresAt ?? 'never'}  last used ${v.lastUsedAt ?? 'never'}`;
      });
      context.out(lines.length ? lines.join('\n') : `No API keys in ${workspaceId}.`, { data: views });
    } finally {
      await core.close();
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
    const core = await openCore(context.config);
    try {
      // The same revocation as DELETE /keys/{id}: row, audit event and invalidation log in one transaction.
      const result = await core.services.operatorKeys.revoke(keyId).catch((error: unknown) => {
        throw cliError(error, `no API key ${keyId}`);
      });
      warnFastPath(result.warning);
      context.out(result.already ? `API key ${keyId} was already revoked.` : `Revoked API key ${keyId}.`, {
        id: keyId,
        revoked: true,
      });
    } finally {
      await core.close();
    }
  },
};
