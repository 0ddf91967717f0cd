import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { forbidden, invalidRequest } from '../errors.js';
import type { WorkspaceCaller } from '../http/caller.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A workspace's key policy (GET/PATCH /workspace/key-policy). */
export interface KeyPolicy {
  /** New and rolled keys must expire within this many days; null: no maximum. */
  maxLifetimeDays: number | null;
  /** New keys must have an expiry. */
  requireExpiry: boolean;
  /** Keys unused for this many days are disabled by the background job; null: never. */
  disableUnusedDays: number | null;
  /** Owners get an email and a `key.expiring` event 7 days before a key expires. */
  warnBeforeExpiry: boolean;
  updatedAt: string | null;
}

export type KeyPolicyPatch = Partial<Omit<KeyPolicy, 'updatedAt'>>;

export const DEFAULT_KEY_POLICY: KeyPolicy = Object.freeze({
  maxLifetimeDays: null,
  requireExpiry: false,
  disableUnusedDays: null,
  warnBeforeExpiry: true,
  updatedAt: null,
});

export async function loadKeyPolicy(db: Executor, workspaceId: string): Promise<KeyPolicy> {
  const row = await db.selectFrom('keyPolicies').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst();
  if (row === undefined) return { ...DEFAULT_KEY_POLICY };
  return {
    maxLifetimeDays: row.maxLifetimeDays === null ? null : Number(row.maxLifetimeDays),
    requireExpiry: Number(row.requireExpiry) === 1,
    disableUnusedDays: row.disableUnusedDays === null ? null : Number(row.disableUnusedDays),
    warnBeforeExpiry: Number(row.warnBeforeExpiry) === 1,
    updatedAt: new Date(Number(row.updatedAt)).toISOString(),
  };
}

/** Refuses an expiry the policy does not allow, saying what it does allow. */
export function assertExpiryAllowed(
  policy: KeyPolicy,
  expiresAt: number | null,
  now: number,
  path = '/body/expiresIn',
): void {
  if (policy.maxLifetimeDays !== null) {
    const max = now + policy.maxLifetimeDays * DAY_MS;
    if (expiresAt === null || expiresAt > max) {
      throw invalidRequest(
        `This workspace's key policy allows keys of at most ${policy.maxLifetimeDays} days: set an expiry no later than ${new Date(max).toISOString()}.`,
        [{ path, message: `must expire within ${policy.maxLifetimeDays} days` }],
      );
    }
  }
  if (policy.requireExpiry && expiresAt === null) {
    throw invalidRequest("This workspace's key policy requires every key to have an expiry.", [
      { path, message: 'is required by the key policy' },
    ]);
  }
}

/** An expiry no later than the policy's maximum lifetime allows (the maximum when there is none). */
export function capToPolicy(policy: KeyPolicy, expiresAt: number | null, now: number): number | null {
  if (policy.maxLifetimeDays === null) return expiresAt;
  const max = now + policy.maxLifetimeDays * DAY_MS;
  return expiresAt === null ? max : Math.min(expiresAt, max);
}

/** Owners set the policy: it binds admins too, so admins must not loosen it. */
export function assertOwner(caller: WorkspaceCaller): void {
  if (caller.principal.type !== 'session' || caller.principal.role !== 'owner') {
    throw forbidden('Only workspace owners see and change the key policy.');
  }
}

export async function updateKeyPolicy(
  core: CoreDeps,
  caller: WorkspaceCaller,
  patch: KeyPolicyPatch,
): Promise<KeyPolicy> {
  assertOwner(caller);
  const { workspaceId } = caller;
  return core.db.transaction().execute(async (trx) => {
    const before = await loadKeyPolicy(trx, workspaceId);
    const next = { ...before, ...patch };
    const now = core.clock.now();
    const row = {
      workspaceId,
      maxLifetimeDays: next.maxLifetimeDays,
      requireExpiry: next.requireExpiry ? 1 : 0,
      disableUnusedDays: next.disableUnusedDays,
      warnBeforeExpiry: next.warnBeforeExpiry ? 1 : 0,
      updatedAt: now,
    };
    await trx
      .insertInto('keyPolicies')
      .values(row)
      .onConflict((oc) => oc.column('workspaceId').doUpdateSet({ ...row, workspaceId: undefined }))
      .execute();
    const { updatedAt: _before, ...from } = before;
    const { updatedAt: _next, ...to } = next;
    await core.audit.record(trx, caller, {
      type: 'key_policy.updated',
      target: { type: 'workspace', id: workspaceId },
      data: { from, to },
    });
    return { ...next, updatedAt: new Date(now).toISOString() };
  });
}
