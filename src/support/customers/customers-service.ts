import type { CoreDeps } from '../../deps.js';
import { conflict, notFound } from '../../errors.js';
import { isoTime } from '../../http/schemas.js';
import { isId, newId } from '../../storage/ids.js';
import { isUniqueViolation } from '../../storage/database.js';
import { toPage, type Page, type PageRequest } from '../../storage/pagination.js';
import type { WorkspaceCaller } from '../../http/caller.js';
import { inTransaction, type Executor } from '../context.js';
import { webhookOutbox } from '../../events/webhook-outbox.js';
import { customersRepository as repo, type CustomerFilter, type CustomerRow } from './customers-repository.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../storage/schema.js';
import type { Static } from 'typebox';
import type { Customer, CustomerFields } from './schemas.js';

export type CustomerView = Static<typeof Customer>;

export function customerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    email: row.email,
    emailUnverified: row.email !== null && Number(row.emailUnverified) === 1,
    company: row.company,
    deletedAt: isoTime(row.deletedAt),
    createdAt: isoTime(row.createdAt)!,
    updatedAt: isoTime(row.updatedAt)!,
  };
}

/** Emails compare case-insensitively: stored and searched in lower case. */
export function normaliseEmail(email: string | null | undefined): string | null | undefined {
  return typeof email === 'string' ? email.trim().toLowerCase() : email;
}

/**
 * Told, inside the transaction of `PATCH /customers/:id`, that a customer's email changed: the
 * portal ends the customer's sessions and voids their unused sign-in links there (registered by
 * the portal's adapter, src/portal/support-adapter.ts). Returns what it ended, for the audit event.
 */
export type EmailChangeListener = (
  trx: Transaction<Database>,
  workspaceId: string,
  customerId: string,
  now: number,
) => Promise<Record<string, number>>;

/** Customers: created directly or upserted by a conversation; deleted ones with history are anonymised. */
export class CustomersService {
  private readonly emailChangeListeners: EmailChangeListener[] = [];

  constructor(private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'audit'>) {}

  /** Registers what else a changed email ends (called once by the composition's adapters). */
  onEmailChange(listener: EmailChangeListener): void {
    this.emailChangeListeners.push(listener);
  }

  async list(caller: WorkspaceCaller, filter: CustomerFilter, page: PageRequest): Promise<Page<CustomerView>> {
    const email = normaliseEmail(filter.email) ?? undefined;
    const rows = await repo.list(this.core.db, caller.workspaceId, { ...filter, email }, page);
    return toPage(rows, page.limit, customerView);
  }

  async get(caller: WorkspaceCaller, id: string): Promise<CustomerView> {
    const row = isId(id, 'cust') ? await repo.get(this.core.db, caller.workspaceId, id) : undefined;
    if (!row) throw notFound('customer');
    return customerView(row);
  }

