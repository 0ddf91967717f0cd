import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { SupportServices } from '../support/services.js';
import { customerCaller } from '../support/customer-caller.js';

/**
 * The support services as the widget uses them: the one seam between the two domains, built
 * by the composition root, so the widget never reaches into support's SQL.
 */
export interface WidgetSupport {
  /**
   * Creates an open conversation for an identified customer (upserted by its external id) or
   * for a customer just created (`{ id }`), so its `conversation.created` event names them.
   */
  createConversation(
    trx: Transaction<Database>,
    workspaceId: string,
    customer: { externalId: string; name?: string; email?: string } | { id: string },
  ): Promise<{ id: string; customerId: string | null }>;
  /**
   * A new customer with no external id: an anonymous visitor is never matched to anyone. The
   * email they type is stored as unverified: no email lookup (portal, inbound email) finds it.
   */
  createAnonymousCustomer(
    trx: Transaction<Database>,
    workspaceId: string,
    fields: { name?: string; email?: string },
  ): Promise<string>;
  addVisitorMessage(
    trx: Transaction<Database>,
    workspaceId: string,
    conversationId: string,
    customerId: string,
    body: string,
  ): Promise<void>;
  conversation(
    workspaceId: string,
    id: string,
  ): Promise<{ id: string; status: string; createdAt: string; updatedAt: string }>;
  customerIdByExternalId(workspaceId: string, externalId: string): Promise<string | null>;
  searchArticles(workspaceId: string, q: string, limit: number): Promise<unknown[]>;
}

/** A widget visitor acts through the support services as their customer. */
const visitor = customerCaller;

export function widgetSupport(support: SupportServices): WidgetSupport {
  return {
    async createConversation(trx, workspaceId, customer) {
      const view =
        'id' in customer
          ? await support.conversations.create(trx, visitor(workspaceId, null), {}, customer.id)
          : await support.conversations.create(trx, visitor(workspaceId, null), {
              customer: { id: customer.externalId, name: customer.name, email: customer.email },
            });
      return { id: view.id, customerId: view.customer?.id ?? null };
    },
    async createAnonymousCustomer(trx, workspaceId, fields) {
      const view = await support.customers.create(
        trx,
        visitor(workspaceId, null),
        { name: fields.name, email: fields.email },
        { emailUnverified: true },
      );
      return view.id;
    },
    async addVisitorMessage(trx, workspaceId, conversationId, customerId, body) {
      await support.messages.create(trx, visitor(workspaceId, customerId), conversationId, { role: 'user', body });
    },
    async conversation(workspaceId, id) {
      return support.conversations.getForCustomer(visitor(workspaceId, null), id);
    },
    async customerIdByExternalId(workspaceId, externalId) {
      const page = await support.customers.list(visitor(workspaceId, null), { externalId }, { limit: 1, before: null });
      return page.data[0]?.id ?? null;
    },
    async searchArticles(workspaceId, q, limit) {
      return support.articles.search(workspaceId, q, limit);
    },
  };
}
