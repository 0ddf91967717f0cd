import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { notFound, unauthorized } from '../errors.js';
import { isId } from '../storage/ids.js';
import type { WorkspaceCaller } from '../http/caller.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyRow, type ApiKeyView } from './key-view.js';
import type { UsageBuffer } from './usage-buffer.js';

/**
 * What every key operation needs around the repository: find a workspace's key (or 404), show
 * it as the API does, audit a change to it, and the latest expiry its caller may hand out. The
 * management service and the lifecycle (enable, revoke, roll) share one instance.
 */
export class KeyRecords {
  constructor(
    private readonly core: CoreDeps,
    private readonly usage: UsageBuffer,
  ) {}

  /** This instance's not-yet-flushed last use of a key, as its view shows it. */
  pendingLastUsedAt(id: string): number | null {
    return this.usage.peek(id)?.lastUsedAt ?? null;
  }

  view(row: ApiKeyRow): ApiKeyView {
    return toKeyView(row, this.core.clock.now(), this.pendingLastUsedAt(row.id));
  }

  /** The workspace's key `id`, or 404; `lock` reads it FOR UPDATE inside `executor` (a transaction). */
  async require(
    workspaceId: string,
    id: string,
    options: { executor?: Executor; lock?: boolean } = {},
  ): Promise<ApiKeyRow> {
    const { executor = this.core.db, lock = false } = options;
    // A string that is not a key id cannot name one: no query.
    if (!isId(id, 'key')) throw notFound('API key');
    const row = lock
      ? await repo.findForUpdate(executor, workspaceId, id, this.core.storage.dialect)
      : await repo.find(executor, workspaceId, id);
    if (row === undefined) throw notFound('API key');
    return row;
  }

  async audit(
    trx: Executor,
    caller: WorkspaceCaller,
    id: string,
    type: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.core.audit.record(trx, caller, {
      type,
      target: { type: 'api_key', id },
      data,
    });
  }

  /**
   * The latest expiry the caller may hand out: a key's own expiry (read in the transaction, so a
   * roll or revoke that just changed it counts); null for sessions and keys that never expire.
   * The calling key's row is locked and must not be revoked: a key revoked while it was creating
   * or rolling one cannot leave a child behind (its revocation waits for this transaction, or this
   * one sees it), since a key never outlives the key that made it.
   */
  async callerExpiry(caller: WorkspaceCaller, trx: Executor): Promise<number | null> {
    if (caller.principal.type !== 'api_key') return null;
    const key = await repo.findForUpdate(trx, caller.workspaceId, caller.principal.keyId, this.core.storage.dialect);
    if (key === undefined || key.revokedAt !== null) throw unauthorized('This API key has been revoked.');
    return key.expiresAt == null ? null : Number(key.expiresAt);
  }
}
