import type { CoreDeps } from '../deps.js';
import { notFound } from '../errors.js';
import type { FastPathWarning } from '../events/invalidation-bus.js';
import { isId } from '../storage/ids.js';
import { issueApiKey } from './issue-key.js';
import { assertExpiryAllowed, loadKeyPolicy } from './key-policy.js';
import { keyRepository as repo } from './key-repository.js';
import { toKeyView, type ApiKeyView } from './key-view.js';
import { revokeApiKeyRow, revokeDescendants } from './revoke-key.js';
import type { UsageBuffer } from './usage-buffer.js';
import { cliCaller } from '../http/caller.js';

/** The operator (`woes` on the server's machine) acts with the database's own authority. */

/**
 * Key management for the operator: the same issuing, revocation, audit and invalidation code
 * as the API (issueApiKey, revokeApiKeyRow) and the same workspace key policy, without a
 * principal's scope checks — whoever runs the CLI can already read and write the database.
 */
export class OperatorKeys {
  constructor(
    private readonly core: CoreDeps,
    private readonly usage: UsageBuffer,
  ) {}

  async create(
    workspaceId: string,
    input: { name: string; scopes: string[]; expiresIn: number | null },
  ): Promise<ApiKeyView & { secret: string }> {
    if ((await repo.workspace(this.core.db, workspaceId)) === undefined) throw notFound('workspace');
    const issued = await this.core.db.transaction().execute(async (trx) => {
      const now = this.core.clock.now();
      const expiresAt = input.expiresIn === null ? null : now + input.expiresIn * 1000;
      // The workspace's key policy binds the operator as it binds POST /keys (KeysService.create):
      // a key outside it needs the policy changed first, by an owner.
      assertExpiryAllowed(await loadKeyPolicy(trx, workspaceId), expiresAt, now);
      return issueApiKey(this.core, trx, cliCaller(workspaceId), {
        workspaceId,
        name: input.name,
        scopes: input.scopes,
        expiresAt,
      });
    });
    return { ...issued.view, secret: issued.secret };
  }

  /** Every key of the workspace, newest first (an operator's listing is not paged). */
  async list(workspaceId: string): Promise<ApiKeyView[]> {
    if ((await repo.workspace(this.core.db, workspaceId)) === undefined) throw notFound('workspace');
    const rows = await repo.listAll(this.core.db, workspaceId);
    const now = this.core.clock.now();
    return rows.map((row) => toKeyView(row, now, this.usage.peek(row.id)?.lastUsedAt ?? null));
  }

  /** Revokes by id in whichever workspace holds it, with the keys it made; `already` when it was revoked before. */
  async revoke(id: string): Promise<{ already: boolean; warning: FastPathWarning }> {
    if (!isId(id, 'key')) throw notFound('API key');
    const { already, logged } = await this.core.db.transaction().execute(async (trx) => {
      const row = await repo.findInAnyWorkspace(trx, id, this.core.storage.dialect);
      if (row === undefined) throw notFound('API key');
      const caller = cliCaller(row.workspaceId);
      // Revoked before (perhaps before revocations cascaded): the keys it made still go.
      if (row.revokedAt !== null)
        return { already: true, logged: await revokeDescendants(this.core, trx, row, caller) };
      const pending = this.usage.peek(row.id)?.lastUsedAt ?? null;
      return { already: false, logged: await revokeApiKeyRow(this.core, trx, row, caller, pending) };
    });
    // The key and every key it created or rolled; the first failed push is the warning.
    let warning: FastPathWarning = null;
    for (const entry of logged) warning = (await this.core.bus.announce(entry)) ?? warning;
    return { already, warning };
  }
}
