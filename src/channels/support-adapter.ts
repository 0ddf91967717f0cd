import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { SupportServices } from '../support/services.js';
import { customerCaller } from '../support/customer-caller.js';

/**
 * The support services as inbound channels use them: the one seam between the two domains,
 * built by the composition root. Every write goes through support (counters, reopening and
 * later rules of messages apply) inside the channel's own transaction.
 */
export interface ChannelSupport {
  /** The workspace's conversation and its customer; 404 `not_found` when the workspace has no such conversation. */
  conversation(workspaceId: string, id: string): Promise<{ id: string; customerId: string | null }>;
  /** An existing customer of the workspace with this email (case-insensitive), or null. */
  customerIdByEmail(workspaceId: string, email: string): Promise<string | null>;
  /** Creates or updates the customer known by the integrator's id, as `POST /conversations` does. */
  upsertCustomer(
    trx: Transaction<Database>,
    workspaceId: string,
    fields: { externalId: string; email?: string; name?: string },
  ): Promise<string>;
  createCustomer(
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

export function channelSupport(support: SupportServices): ChannelSupport {
  return {
    async conversation(workspaceId, id) {
      const view = await support.conversations.get(sender(workspaceId, null), id);
      return { id: view.id, customerId: view.customer?.id ?? null };
    },
    async customerIdByEmail(workspaceId, email) {
      const page = await support.customers.list(sender(workspaceId, null), { email }, { limit: 1, before: null });
      return page.data[0]?.id ?? null;
    },
    async upsertCustomer(trx, workspaceId, fields) {
      return support.customers.upsert(trx, workspaceId, fields);
    },
    async createCustomer(trx, workspaceId, fields) {
      return (await support.customers.create(trx, sender(workspaceId, null), fields)).id;
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