  /**
   * `emailUnverified`: the email was typed by an anonymous widget visitor; it is stored and shown,
   * never used to find this customer.
   */
  async create(
    executor: Executor,
    caller: WorkspaceCaller,
    input: CustomerFields,
    { emailUnverified = false }: { emailUnverified?: boolean } = {},
  ): Promise<CustomerView> {
    const now = this.core.clock.now();
    const row: CustomerRow = {
      id: newId('cust', now),
      workspaceId: caller.workspaceId,
      externalId: input.externalId ?? null,
      name: input.name ?? null,
      email: normaliseEmail(input.email) ?? null,
      emailUnverified: emailUnverified ? 1 : 0,
      company: input.company ?? null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return inTransaction(executor, async (trx) => {
      if (!(await repo.insert(trx, row))) await this.throwTaken(trx, caller.workspaceId, row.externalId!);
      return this.created(trx, row);
    });
  }

  /**
   * The customer an email address leads to (case-insensitive): the oldest live one whose address
   * is not an anonymous visitor's unverified one. Portal sign-in and inbound email both use it.
   */
  async findByEmail(executor: Executor, workspaceId: string, email: string): Promise<string | undefined> {
    return repo.idByTrustedEmail(executor, workspaceId, normaliseEmail(email) ?? email);
  }

  /**
   * `findByEmail`, or a new customer when there is none; read in the caller's transaction, so a
   * caller that serialises on the email (lockForTransaction) sees the customer a concurrent
   * delivery has just created instead of creating a second one.
   */
  async findOrCreateByEmail(
    trx: Transaction<Database>,
    caller: WorkspaceCaller,
    input: CustomerFields & { email: string },
  ): Promise<string> {
    return (await this.findByEmail(trx, caller.workspaceId, input.email)) ?? (await this.create(trx, caller, input)).id;
  }

  /**
   * Upserts by the integrator's id within the workspace (never across workspaces); returns our
   * id. A customer it creates gets its `customer.created` event in the caller's transaction.
   * An existing customer keeps its stored email whatever `input.email` says (even when it has
   * none): the email is where portal sign-in links go, so only `update` (customers.write)
   * moves it. Name and company, which grant nothing, are updated.
   */
  async upsert(
    trx: Transaction<Database>,
    workspaceId: string,
    input: CustomerFields & { externalId: string },
  ): Promise<string> {
    const now = this.core.clock.now();
    const fields = { ...input, email: normaliseEmail(input.email) };
    const row = {
      id: newId('cust', now),
      workspaceId,
      externalId: input.externalId,
      name: fields.name ?? null,
      email: fields.email ?? null,
      emailUnverified: 0,
      company: fields.company ?? null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    const id = await repo.upsertByExternalId(trx, row, { name: fields.name, company: fields.company });
    // Our fresh id came back: the row was inserted, not an existing customer updated.
    if (id === row.id) await this.created(trx, row);
    return id;
  }

  /** The `customer.created` event of a row just inserted, in the inserting transaction. */
  private async created(trx: Executor, row: CustomerRow): Promise<CustomerView> {
    const view = customerView(row);
    await webhookOutbox.append(trx, {
      workspaceId: row.workspaceId,
      type: 'customer.created',
      payload: view,
      now: Number(row.createdAt),
    });
    return view;
  }

  async update(caller: WorkspaceCaller, id: string, patch: CustomerFields): Promise<CustomerView> {
    if (!isId(id, 'cust')) throw notFound('customer');
    const changes: Partial<CustomerRow> = { updatedAt: this.core.clock.now() };
    if (patch.externalId !== undefined) changes.externalId = patch.externalId;
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.email !== undefined) {
      changes.email = normaliseEmail(patch.email) ?? null;
      // customers.write vouches for the address it sets (an unverified one included).
      changes.emailUnverified = 0;
    }
    if (patch.company !== undefined) changes.company = patch.company;
    const write = this.core.db.transaction().execute(async (trx) => {
      if (typeof changes.externalId === 'string') {
        const holder = await repo.idByExternalId(trx, caller.workspaceId, changes.externalId);
        if (holder !== undefined && holder !== id) throw conflict('Another customer has this externalId.', holder);
      }
      const before = changes.email !== undefined ? await repo.get(trx, caller.workspaceId, id) : undefined;
      if (!(await repo.update(trx, caller.workspaceId, id, changes))) throw notFound('customer');
      if (before !== undefined && before.email !== changes.email) {
        // Portal access followed the old address: whoever holds it must sign in at the new one.
        const ended: Record<string, number> = {};
        for (const listener of this.emailChangeListeners) {
          Object.assign(ended, await listener(trx, caller.workspaceId, id, changes.updatedAt!));
        }
        // No addresses: the audit log outlives the customer's anonymisation.
        await this.core.audit.record(trx, caller, {
          type: 'customer.email_changed',
          target: { type: 'customer', id },
          data: { hadEmail: before.email !== null, hasEmail: changes.email !== null, ...ended },
        });
      }
      return customerView((await repo.get(trx, caller.workspaceId, id))!);
    });
    return write.catch(async (error: unknown) => {
      // Another request took the externalId between our check and our write.
      if (isUniqueViolation(error) && typeof changes.externalId === 'string') {
        await this.throwTaken(this.core.db, caller.workspaceId, changes.externalId);
      }
      throw error;
    });
  }

  /** Deletes, or anonymises when conversations still point at the customer. Audited either way. */
  async delete(caller: WorkspaceCaller, id: string): Promise<void> {
    if (!isId(id, 'cust')) throw notFound('customer');
    const now = this.core.clock.now();
    await this.core.db.transaction().execute(async (trx) => {
      const row = await repo.get(trx, caller.workspaceId, id);
      if (!row || row.deletedAt !== null) throw notFound('customer');
      const anonymised = await repo.hasConversations(trx, caller.workspaceId, id);
      if (anonymised) await repo.anonymise(trx, caller.workspaceId, id, now);
      else await repo.delete(trx, caller.workspaceId, id);
      await this.core.audit.record(trx, caller, {
        type: 'customer.deleted',
        target: { type: 'customer', id },
        data: { anonymised },
      });
    });
  }

  private async throwTaken(executor: Executor, workspaceId: string, externalId: string): Promise<never> {
    const holder = await repo.idByExternalId(executor, workspaceId, externalId);
    throw conflict('A customer with this externalId already exists.', holder);
  }
}
