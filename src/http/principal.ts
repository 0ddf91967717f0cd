import type { Plan } from '../config.js';
import { unauthorized, type AppError } from '../errors.js';
import type { RequestCaller } from './caller.js';
import type { MaybePromise } from '../lib/maybe-promise.js';
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

/** The kinds of credential the authentication hook can meet in `Authorization: Bearer …`. */
export type CredentialKind = 'api_key' | 'session' | 'widget_key' | 'portal_session';

/**
 * The outcome of verifying a credential. A refused credential (unknown, expired, revoked, plan
 * without API access) is an expected answer, so it is a value, as in Unkey's key service; only
 * the unexpected (database unreachable) is thrown.
 */
export type Verification<P extends Principal = Principal> =
  { readonly valid: true; readonly principal: P } | { readonly valid: false; readonly error: AppError };

/**
 * One kind of credential: it says which tokens are its own (by prefix or shape, without any
 * lookup), so the hook holds no knowledge of token formats, and verifies the tokens it claims.
 */
export interface CredentialVerifier<P extends Principal = Principal> {
  readonly kind: CredentialKind;
  /** True when the token has this credential's form; cheap, no I/O. */
  claims(token: string): boolean;
  /** The 401 message when this kind is presented to a route that does not take it. */
  readonly misplaced: string;
  /**
   * A value when the answer needs no I/O (a cached key), a promise otherwise.
   * `workspaceId` is the x-workspace-id header as sent (unchecked): a session verifier checks
   * membership of it; an API key carries its own workspace.
   */
  verify(token: string, caller: RequestCaller, workspaceId: string | null): MaybePromise<Verification<P>>;
}

/** A credential kind that is never a REST credential (widget keys): claimed only to be refused by name. */
export function refusedCredential(
  kind: CredentialKind,
  claims: (token: string) => boolean,
  misplaced: string,
): CredentialVerifier {
  return { kind, claims, misplaced, verify: async () => ({ valid: false, error: unauthorized(misplaced) }) };
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
