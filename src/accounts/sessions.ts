import type { CoreDeps } from '../deps.js';
import type { Executor } from '../audit/audit-log.js';
import { unauthorized } from '../errors.js';
import { newId } from '../storage/ids.js';
import type { RequestFacts } from '../http/principal.js';
import type { AccessTokens } from './access-tokens.js';
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SHAPE, REFRESH_TTL_MS, newRefreshToken, sha256 } from './tokens.js';

export interface IssuedTokens {
  userId: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type EndReason = 'sign_out' | 'sign_out_everywhere' | 'password_reset' | 'refresh_reuse';

/**
 * Sessions are refresh-token families. Every refresh rotates the token; presenting a token
 * that was already used means it leaked (or a race), so the whole family is ended.
 */
export class SessionStore {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'bus' | 'logger'>,
    private readonly accessTokens: AccessTokens,
  ) {}

  async create(executor: Executor, input: { userId: string; provider: string; facts: RequestFacts }): Promise<IssuedTokens> {
    const now = this.core.clock.now();
    const sessionId = newId('ses', now);
    await executor
      .insertInto('sessions')
      .values({
        id: sessionId,
        userId: input.userId,
        provider: input.provider,
        createdAt: now,
        expiresAt: now + REFRESH_TTL_MS,
        lastRefreshedAt: null,
        endedAt: null,
        endedReason: null,
        ip: input.facts.ip,
        userAgent: input.facts.userAgent?.slice(0, 512) ?? null,
      })
      .execute();
    const refreshToken = await this.insertRefreshToken(executor, sessionId, now);
    return this.tokens(input.userId, sessionId, refreshToken);
  }

  /** Rotates a refresh token. Reuse of a spent token ends the family and answers 401. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    if (!REFRESH_TOKEN_SHAPE.test(refreshToken)) throw unauthorized('The refresh token is not valid.');
    const now = this.core.clock.now();
    const row = await this.core.db
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
      .where('refreshTokens.tokenHash', '=', sha256(refreshToken))
      .executeTakeFirst();
    if (!row || row.endedAt !== null || Number(row.expiresAt) <= now || Number(row.tokenExpiresAt) <= now) {
      throw unauthorized('The refresh token is not valid.');
    }
    if (row.usedAt !== null) return this.reuseDetected(row.sessionId);
    const issued = await this.core.db.transaction().execute(async (trx) => {
      // The conditional update is the lock: of two concurrent uses of one token, one wins.
      const spent = await trx
        .updateTable('refreshTokens')
        .set({ usedAt: now })
        .where('id', '=', row.tokenId)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return null;
      await trx.updateTable('sessions').set({ lastRefreshedAt: now, expiresAt: now + REFRESH_TTL_MS }).where('id', '=', row.sessionId).execute();
      return this.insertRefreshToken(trx, row.sessionId, now);
    });
    if (issued === null) return this.reuseDetected(row.sessionId);
    return this.tokens(row.userId, row.sessionId, issued);
  }

  /** The live session a refresh token belongs to (for sign-out by cookie), or null. */
  async sessionOfRefreshToken(refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
    if (!REFRESH_TOKEN_SHAPE.test(refreshToken)) return null;
    const row = await this.core.db
      .selectFrom('refreshTokens')
      .innerJoin('sessions', 'sessions.id', 'refreshTokens.familyId')
      .select(['sessions.id as sessionId', 'sessions.userId'])
      .where('refreshTokens.tokenHash', '=', sha256(refreshToken))
      .where('refreshTokens.usedAt', 'is', null)
      .where('sessions.endedAt', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Ends one session; every instance refuses its access tokens on the next request. */
  async end(executor: Executor, sessionId: string, reason: EndReason): Promise<void> {
    await executor
      .updateTable('sessions')
      .set({ endedAt: this.core.clock.now(), endedReason: reason })
      .where('id', '=', sessionId)
      .where('endedAt', 'is', null)
      .execute();
  }

  /** Ends every session of a user (the caller publishes `{kind: 'user'}` after commit). */
  async endAll(executor: Executor, userId: string, reason: EndReason): Promise<void> {
    await executor
      .updateTable('sessions')
      .set({ endedAt: this.core.clock.now(), endedReason: reason })
      .where('userId', '=', userId)
      .where('endedAt', 'is', null)
      .execute();
  }

  /** The verifier's cold path: whether a session is alive, and whose it is. */
  async lookup(sessionId: string): Promise<{ userId: string; alive: boolean } | null> {
    const row = await this.core.db
      .selectFrom('sessions')
      .select(['userId', 'endedAt', 'expiresAt'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return null;
    return { userId: row.userId, alive: row.endedAt === null && Number(row.expiresAt) > this.core.clock.now() };
  }

  private async reuseDetected(sessionId: string): Promise<never> {
    await this.end(this.core.db, sessionId, 'refresh_reuse');
    await this.core.bus.publish({ kind: 'session', subject: sessionId });
    this.core.logger.warn({ event: 'session.refresh_reuse', sessionId }, 'refresh token reused: session family revoked');
    throw unauthorized('The refresh token is not valid.');
  }

  private async insertRefreshToken(executor: Executor, sessionId: string, now: number): Promise<string> {
    const token = newRefreshToken();
    await executor
      .insertInto('refreshTokens')
      .values({ id: newId('tok', now), familyId: sessionId, tokenHash: sha256(token), createdAt: now, expiresAt: now + REFRESH_TTL_MS, usedAt: null })
      .execute();
    return token;
  }

  private async tokens(userId: string, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
    const accessToken = await this.accessTokens.sign({ userId, sessionId });
    return { userId, sessionId, accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }
}
