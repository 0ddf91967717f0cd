import type { RequestCaller, WorkspaceCaller } from '../http/caller.js';
import type { SupportServices } from '../support/services.js';
import { revokePortalAccess } from './portal-access.js';

/**
 * The support services as the portal uses them: the one seam between the two domains, built by
 * the composition root. Reading is the portal's own customer-bounded SQL; writing a reply goes
 * through support, so counters, reopening and every later rule of messages apply.
 */
export interface PortalSupport {
  /**
   * The customer a sign-in link for this (lower-case) email goes to: support's one rule for
   * email lookups (the oldest live customer whose address is not an anonymous visitor's typed one).
   */
  customerByEmail(workspaceId: string, email: string): Promise<string | undefined>;
  addCustomerReply(
    workspaceId: string,
    customerId: string,
    conversationId: string,
    body: string,
    facts: RequestCaller,
  ): Promise<{ id: string; createdAt: string }>;
}

export function portalSupport(
  support: SupportServices,
  db: Parameters<SupportServices['messages']['create']>[0],
): PortalSupport {
  // A customer's portal access follows their email: when PATCH /customers/:id moves it, their
  // sessions end and their unused links die in the same transaction.
  support.customers.onEmailChange(revokePortalAccess);
  return {
    async customerByEmail(workspaceId, email) {
      return support.customers.findByEmail(db, workspaceId, email);
    },
    async addCustomerReply(workspaceId, customerId, conversationId, body, facts) {
      // Support types its callers as keys and members; a portal customer is neither, and messages
      // read only the workspace and the actor (recorded as author `customer`), so the customer
      // stands in as a workspace caller without a principal.
      const caller = {
        ...facts,
        workspaceId,
        actor: { type: 'customer', id: customerId },
      } as unknown as WorkspaceCaller;
      const message = await support.messages.create(db, caller, conversationId, { role: 'user', body });
      return { id: message.id, createdAt: message.createdAt };
    },
  };
}
