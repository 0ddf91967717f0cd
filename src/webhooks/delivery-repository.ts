import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Executor } from '../audit/audit-log.js';
import type { Dialect } from '../storage/database.js';
import type { PageRequest } from '../storage/pagination.js';
import type { WebhookAttemptsTable, WebhookDeliveriesTable } from './tables.js';

export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type DeliveryWithType = DeliveryRow & { eventType: string };
export type AttemptRow = Selectable<WebhookAttemptsTable>;

/** Delivery rows per INSERT: 13 columns each, well under SQLite's 32,766 parameters. */
const INSERT_ROWS = 500;

/**
 * The SQL of dispatching and delivering. Every claim is a conditional update (a row changes
 * hands only from the state it was read in), and on PostgreSQL the claiming select also takes
 * `FOR UPDATE SKIP LOCKED`, so instances working at once never wait on or share a row.
 */
export const deliveryRepository = {
  /** Events not yet fanned out to endpoints, oldest first; locked for this transaction on PostgreSQL. */
  async undispatched(
    trx: Executor,
    dialect: Dialect,
    limit: number,
  ): Promise<Array<{ id: string; workspaceId: string; type: string }>> {
    let query = trx
      .selectFrom('webhookEvents')
      .select(['id', 'workspaceId', 'type'])
      .where('dispatchedAt', 'is', null)
      .orderBy('id')
      .limit(limit);
    if (dialect === 'postgres') query = query.forUpdate().skipLocked();
    return query.execute();
  },

  /**
   * Marks events dispatched in one statement; returns the ids this call marked (an event another
   * dispatcher marked first is left out).
   */
  async markDispatched(trx: Executor, eventIds: readonly string[], now: number): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await trx
      .updateTable('webhookEvents')
      .set({ dispatchedAt: now })
      .where('id', 'in', eventIds)
      .where('dispatchedAt', 'is', null)
      .returning('id')
      .execute();
    return new Set(rows.map((row) => row.id));
  },

  /** Inserts deliveries, a bounded number of rows per statement (SQLite caps a statement's parameters). */
  async insert(trx: Executor, rows: Array<Insertable<WebhookDeliveriesTable>>): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_ROWS) {
      await trx
        .insertInto('webhookDeliveries')
        .values(rows.slice(start, start + INSERT_ROWS))
        .onConflict((oc) => oc.columns(['endpointId', 'eventId']).doNothing())
        .execute();
    }
  },

  /**
   * Pending deliveries that are due, of enabled endpoints, leaving out the workspaces in
   * `exceptWorkspaces` (those that already have their share of attempts in flight); locked for
   * this transaction on PostgreSQL.
   */
  async due(
    trx: Executor,
    dialect: Dialect,
    now: number,
    limit: number,
    exceptWorkspaces: readonly string[] = [],
  ): Promise<DeliveryRow[]> {
    let query = trx
      .selectFrom('webhookDeliveries')
      .innerJoin('webhookEndpoints', 'webhookEndpoints.id', 'webhookDeliveries.endpointId')
      .selectAll('webhookDeliveries')
      .where('webhookDeliveries.status', '=', 'pending')
      .where('webhookDeliveries.nextAttemptAt', '<=', now)
      .where('webhookEndpoints.status', '=', 'enabled')
      .orderBy('webhookDeliveries.nextAttemptAt')
      .limit(limit);
    if (exceptWorkspaces.length > 0)
      query = query.where('webhookDeliveries.workspaceId', 'not in', [...exceptWorkspaces]);
    if (dialect === 'postgres') query = query.forUpdate('webhookDeliveries').skipLocked();
    return query.execute();
  },

  /** Takes a lease on a pending delivery: it is not due again until `until`; false when lost. */
  async lease(trx: Executor, row: Pick<DeliveryRow, 'id' | 'attemptCount'>, until: number): Promise<boolean> {
    const result = await trx
      .updateTable('webhookDeliveries')
      .set({ nextAttemptAt: until })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('attemptCount', '=', row.attemptCount)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * Writes an attempt's outcome when the delivery still has the attempt count it was claimed
   * with (a sender whose lease ran out and was overtaken writes nothing); false otherwise.
   */
  async recordAttempt(
    trx: Executor,
    claimed: Pick<DeliveryRow, 'id' | 'attemptCount'>,
    attempt: AttemptRow,
    outcome: Pick<DeliveryRow, 'status' | 'nextAttemptAt' | 'lastResponseStatus' | 'lastError'>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('webhookDeliveries')
      .set({
        ...outcome,
        attemptCount: attempt.attempt,
        lastAttemptAt: attempt.startedAt,
        updatedAt: attempt.startedAt + attempt.durationMs,
      })
      .where('id', '=', claimed.id)
      .where('attemptCount', '=', claimed.attemptCount)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await trx.insertInto('webhookAttempts').values(attempt).execute();
    return true;
  },

  async find(db: Executor, endpointId: string, id: string): Promise<DeliveryWithType | undefined> {
    return withType(db)
      .where('webhookDeliveries.endpointId', '=', endpointId)
      .where('webhookDeliveries.id', '=', id)
      .executeTakeFirst();
  },

  async byId(db: Executor, id: string): Promise<DeliveryRow | undefined> {
    return db.selectFrom('webhookDeliveries').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(db: Executor, endpointId: string, page: PageRequest): Promise<DeliveryWithType[]> {
    let query = withType(db).where('webhookDeliveries.endpointId', '=', endpointId);
    if (page.before) query = query.where('webhookDeliveries.id', '<', page.before);
    return query
      .orderBy('webhookDeliveries.id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async attempts(db: Executor, deliveryId: string): Promise<AttemptRow[]> {
    return db
      .selectFrom('webhookAttempts')
      .selectAll()
      .where('deliveryId', '=', deliveryId)
      .orderBy('attempt')
      .execute();
  },

  /** Queues a delivery that is not pending for one more attempt, now; false when it is pending. */
  async requeue(db: Executor, row: Pick<DeliveryRow, 'id' | 'attemptCount'>, now: number): Promise<boolean> {
    const result = await db
      .updateTable('webhookDeliveries')
      .set({ status: 'pending', nextAttemptAt: now, attemptsAllowed: row.attemptCount + 1, updatedAt: now })
      .where('id', '=', row.id)
      .where('status', '!=', 'pending')
      .where('attemptCount', '=', row.attemptCount)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** After re-enabling an endpoint: its paused pending deliveries are due now. */
  async resume(db: Executor, endpointId: string, now: number): Promise<void> {
    await db
      .updateTable('webhookDeliveries')
      .set({ nextAttemptAt: now, updatedAt: now })
      .where('endpointId', '=', endpointId)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '>', now)
      .execute();
  },

  /**
   * Deletes up to `limit` events made before `beforeId` (an id time bound) that were dispatched
   * and have no delivery still pending, oldest first; their deliveries and attempts go with them
   * (ON DELETE CASCADE). Returns how many were deleted. The candidates are locked first (FOR
   * UPDATE SKIP LOCKED on PostgreSQL) and checked again by the delete, so a manual retry that
   * requeued a delivery meanwhile (`lockEvent`, then `requeue`) keeps its event, and instances
   * sweeping at once never wait on each other.
   */
  async pruneEvents(db: Kysely<Database>, dialect: Dialect, beforeId: string, limit: number): Promise<number> {
    return db.transaction().execute(async (trx) => {
      let candidates = trx
        .selectFrom('webhookEvents')
        .select('id')
        .where('id', '<', beforeId)
        .where('dispatchedAt', 'is not', null)
        .where(noPendingDelivery)
        .orderBy('id')
        .limit(limit);
      if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
      const ids = (await candidates.execute()).map((row) => row.id);
      if (ids.length === 0) return 0;
      const result = await trx
        .deleteFrom('webhookEvents')
        .where('id', 'in', ids)
        .where(noPendingDelivery)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  },

  /**
   * Locks an event against the sweep for the rest of the transaction (FOR SHARE on PostgreSQL;
   * SQLite has one writer); false when it was deleted.
   */
  async lockEvent(trx: Executor, dialect: Dialect, eventId: string): Promise<boolean> {
    let query = trx.selectFrom('webhookEvents').select('id').where('id', '=', eventId);
    if (dialect === 'postgres') query = query.forShare();
    return (await query.executeTakeFirst()) !== undefined;
  },

  /** The event a delivery carries. */
  async event(
    db: Executor,
    id: string,
  ): Promise<{ id: string; type: string; payload: string; createdAt: number } | undefined> {
    return db
      .selectFrom('webhookEvents')
      .select(['id', 'type', 'payload', 'createdAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  },
};

/** No delivery of the event (webhook_events in the outer query) is still pending. */
function noPendingDelivery(eb: ExpressionBuilder<Database, 'webhookEvents'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('webhookDeliveries')
        .select('webhookDeliveries.id')
        .whereRef('webhookDeliveries.eventId', '=', 'webhookEvents.id')
        .where('webhookDeliveries.status', '=', 'pending'),
    ),
  );
}

function withType(db: Executor) {
  return db
    .selectFrom('webhookDeliveries')
    .innerJoin('webhookEvents', 'webhookEvents.id', 'webhookDeliveries.eventId')
    .selectAll('webhookDeliveries')
    .select('webhookEvents.type as eventType');
}
