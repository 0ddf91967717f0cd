import type { WorkspaceCaller } from '../http/caller.js';

/**
 * A customer acting through the support services (a widget visitor, an inbound channel's
 * sender). Support types its callers as keys and members; a customer has no REST principal, and
 * support reads only `workspaceId` and `actor` (recorded as author `customer`), so this one
 * function states that shape instead of each adapter inventing a principal.
 */
export function customerCaller(workspaceId: string, customerId: string | null): WorkspaceCaller {
  const caller = {
    principal: null,
    workspaceId,
    actor: { type: 'customer', id: customerId ?? '' },
    ip: null,
    userAgent: null,
    requestId: null,
  };
  return caller as unknown as WorkspaceCaller;
}
