import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CoreDeps } from '../deps.js';
import { AppError, rateLimited, unauthorized } from '../errors.js';
import { findActiveWidgetKey, normaliseOrigin } from '../keys/widget-keys-service.js';
import { TTLCache } from '../cache/ttl-cache.js';
import { anonymousCaller } from '../http/caller.js';
import type { WidgetKeyContext } from './widget-service.js';
import { widgetRepository } from './widget-repository.js';

// A secret in the URL ends up in proxy logs and browser history: refuse it before anything else.
// (Every secret Woes issues in a query string is refused for every API route by the authentication
// hook; this adds the widget's own key and identity fields, anywhere in the URL.)
const SECRET_IN_URL = /woes(k|pk|cs|is)_|[?&](access_token|api_key|key|token|secret|identityToken|userHash)=/i;
const ALLOWED_HEADERS =
  'content-type, x-woes-widget-key, x-woes-conversation-secret, x-woes-identity-token, x-woes-customer-id, x-woes-user-hash, x-correlation-id';
const EXPOSED_HEADERS = 'retry-after, x-correlation-id';
// One audit event per key and refused origin per window: a hostile page must not flood the log.
const AUDIT_WINDOW_MS = 10 * 60_000;
// And at most this many per key per hour, whatever the origins: anyone holding the (public) key
// can send a new Origin with every request, and audit events are kept for ever.
const AUDITS_PER_KEY = 10;
const KEY_AUDIT_WINDOW_MS = 60 * 60_000;

/**
 * The widget endpoints' own authentication: `x-woes-widget-key` from one of the key's origins.
 * It never accepts `Authorization` (a server key, session or portal token is 401 here), and a
 * refused origin gets 403 with no CORS headers, so the browser hides the answer from the page.
 * The origin check is friction against casual embedding, not authentication: any non-browser
 * client can send any Origin.
 */
export function widgetAuthenticator(core: Pick<CoreDeps, 'db' | 'audit' | 'limiter' | 'clock'>) {
  const audited = new TTLCache<string, true>(10_000, AUDIT_WINDOW_MS, () => core.clock.now());
  const auditsOfKey = new TTLCache<string, { count: number }>(10_000, KEY_AUDIT_WINDOW_MS, () => core.clock.now());

  async function auditRefusedOrigin(
    key: WidgetKeyContext,
    origin: string | null,
    request: FastifyRequest,
  ): Promise<void> {
    const mark = `${key.id} ${origin ?? ''}`;
    if (audited.get(mark)) return;
    // The hour's count is kept from its first refusal (not renewed by later ones).
    let ofKey = auditsOfKey.get(key.id);
    if (ofKey === undefined) auditsOfKey.set(key.id, (ofKey = { count: 0 }));
    if (ofKey.count >= AUDITS_PER_KEY) return;
    ofKey.count++;
    audited.set(mark, true);
    await core.audit.record(core.db, anonymousCaller(request), {
      workspaceId: key.workspaceId,
      type: 'widget_key.origin_refused',
      target: { type: 'widget_key', id: key.id },
      data: { origin: origin === null ? null : origin.slice(0, 255) },
    });
  }

  return async function authenticateWidget(request: FastifyRequest, reply: FastifyReply): Promise<WidgetKeyContext> {
    if (SECRET_IN_URL.test(request.url))
      throw unauthorized('Widget keys and secrets are accepted only in x-woes-* headers, never in the URL.');
    if (request.headers.authorization !== undefined) {
      throw unauthorized('Widget endpoints take x-woes-widget-key, not an Authorization header.');
    }
    const blockedMs = core.limiter.blockedFor('failedCredentials', request.ip);
    if (blockedMs > 0) throw rateLimited(Math.ceil(blockedMs / 1000));
    const presented = request.headers['x-woes-widget-key'];
    if (typeof presented !== 'string' || presented === '')
      throw unauthorized('Send the widget key in x-woes-widget-key.');
    // No cache: a revoked key is refused by the very next request on every instance.
    const key = await findActiveWidgetKey(core.db, presented);
    if (key === null) {
      await core.limiter.consume('failedCredentials', request.ip, core.limiter.rules.failedCredentials);
      throw unauthorized('The widget key is not valid.');
    }
    const origin = originOf(request);
    if (origin === null) {
      // Mobile apps send no Origin; only a key marked for them may be used without one.
      if (!key.mobile) {
        await auditRefusedOrigin(key, null, request);
        throw new AppError('forbidden', 'This widget key is accepted only from its allowed origins.');
      }
      return key;
    }
    if (!key.allowedOrigins.includes(origin)) {
      await auditRefusedOrigin(key, origin, request);
      throw new AppError('forbidden', 'This widget key is not accepted from this origin.');
    }
    setCORS(reply, origin);
    return key;
  };
}

/**
 * The page's origin. Browsers leave Origin out of same-origin GETs (the demo page served by Woes
 * itself); Sec-Fetch-Site, which page scripts cannot set, says the request is same-origin then.
 */
function originOf(request: FastifyRequest): string | null {
  if (typeof request.headers.origin === 'string') return request.headers.origin;
  if (request.headers['sec-fetch-site'] === 'same-origin') return `${request.protocol}://${request.host}`;
  return null;
}

function setCORS(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', EXPOSED_HEADERS);
  reply.header('vary', 'Origin');
}

/**
 * A CORS preflight carries no key (browsers never send custom headers in it), so it succeeds
 * for an origin that some active widget key allows; the real request is then checked against
 * its own key. Any other origin gets 403 and no CORS headers.
 */
export function widgetPreflight(core: Pick<CoreDeps, 'db'>) {
  return async function preflight(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
    const normal = origin === null ? null : normaliseOrigin(origin);
    if (origin === null || normal !== origin || !(await widgetRepository.originAllowedByAnyKey(core.db, origin))) {
      throw new AppError('forbidden', 'This origin is not allowed by any widget key.');
    }
    setCORS(reply, origin);
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', ALLOWED_HEADERS);
    reply.header('access-control-max-age', '600');
    await reply.code(204).send();
  };
}
