import type { Selectable } from 'kysely';
import type { Executor } from '../audit/audit-log.js';
import type { PageRequest } from '../storage/pagination.js';
import type { ChannelsTable, InboundEmailThreadsTable, InboundReceiptsTable } from './tables.js';

export type ChannelRow = Selectable<ChannelsTable>;
export type ReceiptRow = Selectable<InboundReceiptsTable>;
export type EmailThreadRow = Selectable<InboundEmailThreadsTable>;

/** The SQL of channels, inbound receipts and email threads. Bounded to one workspace except the inbound lookup. */
export const channelsRepository = {
  async insert(db: Executor, row: ChannelRow): Promise<void> {
    await db.insertInto('channels').values(row).execute();
  },

  async list(db: Executor, workspaceId: string, page: PageRequest): Promise<ChannelRow[]> {
    let query = db
      .selectFrom('channels')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  async find(db: Executor, workspaceId: string, id: string): Promise<ChannelRow | undefined> {
    return db
      .selectFrom('channels')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
  },

  /** The inbound endpoint's lookup: the URL names the channel, the signature proves the sender. */
  async findActive(db: Executor, id: string): Promise<ChannelRow | undefined> {
    return db.selectFrom('channels').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  },

  async update(db: Executor, id: string, changes: Partial<ChannelRow>): Promise<void> {
    await db.updateTable('channels').set(changes).where('id', '=', id).execute();
  },

  async receipt(db: Executor, channelId: string, webhookId: string): Promise<ReceiptRow | undefined> {
    return db
      .selectFrom('inboundReceipts')
      .selectAll()
      .where('channelId', '=', channelId)
      .where('webhookId', '=', webhookId)
      .executeTakeFirst();
  },

  /** Fails with a unique violation when the webhook-id was processed already (or is being, concurrently). */
  async insertReceipt(db: Executor, row: ReceiptRow): Promise<void> {
    await db.insertInto('inboundReceipts').values(row).execute();
  },

  async pruneReceipts(db: Executor, channelId: string, before: number): Promise<void> {
    await db
      .deleteFrom('inboundReceipts')
      .where('channelId', '=', channelId)
      .where('receivedAt', '<', before)
      .execute();
  },

  /** Threads of the workspace whose Message-ID is one of `ids`. */
  async threads(db: Executor, workspaceId: string, ids: string[]): Promise<EmailThreadRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('inboundEmailThreads')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('emailMessageId', 'in', ids)
      .execute();
  },

  async insertThread(db: Executor, row: EmailThreadRow): Promise<void> {
    await db.insertInto('inboundEmailThreads').values(row).execute();
  },
};
