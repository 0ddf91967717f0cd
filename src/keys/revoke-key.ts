import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import type { Actor, Caller } from '../http/caller.js';
import type { LoggedInvalidation } from '../events/invalidation-bus.js';
import { webhookOutbox } from '../events/webhook-outbox.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyRow } from './key-view.js';

/**
 * Revokes a key row inside the caller's transaction: the row, its `key.revoked` audit event, its
 * `key.revoked` webhook event and its invalidation-log entry commit together, and so do those of
 * every key it created or rolled, transitively (revokeDescendants). The API and the CLI both come
 * here; the caller announces every returned invalidation after the commit. `pendingLastUsedAt` is
 * this instance's unflushed use of the key, as its API view shows it.
 */
export async function revokeApiKeyRow(
  core: Pick<CoreDeps, 'audit' | 'bus' | 'clock' | 'storage'>,
  trx: Executor,
  row: ApiKeyRow,
  caller: Caller,
  pendingLastUsedAt: number | null = null,
): Promise<LoggedInvalidation[]> {
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
  const logged = await core.bus.record(trx, { kind: 'api_key', subject: row.hash });
  return [logged, ...(await revokeDescendants(core, trx, row, caller))];
}

/**
 * SPEC §9: a key never outlives the key that created or rolled it. Revokes, in `trx`, every live
 * key that `parent` created or rolled (its `createdBy`), and every key those made, to any depth:
 * each with its own `key.revoked` audit event (by the revoking caller, or `actor` when given,
 * with `reason: parent_revoked` and the parent's id), webhook event and invalidation-log entry,
 * which the caller announces after the commit. Keys made by a member's session are not a key's
 * children: they belong to the workspace and stay.
 */
export async function revokeDescendants(
  core: Pick<CoreDeps, 'audit' | 'bus' | 'clock' | 'storage'>,
  trx: Executor,
  parent: ApiKeyRow,
  caller: Caller,
  actor?: Actor,
): Promise<LoggedInvalidation[]> {
  const now = core.clock.now();
  const logged: LoggedInvalidation[] = [];
  const seen = new Set([parent.id]);
  let generation = [parent.id];
  while (generation.length > 0) {
    const children = await repo.createdByKeys(trx, parent.workspaceId, generation, core.storage.dialect);
    generation = [];
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      // A revoked or expired key's own children are still its parent's descendants: walk through it.
      generation.push(child.id);
      if (child.revokedAt !== null || (child.expiresAt !== null && Number(child.expiresAt) <= now)) continue;
      await repo.revoke(trx, child.id, now);
      await core.audit.record(trx, caller, {
        workspaceId: child.workspaceId,
        type: 'key.revoked',
        ...(actor === undefined ? {} : { actor }),
        target: { type: 'api_key', id: child.id },
        data: {
          name: child.name,
          start: child.start,
          last4: child.last4,
          reason: 'parent_revoked',
          parentKeyId: child.createdById,
        },
      });
      await recordKeyRevoked(trx, child, now);
      logged.push(await core.bus.record(trx, { kind: 'api_key', subject: child.hash }));
    }
  }
  return logged;
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
