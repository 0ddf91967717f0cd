import type { CoreDeps } from '../deps.js';
import { conflict } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { issueApiKey } from './issue-key.js';
import { revokeApiKeyRow, revokeDescendants } from './revoke-key.js';
import { keyRepository as repo } from './key-repository.js';
import type { ApiKeyView } from './key-view.js';
import type { KeyRecords } from './key-records.js';
import { assertKeyManager, assertWithinScopes } from './policy.js';
import { explicitField, requestedExpiry, ROLL_FIELDS, withinLifetime, type ExpiryInput } from './key-lifetime.js';
import { assertExpiryAllowed, capToPolicy, loadKeyPolicy, type KeyPolicy } from './key-policy.js';

export const MAX_ROLL_EXPIRES_IN = 7 * 24 * 60 * 60;

/**
 * The life of an existing key after it is made: re-enabled after the idle-key policy disabled it,
 * revoked, or rolled into a successor. Each change commits with its audit event and its entry in
 * the invalidation log, and is announced after the commit so every instance drops its cached key.
 */
export class KeyLifecycle {
  constructor(
    private readonly core: CoreDeps,
    private readonly records: KeyRecords,
  ) {}

  /** Re-enables a key the idle-key policy disabled; idleness counts afresh from now. */
  async enable(caller: WorkspaceCaller, id: string): Promise<ApiKeyView> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const now = this.core.clock.now();
    const { view, logged } = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.records.require(workspaceId, id, { executor: trx, lock: true });
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      if (row.revokedAt !== null) throw conflict('A revoked key cannot be re-enabled; create a new key.');
      if (row.disabledAt === null) return { view: this.records.view(row), logged: null };
      await repo.enable(trx, id, now);
      await this.records.audit(trx, caller, id, 'key.enabled', { name: row.name });
      return {
        view: this.records.view({ ...row, disabledAt: null, enabledAt: now }),
        logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }),
      };
    });
    if (logged !== null) await this.core.bus.announce(logged);
    return view;
  }

  /** Revokes at once, with every key it created or rolled: the bus drops them from every cache (this one before we return). */
  async revoke(caller: WorkspaceCaller, id: string): Promise<void> {
    const { workspaceId } = caller;
    assertKeyManager(caller.principal);
    const logged = await this.core.db.transaction().execute(async (trx) => {
      const row = await this.records.require(workspaceId, id, { executor: trx, lock: true });
      assertWithinScopes(caller.principal, JSON.parse(row.scopes) as string[]);
      // Already revoked (perhaps before revocations cascaded): its descendants still go.
      if (row.revokedAt !== null) return revokeDescendants(this.core, trx, row, caller);
      // The keys it created or rolled go with it (revokeApiKeyRow), each announced below.
      return revokeApiKeyRow(this.core, trx, row, caller, this.records.pendingLastUsedAt(row.id));
    });
    for (const entry of logged) await this.core.bus.announce(entry);
  }

  /**
   * A new key with the same name and scopes; the old one keeps working for `expiresIn` seconds.
   * The successor keeps the old key's lifetime (same duration, from now) unless `next` sets one.
   */
  async roll(
    caller: WorkspaceCaller,
    id: string,
    expiresIn: number,
    next: ExpiryInput = {},
  ): Promise<ApiKeyView & { secret: string }> {
    assertKeyManager(caller.principal);
    const { workspaceId } = caller;
    const now = this.core.clock.now();
    const requested = requestedExpiry(next, this.core.clock.now(), ROLL_FIELDS);
    const policy = await loadKeyPolicy(this.core.db, workspaceId);
    const { issued, logged } = await this.core.db.transaction().execute(async (trx) => {
      // Two key rows are locked here, the caller's and the rolled one: in id order, as a cascading
      // revocation locks a parent before the keys it made, so the two never wait on each other.
      const callerFirst = caller.principal.type === 'api_key' && caller.principal.keyId < id;
      const callerCeiling = callerFirst ? await this.records.callerExpiry(caller, trx) : undefined;
      const row = await this.records.require(workspaceId, id, { executor: trx, lock: true });
      const scopes = JSON.parse(row.scopes) as string[];
      // Rolling reveals a secret with the old key's power: the same subset rule as creating.
      assertWithinScopes(caller.principal, scopes);
      if (row.revokedAt !== null) throw conflict('A revoked key cannot be rolled; create a new key.');
      if (row.rolledTo !== null) throw conflict('This key has already been rolled.', row.rolledTo);
      const oldExpiry = Math.min(now + expiresIn * 1000, row.expiresAt === null ? Infinity : Number(row.expiresAt));
      // Rolling is rotation, not renewal: dropping the expiry would turn a 30-day key into a forever key.
      const inherited = row.expiresAt === null ? null : now + (Number(row.expiresAt) - Number(row.createdAt));
      const ceiling = callerCeiling === undefined ? await this.records.callerExpiry(caller, trx) : callerCeiling;
      const successor = await issueApiKey(this.core, trx, caller, {
        workspaceId,
        name: row.name,
        scopes,
        expiresAt: successorExpiry(
          policy,
          withinLifetime(requested ?? inherited, ceiling, explicitField(next, ROLL_FIELDS)),
          requested !== null,
          now,
        ),
        allowedIps: row.allowedIps === null ? [] : (JSON.parse(row.allowedIps) as string[]),
        rolledFrom: row.id,
        // A key rolling itself makes its replacement, not its child: the successor's lineage is the
        // old key's (revoking the old key after the roll, the usual rotation, leaves the successor).
        ...(rollsItself(caller, row.id) ? { createdBy: { type: row.createdByType, id: row.createdById } } : {}),
      });
      await repo.markRolled(trx, row.id, successor.id, oldExpiry);
      await this.core.audit.record(trx, caller, {
        type: 'key.rolled',
        target: { type: 'api_key', id: row.id },
        data: { successorId: successor.id, oldKeyExpiresAt: new Date(oldExpiry).toISOString() },
      });
      // The old key's cached expiry is now wrong everywhere.
      return { issued: successor, logged: await this.core.bus.record(trx, { kind: 'api_key', subject: row.hash }) };
    });
    await this.core.bus.announce(logged);
    return { ...issued.view, secret: issued.secret };
  }
}

/**
 * Under a key policy a successor must satisfy it too: an inherited lifetime is capped at the
 * policy's maximum, an explicitly requested one is refused beyond it (400).
 */
function successorExpiry(policy: KeyPolicy, wanted: number | null, explicit: boolean, now: number): number | null {
  const expiresAt = explicit ? wanted : capToPolicy(policy, wanted, now);
  assertExpiryAllowed(policy, expiresAt, now, '/body');
  return expiresAt;
}

function rollsItself(caller: WorkspaceCaller, keyId: string): boolean {
  return caller.principal.type === 'api_key' && caller.principal.keyId === keyId;
}
