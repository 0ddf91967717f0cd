import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';

/** How an audit event or a stored object names who acted. */
export interface Actor {
  readonly type: string;
  readonly id: string | null;
}

/** The actor behind a verified credential: the API key, or the signed-in user. */
export interface PrincipalActor extends Actor {
  readonly type: 'api_key' | 'user';
  readonly id: string;
}

/**
 * Who is calling, modelled once: built by the authentication hook for every request and
 * handed to services and to `audit.record`, so no service re-reads the request and no audit
 * call repeats the ip and user-agent fields. The CLI builds one too (`cliCaller`).
 */
export interface Caller {
  /** The verified credential; null on public routes, before verification, and in the CLI. */
  readonly principal: Principal | null;
  /** The workspace the call acts in, once the hook has checked it; null when none. */
  readonly workspaceId: string | null;
  /** The audit actor: the key or user behind the principal, else `anonymous` or `cli`. */
  readonly actor: Actor;
  /** The client's address (as trusted by WOES_TRUST_PROXY); null in the CLI. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** The request's correlation id; null in the CLI. */
  readonly requestId: string | null;
}

/** The caller of an HTTP request: it always has an address and a request id. */
export interface RequestCaller extends Caller {
  readonly ip: string;
  readonly requestId: string;
}

/** The caller of an authenticated, workspace-scoped route: everything a support or keys service needs. */
export interface WorkspaceCaller extends RequestCaller {
  readonly principal: Principal;
  readonly workspaceId: string;
  readonly actor: PrincipalActor;
}

/** The caller of an authenticated route, with or without a workspace. */
export interface AuthenticatedCaller extends RequestCaller {
  readonly principal: Principal;
  readonly actor: PrincipalActor;
}

const ANONYMOUS: Actor = Object.freeze({ type: 'anonymous', id: null });
const CLI: Actor = Object.freeze({ type: 'cli', id: null });

export function actorOf(principal: Principal): PrincipalActor {
  return principal.type === 'api_key'
    ? { type: 'api_key', id: principal.keyId }
    : { type: 'user', id: principal.userId };
}

/** The caller before (or without) authentication: where the request comes from, nothing more. */
export function anonymousCaller(request: FastifyRequest): RequestCaller {
  const agent = request.headers['user-agent'];
  return {
    principal: null,
    workspaceId: null,
    actor: ANONYMOUS,
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent : null,
    requestId: request.id,
  };
}

/** The same caller once a credential is verified and its workspace checked. */
export function withPrincipal(caller: RequestCaller, principal: Principal): AuthenticatedCaller {
  return { ...caller, principal, workspaceId: principal.workspaceId, actor: actorOf(principal) };
}

/** An operator at the command line: audited as `cli`, acting in the given workspace. */
export function cliCaller(workspaceId: string | null): Caller {
  return systemCaller(CLI, workspaceId);
}

/** Woes itself (a policy job, a leak report): no request, audited as the given actor. */
export function systemCaller(actor: Actor, workspaceId: string | null): Caller {
  return { principal: null, workspaceId, actor, ip: null, userAgent: null, requestId: null };
}

/** The caller of a route the hook authenticated (its config has `auth`). */
export function authenticatedCaller(request: FastifyRequest): AuthenticatedCaller {
  const caller = request.caller;
  if (caller.principal === null)
    throw new AppError('internal_error', `${request.routeOptions.url} ran without a principal`);
  return caller as AuthenticatedCaller;
}

/** The caller of a route the hook authenticated and scoped to a workspace. */
export function workspaceCaller(request: FastifyRequest): WorkspaceCaller {
  const caller = authenticatedCaller(request);
  if (caller.workspaceId === null)
    throw new AppError('internal_error', `${request.routeOptions.url} ran without a workspace`);
  return caller as WorkspaceCaller;
}
