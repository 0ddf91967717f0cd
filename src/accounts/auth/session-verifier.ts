import type { CoreDeps } from '../../deps.js';
import { TTLCache } from '../../cache/ttl-cache.js';
import { AppError, forbidden, unauthorized } from '../../errors.js';
import type { CredentialVerifier, SessionPrincipal, Verification } from '../../http/principal.js';
import type { Caller } from '../../http/caller.js';
import { ROLE_SCOPES, ROLES, type Role } from '../../scopes/scopes.js';
import type { Invalidation } from '../../events/invalidation-bus.js';
import type { AccessTokens } from './access-tokens.js';
import type { SessionStore } from './session-service.js';
import { roleOf } from '../workspaces/member-repository.js';

/** The TTL is only a backstop: the invalidation bus is what ends a session or a membership. */
const SESSION_TTL_MS = 5 * 60_000;
const MEMBERSHIP_TTL_MS = 5 * 60_000;
const NO_SCOPES: ReadonlySet<string> = new Set();
// Access tokens are JWTs: three base64url parts. Anything else is another verifier's, or no one's.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

interface SessionEntry {
  userId: string;
  alive: boolean;
}

/**
 * Verifies a session access token: signature and expiry (no I/O), then whether the session is
 * still alive and the membership of x-workspace-id, each through a cache the invalidation bus
 * clears. Warm, it reads nothing from the database.
 */
export class CachedSessionVerifier implements CredentialVerifier<SessionPrincipal> {
  readonly kind = 'session' as const;
  readonly misplaced = 'This endpoint needs an API key.';
  private readonly sessions: TTLCache<string, SessionEntry>;
  /** `${workspaceId}:${userId}` → role, or null for "not a member". */
  private readonly memberships: TTLCache<string, Role | null>;
  /** Bumped on every invalidation, so a lookup that raced one does not refill the cache with stale data. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly core: Pick<CoreDeps, 'db' | 'clock' | 'bus'>,
    private readonly accessTokens: AccessTokens,
    private readonly store: SessionStore,
  ) {
    const now = (): number => core.clock.now();
    this.sessions = new TTLCache(50_000, SESSION_TTL_MS, now);
    this.memberships = new TTLCache(100_000, MEMBERSHIP_TTL_MS, now);
    this.unsubscribe = core.bus.subscribe((event) => this.invalidate(event));
  }

  claims(token: string): boolean {
    return JWT_SHAPE.test(token);
  }

  /** `workspaceId` is x-workspace-id as sent: membership of it is checked here. */
  async verify(token: string, _caller: Caller, workspaceId: string | null): Promise<Verification<SessionPrincipal>> {
    let claims: { userId: string; sessionId: string };
    try {
      claims = await this.accessTokens.verify(token);
    } catch (error) {
      // A bad signature or an expired token is an expected refusal; anything else is not.
      if (error instanceof AppError) return { valid: false, error };
      throw error;
    }
    const session = await this.session(claims.sessionId);
    if (!session || !session.alive || session.userId !== claims.userId) {
      return { valid: false, error: unauthorized('The session has ended; sign in again.') };
    }
    if (workspaceId === null) {
      const principal: SessionPrincipal = {
        type: 'session',
        userId: claims.userId,
        sessionId: claims.sessionId,
        workspaceId: null,
        role: null,
        scopes: NO_SCOPES,
      };
      return { valid: true, principal };
    }
    const role = await this.role(workspaceId, claims.userId);
    if (role === null)
      return { valid: false, error: forbidden('You are not a member of the workspace x-workspace-id names.') };
    return {
      valid: true,
      principal: {
        type: 'session',
        userId: claims.userId,
        sessionId: claims.sessionId,
        workspaceId,
        role,
        scopes: ROLE_SCOPES[role],
      },
    };
  }

  /** For the auth routes, which take an optional Bearer session outside the hook: the session, or the refusal thrown. */
  async requireSession(token: string, caller: Caller): Promise<SessionPrincipal> {
    const result = await this.verify(token, caller, null);
    if (!result.valid) throw result.error;
    return result.principal;
  }

  close(): void {
    this.unsubscribe();
  }

  private async session(sessionId: string): Promise<SessionEntry | null> {
    const cached = this.sessions.get(sessionId);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const found = await this.store.lookup(sessionId);
    const entry = found ?? { userId: '', alive: false };
    if (generation === this.generation) this.sessions.set(sessionId, entry);
    return entry;
  }

  private async role(workspaceId: string, userId: string): Promise<Role | null> {
    const key = `${workspaceId}:${userId}`;
    const cached = this.memberships.get(key);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const stored = await roleOf(this.core.db, workspaceId, userId);
    const role = stored !== undefined && (ROLES as readonly string[]).includes(stored) ? (stored as Role) : null;
    if (generation === this.generation) this.memberships.set(key, role);
    return role;
  }

  private invalidate(event: Invalidation): void {
    switch (event.kind) {
      case 'session':
        this.generation++;
        this.sessions.delete(event.subject);
        break;
      case 'user':
        this.generation++;
        this.sessions.deleteWhere((entry) => entry.userId === event.subject);
        this.memberships.deleteWhere((_role, key) => key.endsWith(`:${event.subject}`));
        break;
      case 'membership':
        this.generation++;
        this.memberships.delete(event.subject);
        break;
      case 'workspace':
        this.generation++;
        this.memberships.deleteWhere((_role, key) => key.startsWith(`${event.subject}:`));
        break;
      default:
        break;
    }
  }
}
