import type { Selectable } from 'kysely';
import type { IdempotencyKeysTable } from '../tables.js';
import type { Executor } from '../context.js';
import { queryTemplate } from '../../storage/query-template.js';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

export interface IdempotencyScope {
  workspaceId: string;
  credential: string;
  idempotencyKey: string;
}

const findQuery = queryTemplate('idempotency_keys.find', (db, p: IdempotencyScope & { notBefore: number }) =>
  db
    .selectFrom('idempotencyKeys')
    .selectAll()
    .where('workspaceId', '=', p.workspaceId)
    .where('credential', '=', p.credential)
    .where('idempotencyKey', '=', p.idempotencyKey)
    .where('createdAt', '>', p.notBefore),
);

const deleteExpiredQuery = queryTemplate(
  'idempotency_keys.delete_expired',
  (db, p: { workspaceId: string; notBefore: number }) =>
    db.deleteFrom('idempotencyKeys').where('workspaceId', '=', p.workspaceId).where('createdAt', '<=', p.notBefore),
);

const insertQuery = queryTemplate('idempotency_keys.insert', (db, p: IdempotencyRow) =>
  db
    .insertInto('idempotencyKeys')
    .values({
      workspaceId: p.workspaceId,
      credential: p.credential,
      idempotencyKey: p.idempotencyKey,
      requestHash: p.requestHash,
      statusCode: p.statusCode,
      responseBody: p.responseBody,
      createdAt: p.createdAt,
    })
    .onConflict((oc) => oc.columns(['workspaceId', 'credential', 'idempotencyKey']).doNothing())
    .returning('idempotencyKey'),
);

/** Stored first responses of creates, keyed per workspace, credential and Idempotency-Key. */
export const idempotencyRepository = {
  async find(db: Executor, scope: IdempotencyScope, notBefore: number): Promise<IdempotencyRow | undefined> {
    return findQuery.first(db, {
      workspaceId: scope.workspaceId,
      credential: scope.credential,
      idempotencyKey: scope.idempotencyKey,
      notBefore,
    });
  },

  /** Forgets the workspace's records older than the window (which also frees an expired key for reuse). */
  async deleteExpired(db: Executor, workspaceId: string, notBefore: number): Promise<void> {
    await deleteExpiredQuery.execute(db, { workspaceId, notBefore });
  },

  /** False when a concurrent request with the same key committed first. */
  async insert(db: Executor, row: IdempotencyRow): Promise<boolean> {
    return (await insertQuery.first(db, row)) !== undefined;
  },
};
