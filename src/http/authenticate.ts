import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, insufficientScope, invalidRequest, rateLimited, unauthorized } from '../errors.js';
import type { RateLimiter, RateRule } from '../ratelimit/rate-limiter.js';
import { rateLimitHeaders, retryAfterSeconds } from '../ratelimit/enforce.js';
import { hasCredentialInQuery } from '../security/redact.js';
import { andThen, type MaybePromise } from '../lib/maybe-promise.js';
import { bearerOf } from './bearer.js';
import { sendError } from './error-handler.js';
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
 *
 * It is a callback hook, and each step returns a value when it has one (a cached key, an
 * in-memory rate limit) and a promise only when it must wait, so a warm request runs through
 * without a promise or a microtask. A refusal is sent from here with the error body of SPEC §4
 * (the same `sendError` the error handler uses), not thrown through Fastify's error path.
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  app.decorateRequest('caller', null as unknown as RequestCaller);

  app.addHook('onRequest', function authenticate(request, reply, done) {
    const anonymous = anonymousCaller(request);
    request.caller = anonymous;
    // A secret in the URL ends up in proxy logs and browser history: refused on every API route,
    // public, portal and widget ones included (decided by the matched route, so `%70ortal` in the
    // path is no way around it). Only the query is read here; the emailed links that carry a
    // token (`/portal/:id/continue?token=`, `/verify-email?token=`) are pages, not API routes.
    if (request.routeOptions.url?.startsWith('/api/v1/') && hasCredentialInQuery(request.url))
      return void sendError(request, reply, CREDENTIAL_IN_URL);
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return done();
    let outcome: MaybePromise<AppError | null>;
    try {
      outcome = authenticateRequest(request, reply, anonymous, auth, deps);
    } catch (error) {
      outcome = error instanceof AppError ? error : Promise.reject(error);
    }
    if (outcome === null) return done();
    if (outcome instanceof AppError) return void sendError(request, reply, outcome);
    outcome.then(
      (error) => (error === null ? done() : void sendError(request, reply, error)),
      (error: unknown) => (error instanceof AppError ? void sendError(request, reply, error) : done(error as Error)),
    );
  });
}

/** null when the request may go on; the refusal otherwise. Throws only what it cannot answer. */
function authenticateRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  anonymous: RequestCaller,
  auth: RouteAuth,
  deps: AuthenticationDeps,
): MaybePromise<AppError | null> {
  const token = bearerOf(request);
  if (token === null) return NO_CREDENTIAL;
  const workspaceHeader = workspaceIdHeader(request);
  const { limiter } = deps;
  // An IP that keeps presenting bad credentials is turned away before any lookup or
  // signature check, so a flood of junk keys costs one in-memory map read each.
  const blockedMs = limiter.blockedFor('failedCredentials', request.ip);
  if (blockedMs > 0) return rateLimited(Math.ceil(blockedMs / 1000));
  const verifier = claimantOf(deps.verifiers, token);
  if (verifier === undefined) return spendFailure(request, deps, UNRECOGNISED);
  // Wrong kinds of credential are mistakes, not guesses: they do not count as failures.
  if (!accepts(auth, verifier.kind)) return unauthorized(verifier.misplaced);
  return andThen(verifier.verify(token, anonymous, workspaceHeader), (result) => {
    // Every credential that fails verification spends a point of its IP's budget.
    if (!result.valid)
      return result.error.statusCode === 401 ? spendFailure(request, deps, result.error) : result.error;
    const principal = result.principal;
    request.caller = withPrincipal(anonymous, principal);
    return andThen(spendRequest(principal, limiter, reply), (refused) => {
      if (refused !== null) return refused;
      const wrongWorkspace = checkWorkspace(principal, workspaceHeader, auth);
      if (wrongWorkspace !== null) return wrongWorkspace;
      if (auth.scope !== null && !principal.scopes.has(auth.scope)) return insufficientScope([auth.scope]);
      return null;
    });
  });
}

const CREDENTIAL_IN_URL = unauthorized('Credentials are accepted only in the Authorization header, never in the URL.');
const NO_CREDENTIAL = unauthorized('A valid credential is required: send Authorization: Bearer <token>.');
const UNRECOGNISED = unauthorized('The credential is not recognised.');

/** One point of the caller's budget: per API key (RateLimit-* headers) or per signed-in user. */
function spendRequest(principal: Principal, limiter: RateLimiter, reply: FastifyReply): MaybePromise<AppError | null> {
  if (principal.type === 'api_key') {
    const base = limiter.rules.apiKey;
    // The workspace's override (woes workspace set-rate-limit) rides in the cached principal.
    const rule: RateRule =
      principal.rateLimitPerHour === null ? base : { points: principal.rateLimitPerHour, durationMs: base.durationMs };
    return andThen(limiter.take('apiKey', principal.keyId, rule), (result) => {
      if (!result.allowed) return rateLimited(retryAfterSeconds(result), rateLimitHeaders(result));
      reply.headers(rateLimitHeaders(result));
      return null;
    });
  }
  return andThen(limiter.take('session', principal.userId, limiter.rules.session), (result) =>
    result.allowed ? null : rateLimited(retryAfterSeconds(result)),
  );
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

/** Spends a point of the IP's failed-credential budget, then answers with the refusal. */
function spendFailure(request: FastifyRequest, deps: AuthenticationDeps, refusal: AppError): MaybePromise<AppError> {
  return andThen(
    deps.limiter.take('failedCredentials', request.ip, deps.limiter.rules.failedCredentials),
    () => refusal,
  );
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

function checkWorkspace(principal: Principal, header: string | null, auth: RouteAuth): AppError | null {
  const need = auth.workspace ?? 'required';
  if (principal.type === 'api_key') {
    // With a key the header is optional, but it must not name another workspace.
    if (header !== null && header !== principal.workspaceId) {
      return new AppError('forbidden', 'This API key belongs to another workspace than x-workspace-id names.');
    }
    return null;
  }
  if (need === 'required' && principal.workspaceId === null) {
    return invalidRequest('The x-workspace-id header is required with a session token.', [
      { path: '/headers/x-workspace-id', message: 'is required' },
    ]);
  }
  return null;
}
