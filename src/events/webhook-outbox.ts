import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { newId } from '../storage/ids.js';
import { queryTemplate } from '../storage/query-template.js';
import type { WebhookEventType } from './webhook-events.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface WebhookEvent {
  id: string;
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** An outbox row as written (the payload as JSON text). */
export interface WebhookEventRow {
  id: string;
  workspaceId: string;
  type: string;
  payload: string;
  createdAt: number;
}

const appendQuery = queryTemplate('webhook_events.append', (db, p: WebhookEventRow) =>
  db.insertInto('webhookEvents').values({
    id: p.id,
    workspaceId: p.workspaceId,
    type: p.type,
    payload: p.payload,
    createdAt: p.createdAt,
  }),
);

/**
 * The outbox of workspace events (`evt_…`). Callers write an event in the same transaction as
 * the change it reports, so an event exists exactly when the change does. The webhook worker
 * (src/webhooks/delivery-worker.ts) delivers them. `ping` is the one event no change causes: the
 * test an admin sends to one endpoint (`POST /webhooks/:id/test`).
 */
export const webhookOutbox = {
  async append(
    executor: Executor,
    event: { workspaceId: string; type: WebhookEventType | 'ping'; payload: object; now: number },
  ): Promise<string> {
    const row = webhookOutbox.row(event);
    await appendQuery.execute(executor, row);
    return row.id;
  },

  /** The row `append` writes, for a caller that writes it in a statement of its own (same rules). */
  row(event: { workspaceId: string; type: WebhookEventType | 'ping'; payload: object; now: number }): WebhookEventRow {
    return {
      id: newId('evt', event.now),
      workspaceId: event.workspaceId,
      type: event.type,
      payload: JSON.stringify(event.payload),
      createdAt: event.now,
    };
  },

  /** A workspace's events, newest first (for delivery and for tests). */
  async list(
    executor: Executor,
    workspaceId: string,
    options: { type?: string; limit?: number } = {},
  ): Promise<WebhookEvent[]> {
    let query = executor.selectFrom('webhookEvents').selectAll().where('workspaceId', '=', workspaceId);
    if (options.type) query = query.where('type', '=', options.type);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      workspaceId: row.workspaceId,
      type: row.type,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      createdAt: new Date(Number(row.createdAt)).toISOString(),
    }));
  },
};
