import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, insufficientScope, invalidRequest, rateLimited, unauthorized } from '../errors.js';
import type { RateLimiter, RateRule } from '../ratelimit/rate-limiter.js';
import { rateLimitHeaders, retryAfterSeconds } from '../ratelimit/enforce.js';
import type {
  ApiKeyVerifier,
  Principal,
  RequestFacts,
  RouteAuth,
  SessionVerifier,
} from './principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthenticationDeps {
  apiKeys: ApiKeyVerifier | null;
  sessions: SessionVerifier | null;
  /** SPEC §5: failed credentials per IP, requests per API key and per session user. */
  limiter: RateLimiter;
}

const BEARER = /^Bearer +([^\s]+) *$/i;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// A credential in the URL ends up in proxy logs and browser history: refuse it outright.
const CREDENTIAL_IN_URL = /[?&](access_token|api_key|apikey|key|token)=|woes(k|cs)_/i;

export function requestFacts(request: FastifyRequest): RequestFacts {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null, requestId: request.id };
}

/**
 * The authentication hook: the most executed code in the product. It parses the header,
 * hands the token to the verifier for its type, then checks the workspace and the scope.
 * Verifiers own caching; this function allocates little and touches no database.
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async function authenticate(request, reply) {
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return;
    if (request.url.includes('?') && CREDENTIAL_IN_URL.test(request.url)) {
      throw unauthorized('Credentials are accepted only in the Authorization header, never in the URL.');
    }
    const header = request.headers.authorization;
    if (header === undefined || header === '') throw unauthorized('A valid credential is required: send Authorization: Bearer <token>.');
    const match = BEARER.exec(header);
    if (match === null) throw unauthorized('The Authorization header must be "Bearer <token>".');
    const token = match[1];
    const workspaceHeader = workspaceIdHeader(request);
    const { limiter } = deps;
    // An IP that keeps presenting bad credentials is turned away before any lookup or
    // signature check, so a flood of junk keys costs one in-memory map read each.
    const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
    if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
    const principal = await verify(token, workspaceHeader, request, deps, auth);
    request.principal = principal;
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
  request: FastifyRequest,
  deps: AuthenticationDeps,
  auth: RouteAuth,
): Promise<Principal> {
  const credentials = auth.credentials ?? 'any';
  const isKey = token.startsWith('woesk_');
  // Wrong kinds of credential are mistakes, not guesses: they do not count as failures.
  if (isKey && (credentials === 'session' || deps.apiKeys === null)) {
    throw unauthorized('This endpoint needs a signed-in session, not an API key.');
  }
  if (token.startsWith('woespk_')) {
    // Widget keys are public: they never unlock the REST API.
    throw unauthorized('A widget key is not an API credential; use a server API key (woesk_…).');
  }
  const isJWT = !isKey && JWT_SHAPE.test(token);
  if (isJWT && (credentials === 'api_key' || deps.sessions === null)) {
    throw unauthorized('This endpoint needs an API key.');
  }
  try {
    if (isKey) return await deps.apiKeys!.verify(token, requestFacts(request));
    if (isJWT) return await deps.sessions!.verify(token, workspaceHeader, requestFacts(request));
    throw unauthorized('The credential is not recognised.');
  } catch (error) {
    // Every credential that fails verification spends a point of its IP's budget.
    if (error instanceof AppError && error.statusCode === 401) {
      await deps.limiter.consume('failedCredentials', request.ip, deps.limiter.rules.failedCredentials);
    }
    throw error;
  }
}

function workspaceIdHeader(request: FastifyRequest): string | null {
  const value = request.headers['x-workspace-id'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) {
    throw invalidRequest('The x-workspace-id header is not valid.', [{ path: '/headers/x-workspace-id', message: 'must be a workspace id' }]);
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

/** The workspace of an authenticated, workspace-scoped request. */
export function workspaceOf(request: FastifyRequest): string {
  const id = request.principal?.workspaceId;
  if (!id) throw new AppError('internal_error', 'route used workspaceOf without a workspace');
  return id;
}
