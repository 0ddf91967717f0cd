import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { SupportServices } from '../support/services.js';
import { customerCaller } from '../support/customer-caller.js';
import { lockForTransaction } from '../storage/locks.js';
import { normaliseEmail } from '../support/customers/customers-service.js';
import type { Dialect } from '../storage/database.js';

/**
 * The support services as inbound channels use them: the one seam between the two domains,
 * built by the composition root. Every write goes through support (counters, reopening and
 * later rules of messages apply) inside the channel's own transaction.
 */
export interface ChannelSupport {
  /** The workspace's conversation and its customer; 404 `not_found` when the workspace has no such conversation. */
  conversation(workspaceId: string, id: string): Promise<{ id: string; customerId: string | null }>;
  /** Creates or updates the customer known by the integrator's id, as `POST /conversations` does. */
  upsertCustomer(
    trx: Transaction<Database>,
    workspaceId: string,
    fields: { externalId: string; email?: string; name?: string },
  ): Promise<string>;
  /**
   * The workspace's customer with this email (case-insensitive), created when there is none.
   * Deliveries from one new sender arriving together wait for each other here: one customer.
   */
  customerByEmail(
    trx: Transaction<Database>,
    workspaceId: string,
    fields: { email: string; name?: string },
  ): Promise<string>;
  /** An open conversation of the customer (our `cust_` id), or of none. */
  createConversation(
    trx: Transaction<Database>,
    workspaceId: string,
    fields: { subject: string | null; customerId: string | null },
  ): Promise<string>;
  /** A `user` message authored by the customer; reopens a closed conversation. */
  addCustomerMessage(
    trx: Transaction<Database>,
    workspaceId: string,
    conversationId: string,
    customerId: string | null,
    body: string,
  ): Promise<string>;
}

/** An inbound channel's sender acts through the support services as their customer. */
const sender = customerCaller;

export function channelSupport(support: SupportServices, dialect: Dialect): ChannelSupport {
  return {
    async conversation(workspaceId, id) {
      const view = await support.conversations.get(sender(workspaceId, null), id);
      return { id: view.id, customerId: view.customer?.id ?? null };
    },
    async upsertCustomer(trx, workspaceId, fields) {
      return support.customers.upsert(trx, workspaceId, fields);
    },
    async customerByEmail(trx, workspaceId, fields) {
      await lockForTransaction(trx, dialect, `customer-email:${workspaceId}:${normaliseEmail(fields.email)}`);
      return support.customers.findOrCreateByEmail(trx, sender(workspaceId, null), fields);
    },
    async createConversation(trx, workspaceId, { subject, customerId }) {
      const caller = sender(workspaceId, customerId);
      const view = await support.conversations.create(trx, caller, subject === null ? {} : { subject }, customerId);
      return view.id;
    },
    async addCustomerMessage(trx, workspaceId, conversationId, customerId, body) {
      const message = await support.messages.create(trx, sender(workspaceId, customerId), conversationId, {
        role: 'user',
        body,
      });
      return message.id;
    },
  };
}
