import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { ConversationsTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';
import { arrayQueryTemplate } from '../../storage/query-template.js';
import { isoTime } from '../../http/schemas.js';
import type { Conversation, ConversationStatus } from './schemas.js';

export type ConversationRow = Selectable<ConversationsTable>;

/** A conversation as the API returns it. */
export type ConversationView = Static<typeof Conversation>;

export interface ConversationFilter {
  status?: string;
  customerId?: string;
  externalId?: string;
  assigneeId?: string;
}

/**
 * A conversation joined to its customer, one array per row in the order `selectWithCustomer`
 * names the columns (the workspace is the caller's, so it is not read back).
 */
type ConversationTuple = readonly [
  id: string,
  externalId: string | null,
  subject: string | null,
  status: string,
  customerId: string | null,
  assigneeId: string | null,
  messageCount: number,
  lastMessageAt: number | null,
  createdAt: number,
  updatedAt: number,
  customerExternalId: string | null,
  customerName: string | null,
  customerEmail: string | null,
  customerCompany: string | null,
];

function selectWithCustomer(db: Executor, workspaceId: string) {
  return db
    .selectFrom('conversations as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customerId')
    .select([
      'c.id',
      'c.externalId',
      'c.subject',
      'c.status',
      'c.customerId',
      'c.assigneeId',
      'c.messageCount',
      'c.lastMessageAt',
      'c.createdAt',
      'c.updatedAt',
      'cu.externalId as customerExternalId',
      'cu.name as customerName',
      'cu.email as customerEmail',
      'cu.company as customerCompany',
    ])
    .where('c.workspaceId', '=', workspaceId);
}

/** One row of `selectWithCustomer`, straight to the API's shape. */
function conversationView(row: ConversationTuple): ConversationView {
  const customerId = row[4];
  return {
    id: row[0],
    externalId: row[1],
    subject: row[2],
    status: row[3] as ConversationStatus,
    customer:
      customerId === null
        ? null
        : { id: customerId, externalId: row[10], name: row[11], email: row[12], company: row[13] },
    assigneeId: row[5],
    messageCount: Number(row[6]),
    lastMessageAt: isoTime(row[7]),
    createdAt: isoTime(row[8])!,
    updatedAt: isoTime(row[9])!,
  };
}

interface ListParams {
  workspaceId: string;
  status?: string;
  customerId?: string;
  externalId?: string;
  assigneeId?: string;
  before?: string;
  /** The page size plus one (so the caller knows whether another page exists). */
  limit: number;
}

/**
 * One compiled query per combination of filters (at most 32), built once per database. A list
 * request is this one statement, outside any transaction (no BEGIN/COMMIT); on PostgreSQL a named
 * prepared statement, so after a connection's first use it is one Bind/Execute round trip. Rows
 * are read as arrays: building a keyed object per row, and CamelCasePlugin's copy of it, were
 * most of the list's database CPU on SQLite.
 */
const listQuery = arrayQueryTemplate<ListParams, ConversationTuple>(
  'conversations.list',
  (db, p) => {
    let query = selectWithCustomer(db, p.workspaceId);
    if (p.status !== undefined) query = query.where('c.status', '=', p.status);
    if (p.customerId !== undefined) query = query.where('c.customerId', '=', p.customerId);
    if (p.externalId !== undefined) query = query.where('c.externalId', '=', p.externalId);
    if (p.assigneeId !== undefined) query = query.where('c.assigneeId', '=', p.assigneeId);
    if (p.before !== undefined) query = query.where('c.id', '<', p.before);
    return query.orderBy('c.id', 'desc').limit(p.limit);
  },
  { optional: ['status', 'customerId', 'externalId', 'assigneeId', 'before'] },
);

const getQuery = arrayQueryTemplate<{ workspaceId: string; id: string }, ConversationTuple>(
  'conversations.get',
  (db, p) => selectWithCustomer(db, p.workspaceId).where('c.id', '=', p.id),
);

/** The SQL of conversations; every query is bounded by the workspace. */
export const conversationsRepository = {
  /**
   * One query: counts are denormalised columns and the customer comes from a join (no N+1).
   * Conversations come as the API returns them.
   */
  async list(
    db: Executor,
    workspaceId: string,
    filter: ConversationFilter,
    page: PageRequest,
  ): Promise<ConversationView[]> {
    const rows = await listQuery.rows(db, {
      workspaceId,
      status: filter.status,
      customerId: filter.customerId,
      externalId: filter.externalId,
      assigneeId: filter.assigneeId,
      before: page.before ?? undefined,
      limit: page.limit + 1,
    });
    return rows.map(conversationView);
  },

  async get(db: Executor, workspaceId: string, id: string): Promise<ConversationView | undefined> {
    const row = await getQuery.first(db, { workspaceId, id });
    return row === undefined ? undefined : conversationView(row);
  },

  /** The fields a customer may see, dated by the last change they can see (`customerUpdatedAt`). */
  async customerView(
    db: Executor,
    workspaceId: string,
    id: string,
  ): Promise<{ id: string; status: string; createdAt: number; updatedAt: number } | undefined> {
    return db
      .selectFrom('conversations')
      .select(['id', 'status', 'createdAt', 'customerUpdatedAt as updatedAt'])
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async idByExternalId(db: Executor, workspaceId: string, externalId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('conversations')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('externalId', '=', externalId)
      .executeTakeFirst();
    return row?.id;
  },

  /** Inserts unless the externalId is taken; returns false then (the transaction stays usable). */
  async insert(db: Executor, row: ConversationRow): Promise<boolean> {
    const inserted = await db
      .insertInto('conversations')
      .values(row)
      .onConflict((oc) => oc.columns(['workspaceId', 'externalId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  async update(db: Executor, workspaceId: string, id: string, patch: Partial<ConversationRow>): Promise<boolean> {
    const result = await db
      .updateTable('conversations')
      .set(patch)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async exists(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('conversations')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  },

  async isMember(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('memberships')
      .select('userId')
      .where('workspaceId', '=', workspaceId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },
};
