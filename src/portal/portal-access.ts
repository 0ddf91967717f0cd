import type { Transaction } from 'kysely';
import type { Database } from '../storage/schema.js';
import { portalRepository } from './portal-repository.js';

/**
 * What the portal does when a customer's email changes, in the transaction that changes it:
 * every session of the customer ends and every unused sign-in link is voided, so only someone
 * reading the new address can sign in again. Returns the counts, for the audit event.
 */
export async function revokePortalAccess(
  trx: Transaction<Database>,
  workspaceId: string,
  customerId: string,
  now: number,
): Promise<{ portalSessionsEnded: number; portalLinksVoided: number }> {
  return portalRepository.revokeCustomer(trx, workspaceId, customerId, now);
}
