import type { Selectable } from 'kysely';
import type { IdempotencyKeysTable } from '../tables.js';
import type { Executor } from '../context.js';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

export interface IdempotencyScope {
  workspaceId: string;
  credential: string;
  idempotencyKey: string;
}

/** Stored first responses of creates, keyed per workspace, credential and Idempotency-Key. */
export const idempotencyRepository = {
  async find(db: Executor, scope: IdempotencyScope, notBefore: number): Promise<IdempotencyRow | undefined> {
    return db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('workspaceId', '=', scope.workspaceId)
      .where('credential', '=', scope.credential)
      .where('idempotencyKey', '=', scope.idempotencyKey)
      .where('createdAt', '>', notBefore)
      .executeTakeFirst();
  },

  /** Forgets the workspace's records older than the window (which also frees an expired key for reuse). */
  async deleteExpired(db: Executor, workspaceId: string, notBefore: number): Promise<void> {
    await db
      .deleteFrom('idempotencyKeys')
      .where('workspaceId', '=', workspaceId)
      .where('createdAt', '<=', notBefore)
      .execute();
  },

  /** False when a concurrent request with the same key committed first. */
  async insert(db: Executor, row: IdempotencyRow): Promise<boolean> {
    const inserted = await db
      .insertInto('idempotencyKeys')
      .values(row)
      .onConflict((oc) => oc.columns(['workspaceId', 'credential', 'idempotencyKey']).doNothing())
      .returning('idempotencyKey')
      .executeTakeFirst();
    return inserted !== undefined;
  },
};
