import type { Executor } from '../../audit/audit-log.js';
import { unlinkAllIdentities } from './identity-repository.js';
import type { SessionStore } from './session-service.js';
import { markEmailVerified } from './user-repository.js';

/**
 * The account-linking rule (README, "Linking sign-in methods"). Until an account's email is
 * proven, whoever created it may not own the address: a Microsoft email claim, a Google claim
 * with `email_verified: false`, or a registration nobody confirmed all prove nothing. The
 * moment the owner proves the address — a verified Google claim, the emailed verification
 * link, or a password reset — everything that had not proven it is cut off in the same
 * transaction: every linked ID-token identity is unlinked and every session (with its
 * refresh-token family) is ended. The password goes too, unless the proof vouches for it
 * (`keepPassword`: the verification link confirms the registration that set it; a reset
 * replaces it anyway); `passwordHash` sets the password the proof vouches for instead (a later
 * registration's, carried by its verification link). Returns whether the account changed; the caller then publishes
 * `{kind: 'user'}` after commit so every instance drops its cached sessions.
 */
export async function proveAccountEmail(
  trx: Executor,
  sessions: SessionStore,
  input: { userId: string; now: number; keepPassword: boolean; passwordHash?: string },
): Promise<boolean> {
  const { userId, now } = input;
  // Conditional on "still unverified": of two racing proofs, one does the cut-off, and a
  // verified account is never stripped again.
  if (
    !(await markEmailVerified(trx, {
      userId,
      now,
      dropPassword: !input.keepPassword,
      passwordHash: input.passwordHash,
    }))
  )
    return false;
  // An identity linked to an unverified account never proved the address (a proof would
  // have verified it), so all of them go; the proving identity is linked after this.
  await unlinkAllIdentities(trx, userId);
  await sessions.endAll(trx, userId, 'email_proven');
  return true;
}
