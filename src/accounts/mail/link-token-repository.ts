import type { Executor } from '../../audit/audit-log.js';
import { invalidRequest } from '../../errors.js';
import { newId } from '../../storage/ids.js';
import { LINK_TOKEN_SHAPE, newLinkToken, sha256 } from '../auth/tokens.js';

export type LinkPurpose = 'verify_email' | 'password_reset';

/** Makes a one-time emailed token; only its SHA-256 is stored. */
export async function issueLinkToken(
  executor: Executor,
  input: { userId: string; purpose: LinkPurpose; ttlMs: number; now: number; passwordHash?: string | null },
): Promise<string> {
  const token = newLinkToken();
  await executor
    .insertInto('linkTokens')
    .values({
      id: newId('tok', input.now),
      tokenHash: sha256(token),
      purpose: input.purpose,
      userId: input.userId,
      createdAt: input.now,
      expiresAt: input.now + input.ttlMs,
      usedAt: null,
      passwordHash: input.passwordHash ?? null,
    })
    .execute();
  return token;
}

export function invalidToken(): Error {
  return invalidRequest('The link is invalid, expired or already used.', [
    { path: '/body/token', message: 'is invalid or expired' },
  ]);
}

/** A link that can still be spent: its user and the password it sets (null: keeps the account's). */
export interface LiveLink {
  id: string;
  userId: string;
  passwordHash: string | null;
}

/** The unspent, unexpired token of a purpose, without spending it; throws 400 otherwise. */
export async function findLiveLinkToken(
  executor: Executor,
  token: string,
  purpose: LinkPurpose,
  now: number,
): Promise<LiveLink> {
  if (!LINK_TOKEN_SHAPE.test(token)) throw invalidToken();
  const row = await executor
    .selectFrom('linkTokens')
    .select(['id', 'userId', 'expiresAt', 'usedAt', 'passwordHash'])
    .where('tokenHash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || row.usedAt !== null || Number(row.expiresAt) <= now) throw invalidToken();
  return { id: row.id, userId: row.userId, passwordHash: row.passwordHash };
}

/**
 * Spends a token for its purpose and returns its user, or throws 400. The conditional update
 * makes it one use even when two requests race.
 */
export async function consumeLinkToken(
  executor: Executor,
  token: string,
  purpose: LinkPurpose,
  now: number,
): Promise<LiveLink> {
  const link = await findLiveLinkToken(executor, token, purpose, now);
  const spent = await executor
    .updateTable('linkTokens')
    .set({ usedAt: now })
    .where('id', '=', link.id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw invalidToken();
  return link;
}

/** Spends every outstanding token of a purpose (a reset link dies once the password changed). */
export async function spendAllLinkTokens(
  executor: Executor,
  userId: string,
  purpose: LinkPurpose,
  now: number,
): Promise<void> {
  await executor
    .updateTable('linkTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('purpose', '=', purpose)
    .where('usedAt', 'is', null)
    .execute();
}
