import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import type { Caller } from '../http/caller.js';
import type { LoggedInvalidation } from '../events/invalidation-bus.js';
import { webhookOutbox } from '../events/webhook-outbox.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyRow } from './key-view.js';

/**
 * Revokes a key row inside the caller's transaction: the row, its `key.revoked` audit event, its
 * `key.revoked` webhook event and its invalidation-log entry commit together. The API and the
 * CLI both come here; the caller announces the returned invalidation after the commit.
 * `pendingLastUsedAt` is this instance's unflushed use of the key, as its API view shows it.
 */
export async function revokeApiKeyRow(
  core: Pick<CoreDeps, 'audit' | 'bus' | 'clock'>,
  trx: Executor,
  row: ApiKeyRow,
  caller: Caller,
  pendingLastUsedAt: number | null = null,
): Promise<LoggedInvalidation> {
  const now = core.clock.now();
  await repo.revoke(trx, row.id, now);
  await core.audit.record(trx, caller, {
    workspaceId: row.workspaceId,
    type: 'key.revoked',
    target: { type: 'api_key', id: row.id },
    data: { name: row.name, start: row.start, last4: row.last4 },
  });
  await recordKeyRevoked(trx, row, now, pendingLastUsedAt);
  // In the same transaction: no revocation commits without its entry in the invalidation log.
  return core.bus.record(trx, { kind: 'api_key', subject: row.hash });
}

/** The `key.revoked` webhook event of a key revoked at `now` in `trx`: its API view, never its secret or hash. */
export async function recordKeyRevoked(
  trx: Executor,
  row: ApiKeyRow,
  now: number,
  pendingLastUsedAt: number | null = null,
): Promise<void> {
  await webhookOutbox.append(trx, {
    workspaceId: row.workspaceId,
    type: 'key.revoked',
    payload: toKeyView({ ...row, revokedAt: now }, now, pendingLastUsedAt),
    now,
  });
}
