import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../audit/audit-log.js';
import { DAY_MS } from '../../jobs/sweep-job.js';
import type { Database } from '../../storage/schema.js';
import { newId } from '../../storage/ids.js';
import type { SessionsTable } from '../tables.js';
import { REFRESH_TTL_MS } from './tokens.js';

/** The SQL of sessions (refresh-token families) and their rotating refresh tokens. */

export type EndReason = 'sign_out' | 'sign_out_everywhere' | 'password_reset' | 'refresh_reuse' | 'email_proven';

export async function insertSession(executor: Executor, row: SessionsTable): Promise<void> {
  await executor.insertInto('sessions').values(row).execute();
}

/** Stores the hash of a new refresh token of the family. */
export async function insertRefreshToken(
  executor: Executor,
  input: { sessionId: string; tokenHash: string; now: number },
): Promise<void> {
  await executor
    .insertInto('refreshTokens')
    .values({
      id: newId('tok', input.now),
      familyId: input.sessionId,
      tokenHash: input.tokenHash,
      createdAt: input.now,
      expiresAt: input.now + REFRESH_TTL_MS,
      usedAt: null,
    })
    .execute();
}

export interface RefreshTokenState {
  tokenId: string;
  usedAt: number | null;
  tokenExpiresAt: number;
  sessionId: string;
  userId: string;
  endedAt: number | null;
  expiresAt: number;
}

/** A refresh token by its hash, with the state of its session. */
export async function findRefreshToken(executor: Executor, tokenHash: string): Promise<RefreshTokenState | undefined> {
  return executor
    .selectFrom('refreshTokens')
    .innerJoin('sessions', 'sessions.id', 'refreshTokens.familyId')
    .select([
      'refreshTokens.id as tokenId',
      'refreshTokens.usedAt',
      'refreshTokens.expiresAt as tokenExpiresAt',
      'sessions.id as sessionId',
      'sessions.userId',
      'sessions.endedAt',
      'sessions.expiresAt',
    ])
    .where('refreshTokens.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a token used; false when it already was (the conditional update is the lock). */
export async function spendRefreshToken(executor: Executor, tokenId: string, now: number): Promise<boolean> {
  const spent = await executor
    .updateTable('refreshTokens')
    .set({ usedAt: now })
    .where('id', '=', tokenId)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}

/**
 * A refresh moves a live session's expiry on; false when the session has ended or expired since
 * the refresh read it (a concurrent sign-out): a dead session's expiry never moves later, which
 * the sweep relies on.
 */
export async function slideSession(executor: Executor, sessionId: string, now: number): Promise<boolean> {
  const slid = await executor
    .updateTable('sessions')
    .set({ lastRefreshedAt: now, expiresAt: now + REFRESH_TTL_MS })
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(slid.numUpdatedRows) === 1;
}

/** The live session an unused refresh token belongs to. */
export async function liveSessionOfRefreshToken(
  executor: Executor,
  tokenHash: string,
): Promise<{ sessionId: string; userId: string } | undefined> {
  return executor
    .selectFrom('refreshTokens')
    .innerJoin('sessions', 'sessions.id', 'refreshTokens.familyId')
    .select(['sessions.id as sessionId', 'sessions.userId'])
    .where('refreshTokens.tokenHash', '=', tokenHash)
    .where('refreshTokens.usedAt', 'is', null)
    .where('sessions.endedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * How long a session's row stays after it ended or expired. Nothing reads a dead session (its
 * refresh tokens go a day after it ends, reuse detection with them); the row (device, address,
 * why it ended) is kept a month for whoever looks into a recent sign-in.
 */
export const DEAD_SESSION_RETENTION_MS = 30 * DAY_MS;

/**
 * What ending a session writes. It expires now as well (unless it already expired), so the sweep
 * finds a dead session by its expiry alone.
 */
function ended(reason: EndReason, now: number) {
  return {
    endedAt: now,
    endedReason: reason,
    expiresAt: (eb: ExpressionBuilder<Database, 'sessions'>) =>
      eb.case().when('expiresAt', '>', now).then(now).else(eb.ref('expiresAt')).end(),
  };
}

/**
 * Ends a session. Its refresh tokens expire now as well: they are refused for the ended session
 * either way, and the sweep then finds them by expiry alone (expiredCredentialsSweep).
 */
export async function endSession(executor: Executor, sessionId: string, reason: EndReason, now: number): Promise<void> {
  await executor
    .updateTable('sessions')
    .set(ended(reason, now))
    .where('id', '=', sessionId)
    .where('endedAt', 'is', null)
    .execute();
  await executor
    .updateTable('refreshTokens')
    .set({ expiresAt: now })
    .where('familyId', '=', sessionId)
    .where('expiresAt', '>', now)
    .execute();
}

/** Ends every live session of a user, and expires them and their refresh tokens now (as endSession). */
export async function endSessionsOfUser(
  executor: Executor,
  userId: string,
  reason: EndReason,
  now: number,
): Promise<void> {
  await executor
    .updateTable('sessions')
    .set(ended(reason, now))
    .where('userId', '=', userId)
    .where('endedAt', 'is', null)
    .execute();
  await executor
    .updateTable('refreshTokens')
    .set({ expiresAt: now })
    .where('familyId', 'in', executor.selectFrom('sessions').select('id').where('userId', '=', userId))
    .where('expiresAt', '>', now)
    .execute();
}

export async function sessionState(
  executor: Executor,
  sessionId: string,
): Promise<{ userId: string; endedAt: number | null; expiresAt: number } | undefined> {
  return executor
    .selectFrom('sessions')
    .select(['userId', 'endedAt', 'expiresAt'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
}
