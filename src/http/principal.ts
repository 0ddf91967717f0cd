import type { Plan } from '../config.js';
import type { Role, Scope } from '../scopes/scopes.js';

/** Who is calling, as established by the authentication hook. */
export interface ApiKeyPrincipal {
  readonly type: 'api_key';
  readonly keyId: string;
  readonly workspaceId: string;
  readonly scopes: ReadonlySet<string>;
  readonly plan: Plan;
  /** The workspace's per-hour override, or null for the default. */
  readonly rateLimitPerHour: number | null;
}

export interface SessionPrincipal {
  readonly type: 'session';
  readonly userId: string;
  readonly sessionId: string;
  /** The workspace named by x-workspace-id, once membership is checked; null when none was sent. */
  readonly workspaceId: string | null;
  readonly role: Role | null;
  /** The role's scopes in that workspace (empty without a workspace). */
  readonly scopes: ReadonlySet<string>;
}

export type Principal = ApiKeyPrincipal | SessionPrincipal;

/** Facts about the request the verifiers may record (usage buffer, audit). */
export interface RequestFacts {
  readonly ip: string;
  readonly userAgent: string | null;
  readonly requestId: string;
}

/** Verifies a `woesk_` key. Throws AppError (401 unauthorized/key_expired, 403 plan_required). */
export interface ApiKeyVerifier {
  verify(token: string, facts: RequestFacts): Promise<ApiKeyPrincipal>;
}

/**
 * Verifies a session access token and, when given, the membership of the workspace named by
 * x-workspace-id. Throws AppError (401 unauthorized/token_expired, 403 forbidden).
 */
export interface SessionVerifier {
  verify(token: string, workspaceId: string | null, facts: RequestFacts): Promise<SessionPrincipal>;
}

/** How a route is protected. Routes without `auth` are public. */
export interface RouteAuth {
  /** The scope the route needs; null for "any authenticated caller". */
  scope: Scope | null;
  /** Which credentials may call it. Default: both. */
  credentials?: 'any' | 'session' | 'api_key';
  /** Whether the call must name a workspace. Default: 'required'. */
  workspace?: 'required' | 'optional' | 'none';
}

/** The audit actor of a request. */
export function actorOf(principal: Principal | null): { type: string; id: string | null } {
  if (!principal) return { type: 'anonymous', id: null };
  return principal.type === 'api_key'
    ? { type: 'api_key', id: principal.keyId }
    : { type: 'user', id: principal.userId };
}
