import type { CoreDeps } from '../deps.js';
import type { AuditEventInput, Executor } from '../audit/audit-log.js';
import type { Mailer } from './mailer.js';
import type { PasswordHasher } from './passwords.js';
import type { SessionStore } from './sessions.js';
import type { AccessTokens } from './access-tokens.js';
import type { IdTokenVerifier } from './id-tokens.js';
import type { CachedSessionVerifier } from './session-verifier.js';

/** Everything the accounts services share, built once per app in module.ts. */
export interface AccountsContext {
  readonly core: CoreDeps;
  readonly mailer: Mailer;
  readonly hasher: PasswordHasher;
  readonly sessions: SessionStore;
  readonly accessTokens: AccessTokens;
  readonly idTokens: IdTokenVerifier;
  readonly verifier: CachedSessionVerifier;
}

const MAX_FANOUT = 50;

/**
 * Records a user-level event (sign-in failure, password reset, sign-out) in each workspace the
 * user belongs to, so every workspace's audit log shows it; once without a workspace otherwise.
 */
export async function auditForUser(
  core: Pick<CoreDeps, 'audit'>,
  executor: Executor,
  userId: string | null,
  event: Omit<AuditEventInput, 'workspaceId'>,
): Promise<void> {
  const workspaces = userId
    ? await executor.selectFrom('memberships').select('workspaceId').where('userId', '=', userId).limit(MAX_FANOUT).execute()
    : [];
  if (workspaces.length === 0) {
    await core.audit.record(executor, { ...event, workspaceId: null });
    return;
  }
  for (const { workspaceId } of workspaces) await core.audit.record(executor, { ...event, workspaceId });
}
