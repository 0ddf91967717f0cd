import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { Dialect } from '../storage/database.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface PortalSettingsRow {
  workspaceName: string;
  enabled: boolean;
  displayName: string | null;
}

export interface ActiveSession {
  id: string;
  workspaceId: string;
  customerId: string;
  expiresAt: number;
  absoluteExpiresAt: number;
}

/** `updatedAt` is the last change the customer can see (no notes, no assignments: `customerUpdatedAt`). */
const CUSTOMER_VIEW_COLUMNS = ['id', 'subject', 'status', 'createdAt', 'customerUpdatedAt as updatedAt'] as const;

/**
 * The conversation's message count and last message time as the customer sees them: internal
 * notes neither count nor date it (the stored messageCount/lastMessageAt include them). Correlated
 * subqueries of the same statement, over the messages_conversation index: no query per conversation.
 */
function customerVisibleCounts(workspaceId: string) {
  return (eb: ExpressionBuilder<Database, 'conversations'>) => {
    const visible = () =>
      eb
        .selectFrom('messages')
        .whereRef('messages.conversationId', '=', 'conversations.id')
        .where('messages.workspaceId', '=', workspaceId)
        .where('messages.role', '!=', 'note');
    return [
      visible()
        .select((m) => m.fn.countAll<number | string>().as('n'))
        .as('messageCount'),
      visible()
        .select((m) => m.fn.max('messages.createdAt').as('t'))
        .as('lastMessageAt'),
    ];
  };
}

