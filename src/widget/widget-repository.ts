import type { Selectable } from 'kysely';
import type { Executor } from '../support/context.js';
import type { WidgetConversationsTable, WidgetSettingsTable } from './tables.js';

export type WidgetSettingsRow = Selectable<WidgetSettingsTable>;
export type WidgetConversationRow = Selectable<WidgetConversationsTable>;

/** What the widget shows of a message: never notes, never who in the team wrote it. */
export interface VisibleMessageRow {
  id: string;
  role: string;
  body: string;
  createdAt: number;
}

/** The SQL of the widget domain. Policy (who may read what) lives in the services. */
export const widgetRepository = {
  async settings(db: Executor, workspaceId: string): Promise<WidgetSettingsRow | undefined> {
    return db.selectFrom('widgetSettings').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst();
  },

  async saveSettings(db: Executor, row: WidgetSettingsRow): Promise<void> {
    const { workspaceId: _workspaceId, ...changes } = row;
    await db
      .insertInto('widgetSettings')
      .values(row)
      .onConflict((oc) => oc.column('workspaceId').doUpdateSet(changes))
      .execute();
  },

  async insertConversation(db: Executor, row: WidgetConversationRow): Promise<void> {
    await db.insertInto('widgetConversations').values(row).execute();
  },

  async conversationBySecret(db: Executor, secretHash: string): Promise<WidgetConversationRow | undefined> {
    return db.selectFrom('widgetConversations').selectAll().where('secretHash', '=', secretHash).executeTakeFirst();
  },

  async conversation(
    db: Executor,
    workspaceId: string,
    conversationId: string,
  ): Promise<WidgetConversationRow | undefined> {
    return db
      .selectFrom('widgetConversations')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('conversationId', '=', conversationId)
      .executeTakeFirst();
  },

  async conversationsOfCustomer(
    db: Executor,
    workspaceId: string,
    customerId: string,
    limit: number,
  ): Promise<string[]> {
    const rows = await db
      .selectFrom('widgetConversations')
      .select('conversationId')
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', customerId)
      // Only conversations started by an identified visitor: an anonymous one that typed the same id stays apart.
      .where('verified', '=', 1)
      .orderBy('conversationId', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.conversationId);
  },

  /** Swaps the stored secret; the WHERE on the old hash makes two rotations race safely. */
  async rotateSecret(
    db: Executor,
    conversationId: string,
    oldHash: string,
    newHash: string,
    now: number,
  ): Promise<boolean> {
    const result = await db
      .updateTable('widgetConversations')
      .set({ secretHash: newHash, secretRotatedAt: now })
      .where('conversationId', '=', conversationId)
      .where('secretHash', '=', oldHash)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** The latest visible messages, oldest first; notes never leave the database on this path. */
  async visibleMessages(
    db: Executor,
    workspaceId: string,
    conversationId: string,
    limit: number,
  ): Promise<VisibleMessageRow[]> {
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'role', 'body', 'createdAt'])
      .where('workspaceId', '=', workspaceId)
      .where('conversationId', '=', conversationId)
      .where('role', '!=', 'note')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse();
  },

  /** For CORS preflights, which carry no key: does any active widget key list this origin? */
  async originAllowedByAnyKey(db: Executor, origin: string): Promise<boolean> {
    // allowed_origins is a JSON array of normalised origins: the quoted form matches one entry
    // exactly. Callers pass only normalised origins, which hold no LIKE wildcard (% or _).
    const row = await db
      .selectFrom('widgetKeys')
      .select('id')
      .where('revokedAt', 'is', null)
      .where('allowedOrigins', 'like', `%${JSON.stringify(origin)}%`)
      .executeTakeFirst();
    return row !== undefined;
  },
};
