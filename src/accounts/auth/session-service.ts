import type { CoreDeps } from '../../deps.js';
import type { Executor } from '../../audit/audit-log.js';
import { unauthorized } from '../../errors.js';
import { newId } from '../../storage/ids.js';
import type { RequestCaller } from '../../http/caller.js';
import { auditForUser } from '../context.js';
import type { AccessTokens } from './access-tokens.js';
import {
  endSession,
  endSessionsOfUser,
  findRefreshToken,
  insertRefreshToken,
  insertSession,
  liveSessionOfRefreshToken,
  sessionState,
  slideSession,
  spendRefreshToken,
  type EndReason,
} from './session-repository.js';
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SHAPE, REFRESH_TTL_MS, newRefreshToken, sha256 } from './tokens.js';

export type { EndReason } from './session-repository.js';

export interface IssuedTokens {
  userId: string;
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** One answer for every refused refresh: unknown, spent, expired or of an ended session. */
const invalidRefreshToken = () => unauthorized('The refresh token is not valid.');

/**
 * Sessions are refresh-token families. Every refresh rotates the token; presenting a token
 * that was already used means it leaked (or a race), so the whole family is ended.
 */
export class SessionStore {
  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'bus' | 'logger' | 'audit'>,
    private readonly accessTokens: AccessTokens,
  ) {}

  async create(
    executor: Executor,
    input: { userId: string; provider: string; caller: RequestCaller },
  ): Promise<IssuedTokens> {
    const now = this.core.clock.now();
    const sessionId = newId('ses', now);
    await insertSession(executor, {
      id: sessionId,
      userId: input.userId,
      provider: input.provider,
      createdAt: now,
      expiresAt: now + REFRESH_TTL_MS,
      lastRefreshedAt: null,
      endedAt: null,
      endedReason: null,
      ip: input.caller.ip,
      userAgent: input.caller.userAgent?.slice(0, 512) ?? null,
    });
    const refreshToken = await this.newRefreshToken(executor, sessionId, now);
    return this.tokens(input.userId, sessionId, refreshToken);
  }

  /** Rotates a refresh token. Reuse of a spent token ends the family and answers 401. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    if (!REFRESH_TOKEN_SHAPE.test(refreshToken)) throw invalidRefreshToken();
    const now = this.core.clock.now();
    const row = await findRefreshToken(this.core.db, sha256(refreshToken));
    if (!row || row.endedAt !== null || Number(row.expiresAt) <= now || Number(row.tokenExpiresAt) <= now) {
      throw invalidRefreshToken();
    }
    if (row.usedAt !== null) return this.reuseDetected(row.sessionId);
    const issued = await this.core.db.transaction().execute(async (trx) => {
      // The conditional update is the lock: of two concurrent uses of one token, one wins.
      if (!(await spendRefreshToken(trx, row.tokenId, now))) return null;
      // Ended since it was read (a sign-out racing this refresh): refused as an ended session is,
      // and the rollback leaves no new token and the session's expiry where its end put it.
      if (!(await slideSession(trx, row.sessionId, now))) throw invalidRefreshToken();
      return this.newRefreshToken(trx, row.sessionId, now);
    });
    if (issued === null) return this.reuseDetected(row.sessionId);
    return this.tokens(row.userId, row.sessionId, issued);
  }

  /** The live session a refresh token belongs to (for sign-out by cookie), or null. */
  async sessionOfRefreshToken(refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
    if (!REFRESH_TOKEN_SHAPE.test(refreshToken)) return null;
    return (await liveSessionOfRefreshToken(this.core.db, sha256(refreshToken))) ?? null;
  }

  /** Ends one session; every instance refuses its access tokens on the next request. */
  async end(executor: Executor, sessionId: string, reason: EndReason): Promise<void> {
    await endSession(executor, sessionId, reason, this.core.clock.now());
  }

  /** Ends every session of a user (the caller publishes `{kind: 'user'}` after commit). */
  async endAll(executor: Executor, userId: string, reason: EndReason): Promise<void> {
    await endSessionsOfUser(executor, userId, reason, this.core.clock.now());
  }

  /** DELETE /auth/session: ends one session, audited, on every instance. */
  async signOut(session: { sessionId: string; userId: string }, caller: RequestCaller): Promise<void> {
    const { sessionId, userId } = session;
    await this.core.db.transaction().execute(async (trx) => {
      await this.end(trx, sessionId, 'sign_out');
      await auditForUser(this.core, trx, caller, userId, {
        type: 'sign_out',
        actor: { type: 'user', id: userId },
        target: { type: 'session', id: sessionId },
      });
    });
    await this.core.bus.publish({ kind: 'session', subject: sessionId });
  }

  /** DELETE /auth/sessions: ends every session of the user, audited, on every instance. */
  async signOutEverywhere(userId: string, caller: RequestCaller): Promise<void> {
    await this.core.db.transaction().execute(async (trx) => {
      await this.endAll(trx, userId, 'sign_out_everywhere');
      await auditForUser(this.core, trx, caller, userId, {
        type: 'sign_out',
        actor: { type: 'user', id: userId },
        target: { type: 'user', id: userId },
        data: { everywhere: true },
      });
    });
    await this.core.bus.publish({ kind: 'user', subject: userId });
  }

  /** The verifier's cold path: whether a session is alive, and whose it is. */
  async lookup(sessionId: string): Promise<{ userId: string; alive: boolean } | null> {
    const row = await sessionState(this.core.db, sessionId);
    if (!row) return null;
    return { userId: row.userId, alive: row.endedAt === null && Number(row.expiresAt) > this.core.clock.now() };
  }

  private async reuseDetected(sessionId: string): Promise<never> {
    await this.end(this.core.db, sessionId, 'refresh_reuse');
    await this.core.bus.publish({ kind: 'session', subject: sessionId });
    this.core.logger.warn(
      { event: 'session.refresh_reuse', sessionId },
      'refresh token reused: session family revoked',
    );
    throw invalidRefreshToken();
  }

  private async newRefreshToken(executor: Executor, sessionId: string, now: number): Promise<string> {
    const token = newRefreshToken();
    await insertRefreshToken(executor, { sessionId, tokenHash: sha256(token), now });
    return token;
  }

  private async tokens(userId: string, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
    const accessToken = await this.accessTokens.sign({ userId, sessionId });
    return { userId, sessionId, accessToken, refreshToken, expiresIn: ACCESS_TOKEN_SECONDS };
  }
}