/** The SQL of the portal; every read of support data is bounded by workspace and customer. */
export const portalRepository = {
  async settings(db: Executor, workspaceId: string): Promise<PortalSettingsRow | undefined> {
    const row = await db
      .selectFrom('workspaces')
      .leftJoin('portalSettings', 'portalSettings.workspaceId', 'workspaces.id')
      .select(['workspaces.name as workspaceName', 'portalSettings.enabled', 'portalSettings.displayName'])
      .where('workspaces.id', '=', workspaceId)
      .executeTakeFirst();
    if (!row) return undefined;
    // No row: the portal is on (the default) under the workspace's own name.
    return {
      workspaceName: row.workspaceName,
      enabled: row.enabled === null ? true : Number(row.enabled) === 1,
      displayName: row.displayName ?? null,
    };
  },

  async saveSettings(
    db: Executor,
    workspaceId: string,
    enabled: boolean,
    displayName: string | null,
    now: number,
  ): Promise<void> {
    await db
      .insertInto('portalSettings')
      .values({ workspaceId, enabled: enabled ? 1 : 0, displayName, updatedAt: now })
      .onConflict((oc) =>
        oc.column('workspaceId').doUpdateSet({ enabled: enabled ? 1 : 0, displayName, updatedAt: now }),
      )
      .execute();
  },

  /**
   * Writes the link only while its customer is live and still has the address it is mailed to,
   * in one INSERT … SELECT: a PATCH /customers/:id that moved the email after the portal's lookup
   * leaves no link for the old address. On PostgreSQL the customer row is read FOR SHARE, so an
   * email change not yet committed makes this wait and then re-check the new row (READ COMMITTED),
   * and one that comes later waits for this transaction and then voids the link (revokeCustomer).
   * False when nothing was written.
   */
  async insertLinkForEmail(
    db: Executor,
    dialect: Dialect,
    row: {
      tokenHash: string;
      workspaceId: string;
      customerId: string;
      email: string;
      createdAt: number;
      expiresAt: number;
    },
  ): Promise<boolean> {
    let customer = db
      .selectFrom('customers')
      .select((eb) => [
        eb.val(row.tokenHash).as('tokenHash'),
        'customers.workspaceId',
        'customers.id',
        eb.val(row.createdAt).as('createdAt'),
        eb.val(row.expiresAt).as('expiresAt'),
        sql<null>`null`.as('usedAt'),
      ])
      .where('customers.workspaceId', '=', row.workspaceId)
      .where('customers.id', '=', row.customerId)
      .where('customers.email', '=', row.email)
      .where('customers.deletedAt', 'is', null);
    if (dialect === 'postgres') customer = customer.forShare();
    const result = await db
      .insertInto('portalLinks')
      .columns(['tokenHash', 'workspaceId', 'customerId', 'createdAt', 'expiresAt', 'usedAt'])
      .expression(customer)
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /**
   * Spends a link in one statement: only an unused, unexpired link of this workspace is marked,
   * so two concurrent POSTs cannot both succeed. Returns the customer it was for.
   */
  async spendLink(db: Executor, tokenHash: string, workspaceId: string, now: number): Promise<string | undefined> {
    const row = await db
      .updateTable('portalLinks')
      .set({ usedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('workspaceId', '=', workspaceId)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning('customerId')
      .executeTakeFirst();
    return row?.customerId;
  },

  /** The email of the customer an unspent, unexpired link of this workspace is for (nothing is spent). */
  async liveLinkEmail(db: Executor, tokenHash: string, workspaceId: string, now: number): Promise<string | null> {
    const row = await db
      .selectFrom('portalLinks as l')
      .innerJoin('customers as c', (join) =>
        join.onRef('c.id', '=', 'l.customerId').onRef('c.workspaceId', '=', 'l.workspaceId'),
      )
      .select('c.email')
      .where('l.tokenHash', '=', tokenHash)
      .where('l.workspaceId', '=', workspaceId)
      .where('l.usedAt', 'is', null)
      .where('l.expiresAt', '>', now)
      .executeTakeFirst();
    return row?.email ?? null;
  },

  async linkWorkspace(db: Executor, tokenHash: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('portalLinks')
      .select('workspaceId')
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
    return row?.workspaceId;
  },

  async insertSession(db: Executor, row: ActiveSession & { tokenHash: string; createdAt: number }): Promise<void> {
    await db
      .insertInto('portalSessions')
      .values({ ...row, endedAt: null })
      .execute();
  },

  /**
   * The live session behind a token hash: not ended, not expired, its customer not deleted or
   * anonymised, the workspace's portal still on. Read on every request (no cache), so a
   * deleted customer is locked out on every instance at once.
   */
  async activeSession(db: Executor, tokenHash: string, now: number): Promise<ActiveSession | undefined> {
    const row = await db
      .selectFrom('portalSessions as s')
      .innerJoin('customers as c', 'c.id', 's.customerId')
      .leftJoin('portalSettings as p', 'p.workspaceId', 's.workspaceId')
      .select(['s.id', 's.workspaceId', 's.customerId', 's.expiresAt', 's.absoluteExpiresAt', 'p.enabled'])
      .where('s.tokenHash', '=', tokenHash)
      .where('s.endedAt', 'is', null)
      .where('s.expiresAt', '>', now)
      .where('c.deletedAt', 'is', null)
      .executeTakeFirst();
    if (!row || (row.enabled !== null && Number(row.enabled) !== 1)) return undefined;
    return {
      id: row.id,
      workspaceId: row.workspaceId,
      customerId: row.customerId,
      expiresAt: Number(row.expiresAt),
      absoluteExpiresAt: Number(row.absoluteExpiresAt),
    };
  },

  async extendSession(db: Executor, id: string, expiresAt: number): Promise<void> {
    await db
      .updateTable('portalSessions')
      .set({ expiresAt })
      .where('id', '=', id)
      .where('endedAt', 'is', null)
      .execute();
  },

  /** Ends a session; it expires now too, so the sweep finds it by expiry alone (expiredCredentialsSweep). */
  async endSession(db: Executor, id: string, now: number): Promise<void> {
    await db
      .updateTable('portalSessions')
      .set({ endedAt: now, expiresAt: now })
      .where('id', '=', id)
      .where('endedAt', 'is', null)
      .execute();
  },

  /**
   * Ends every live session of the customer and spends (voids) their unused links, as of now:
   * their email changed, so portal access must be earned again at the new address. Ended and
   * voided rows expire now too, for the sweep (expiredCredentialsSweep).
   */
  async revokeCustomer(
    db: Executor,
    workspaceId: string,
    customerId: string,
    now: number,
  ): Promise<{ portalSessionsEnded: number; portalLinksVoided: number }> {
    const sessions = await db
      .updateTable('portalSessions')
      .set({ endedAt: now, expiresAt: now })
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', customerId)
      .where('endedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    const links = await db
      .updateTable('portalLinks')
      .set({ usedAt: now, expiresAt: now })
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', customerId)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    return {
      portalSessionsEnded: Number(sessions.numUpdatedRows),
      portalLinksVoided: Number(links.numUpdatedRows),
    };
  },

  async conversations(db: Executor, workspaceId: string, customerId: string) {
    return db
      .selectFrom('conversations')
      .select(CUSTOMER_VIEW_COLUMNS)
      .select(customerVisibleCounts(workspaceId))
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', customerId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
  },

  async conversation(db: Executor, workspaceId: string, customerId: string, id: string) {
    return db
      .selectFrom('conversations')
      .select(CUSTOMER_VIEW_COLUMNS)
      .select(customerVisibleCounts(workspaceId))
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', customerId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Oldest first, as a thread reads; internal notes never leave this query. */
  async messages(db: Executor, workspaceId: string, conversationId: string) {
    return db
      .selectFrom('messages')
      .select(['id', 'role', 'body', 'createdAt'])
      .where('workspaceId', '=', workspaceId)
      .where('conversationId', '=', conversationId)
      .where('role', '!=', 'note')
      .orderBy('id', 'asc')
      .limit(500)
      .execute();
  },
};
