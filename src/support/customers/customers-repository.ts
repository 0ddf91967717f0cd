import type { Selectable } from 'kysely';
import type { CustomersTable } from '../tables.js';
import type { Executor } from '../context.js';
import type { PageRequest } from '../../storage/pagination.js';
import type { CustomerFields } from './schemas.js';

export type CustomerRow = Selectable<CustomersTable>;

export interface CustomerFilter {
  email?: string;
  externalId?: string;
}

/** The SQL of customers; every query is bounded by the workspace. */
export const customersRepository = {
  async list(db: Executor, workspaceId: string, filter: CustomerFilter, page: PageRequest): Promise<CustomerRow[]> {
    let query = db
      .selectFrom('customers')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('deletedAt', 'is', null);
    if (filter.email !== undefined) query = query.where('email', '=', filter.email);
    if (filter.externalId !== undefined) query = query.where('externalId', '=', filter.externalId);
    if (page.before) query = query.where('id', '<', page.before);
    return query
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute();
  },

  /**
   * The customer an email address leads to: the oldest live customer of the workspace with this
   * (lower-case) address that is not an anonymous visitor's typed, unverified one. The one rule
   * for portal sign-in and inbound email, so both reach the same customer.
   */
  async idByTrustedEmail(db: Executor, workspaceId: string, email: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('customers')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('email', '=', email)
      .where('emailUnverified', '=', 0)
      .where('deletedAt', 'is', null)
      .orderBy('id', 'asc')
      .limit(1)
      .executeTakeFirst();
    return row?.id;
  },

  async get(db: Executor, workspaceId: string, id: string): Promise<CustomerRow | undefined> {
    return db
      .selectFrom('customers')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async idByExternalId(db: Executor, workspaceId: string, externalId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('customers')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('externalId', '=', externalId)
      .executeTakeFirst();
    return row?.id;
  },

  /** Inserts unless the externalId is taken; returns false then (the transaction stays usable). */
  async insert(db: Executor, row: CustomerRow): Promise<boolean> {
    const inserted = await db
      .insertInto('customers')
      .values(row)
      .onConflict((oc) => oc.columns(['workspaceId', 'externalId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  /**
   * Creates or updates the customer with this externalId; fields left out keep their value. An
   * existing customer's email is never written here (portal sign-in links go to it): only
   * `update` (PATCH /customers/:id) changes it.
   */
  async upsertByExternalId(
    db: Executor,
    row: CustomerRow & { externalId: string },
    given: Pick<CustomerFields, 'name' | 'company'>,
  ): Promise<string> {
    const update: Partial<CustomerRow> = { updatedAt: row.updatedAt };
    if (given.name !== undefined) update.name = given.name;
    if (given.company !== undefined) update.company = given.company;
    const result = await db
      .insertInto('customers')
      .values(row)
      .onConflict((oc) => oc.columns(['workspaceId', 'externalId']).doUpdateSet(update))
      .returning('id')
      .executeTakeFirstOrThrow();
    return result.id;
  },

  /** Applies a patch to a live (not anonymised) customer; false when there is none. */
  async update(db: Executor, workspaceId: string, id: string, patch: Partial<CustomerRow>): Promise<boolean> {
    const result = await db
      .updateTable('customers')
      .set(patch)
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  async hasConversations(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('conversations')
      .select('id')
      .where('workspaceId', '=', workspaceId)
      .where('customerId', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Keeps the row (conversations point at it) but clears everything that identifies the person. */
  async anonymise(db: Executor, workspaceId: string, id: string, now: number): Promise<void> {
    await db
      .updateTable('customers')
      .set({ externalId: null, name: null, email: null, company: null, deletedAt: now, updatedAt: now })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Executor, workspaceId: string, id: string): Promise<void> {
    await db.deleteFrom('customers').where('workspaceId', '=', workspaceId).where('id', '=', id).execute();
  },
};
