import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, insufficientScope, invalidRequest, rateLimited, unauthorized } from '../errors.js';
import type { RateLimiter, RateRule } from '../ratelimit/rate-limiter.js';
import { rateLimitHeaders, retryAfterSeconds } from '../ratelimit/enforce.js';
import { hasCredentialInQuery } from '../security/redact.js';
import { bearerToken } from './bearer.js';
import { anonymousCaller, withPrincipal, type RequestCaller } from './caller.js';
import type { CredentialVerifier, Principal, RouteAuth } from './principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    /** Who is calling: set by the hook on every request (anonymous on public routes). */
    caller: RequestCaller;
  }
}

export interface AuthenticationDeps {
  /** Every credential kind the domains provide; each claims its own tokens. */
  verifiers: readonly CredentialVerifier[];
  /** SPEC §5: failed credentials per IP, requests per API key and per session user. */
  limiter: RateLimiter;
}

/**
 * The authentication hook: the most executed code in the product. It parses the header,
 * hands the token to the verifier that claims it, then checks the workspace and the scope.
 * Verifiers own caching; this function allocates little and touches no database.
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  app.decorateRequest('caller', null as unknown as RequestCaller);

  app.addHook('onRequest', async function authenticate(request, reply) {
    const anonymous = anonymousCaller(request);
    request.caller = anonymous;
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return;
    if (hasCredentialInQuery(request.url)) {
      throw unauthorized('Credentials are accepted only in the Authorization header, never in the URL.');
    }
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw unauthorized('A valid credential is required: send Authorization: Bearer <token>.');
    const workspaceHeader = workspaceIdHeader(request);
    const { limiter } = deps;
    // An IP that keeps presenting bad credentials is turned away before any lookup or
    // signature check, so a flood of junk keys costs one in-memory map read each.
    const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
    if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
    const principal = await verify(token, workspaceHeader, anonymous, request, deps, auth);
    request.caller = withPrincipal(anonymous, principal);
    await spendRequest(principal, limiter, reply);
    checkWorkspace(principal, workspaceHeader, auth);
    if (auth.scope !== null && !principal.scopes.has(auth.scope)) throw insufficientScope([auth.scope]);
  });
}

/** One point of the caller's budget: per API key (RateLimit-* headers) or per signed-in user. */
async function spendRequest(principal: Principal, limiter: RateLimiter, reply: FastifyReply): Promise<void> {
  if (principal.type === 'api_key') {
    const base = limiter.rules.apiKey;
    // The workspace's override (woes workspace set-rate-limit) rides in the cached principal.
    const rule: RateRule =
      principal.rateLimitPerHour === null ? base : { points: principal.rateLimitPerHour, durationMs: base.durationMs };
    const result = await limiter.consume('apiKey', principal.keyId, rule);
    if (!result.allowed) throw rateLimited(retryAfterSeconds(result), rateLimitHeaders(result));
    reply.header('ratelimit-limit', String(result.limit));
    reply.header('ratelimit-remaining', String(result.remaining));
    reply.header('ratelimit-reset', String(Math.ceil(result.resetMs / 1000)));
    return;
  }
  const result = await limiter.consume('session', principal.userId, limiter.rules.session);
  if (!result.allowed) throw rateLimited(retryAfterSeconds(result));
}

async function verify(
  token: string,
  workspaceHeader: string | null,
  caller: RequestCaller,
  request: FastifyRequest,
  deps: AuthenticationDeps,
  auth: RouteAuth,
): Promise<Principal> {
  const verifier = claimantOf(deps.verifiers, token);
  if (verifier === undefined) {
    await spendFailure(request, deps);
    throw unauthorized('The credential is not recognised.');
  }
  // Wrong kinds of credential are mistakes, not guesses: they do not count as failures.
  if (!accepts(auth, verifier.kind)) throw unauthorized(verifier.misplaced);
  const result = await verifier.verify(token, caller, workspaceHeader);
  if (result.valid) return result.principal;
  // Every credential that fails verification spends a point of its IP's budget.
  if (result.error.statusCode === 401) await spendFailure(request, deps);
  throw result.error;
}

function claimantOf(verifiers: readonly CredentialVerifier[], token: string): CredentialVerifier | undefined {
  for (const verifier of verifiers) if (verifier.claims(token)) return verifier;
  return undefined;
}

/** REST routes take API keys and sessions (both by default); no other kind is ever accepted. */
function accepts(auth: RouteAuth, kind: CredentialVerifier['kind']): boolean {
  const credentials = auth.credentials ?? 'any';
  if (kind === 'api_key') return credentials !== 'session';
  if (kind === 'session') return credentials !== 'api_key';
  return false;
}

async function spendFailure(request: FastifyRequest, deps: AuthenticationDeps): Promise<void> {
  await deps.limiter.consume('failedCredentials', request.ip, deps.limiter.rules.failedCredentials);
}

function workspaceIdHeader(request: FastifyRequest): string | null {
  const value = request.headers['x-workspace-id'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw invalidRequest('The x-workspace-id header is not valid.', [
      { path: '/headers/x-workspace-id', message: 'must be a workspace id' },
    ]);
  }
  return value;
}

function checkWorkspace(principal: Principal, header: string | null, auth: RouteAuth): void {
  const need = auth.workspace ?? 'required';
  if (principal.type === 'api_key') {
    // With a key the header is optional, but it must not name another workspace.
    if (header !== null && header !== principal.workspaceId) {
      throw new AppError('forbidden', 'This API key belongs to another workspace than x-workspace-id names.');
    }
    return;
  }
  if (need === 'required' && principal.workspaceId === null) {
    throw invalidRequest('The x-workspace-id header is required with a session token.', [
      { path: '/headers/x-workspace-id', message: 'is required' },
    ]);
  }
}
