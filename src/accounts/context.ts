import type { CoreDeps } from '../deps.js';
import type { AuditEvent, Executor } from '../audit/audit-log.js';
import type { Caller } from '../http/caller.js';
import type { Mailer } from './mail/mailer.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { SessionStore } from './auth/session-service.js';
import type { AccessTokens } from './auth/access-tokens.js';
import type { IdTokenVerifier } from './auth/id-tokens.js';
import type { CachedSessionVerifier } from './auth/session-verifier.js';
import { workspaceIdsOf } from './workspaces/member-repository.js';
import type { FailureBudget } from './auth/failure-budget.js';

/** Everything the accounts services share, built once per app in module.ts. */
export interface AccountsContext {
  readonly core: CoreDeps;
  readonly mailer: Mailer;
  readonly hasher: PasswordHasher;
  readonly sessions: SessionStore;
  readonly accessTokens: AccessTokens;
  readonly idTokens: IdTokenVerifier;
  readonly verifier: CachedSessionVerifier;
  /** The per-IP budget of failed sign-ins and token guesses (SPEC §5). */
  readonly failures: FailureBudget;
}

const MAX_FANOUT = 50;

/**
 * Records a user-level event (sign-in failure, password reset, sign-out) in each workspace the
 * user belongs to, so every workspace's audit log shows it; once without a workspace otherwise.
 */
export async function auditForUser(
  core: Pick<CoreDeps, 'audit'>,
  executor: Executor,
  caller: Caller,
  userId: string | null,
  event: Omit<AuditEvent, 'workspaceId'>,
): Promise<void> {
  const workspaces = userId ? await workspaceIdsOf(executor, userId, MAX_FANOUT) : [];
  if (workspaces.length === 0) {
    await core.audit.record(executor, caller, { ...event, workspaceId: null });
    return;
  }
  for (const workspaceId of workspaces) await core.audit.record(executor, caller, { ...event, workspaceId });
}
