import type { RouteOptions } from 'fastify';
import type { RouteAuth } from './principal.js';

/**
 * The per-operation part of the OpenAPI document, derived in one place from what a route
 * already says (its URL, method, `config.auth` and response schemas) so that route files
 * carry no OpenAPI boilerplate: operationId, security, the x-workspace-id header, response
 * and descriptions. A route's own `operationId`,
 * response `description` or (on a public route) `security` wins over the derived one.
 */

type Schema = Record<string, unknown>;

const API_PREFIX = '/api/v1';

/** Names the derivation gets wrong: an action that answers 201, the session verbs, a file name. */
const OPERATION_IDS: Record<string, string> = {
  'GET /.well-known/jwks.json': 'auth.jwks',
  'POST /auth/session': 'auth.signIn',
  'DELETE /auth/session': 'auth.signOut',
  'DELETE /auth/sessions': 'auth.signOutEverywhere',
  'POST /keys/:id/roll': 'keys.roll',
};

/** What a success answer of an operation is, when the verb alone does not say it. */
const SUCCESS_TEXT: Record<string, string> = {
  'health.get': 'The database answers; `redis` says whether Redis does (`none` without Redis)',
  'auth.jwks': 'The public keys that verify session tokens',
  'auth.register': 'Accepted, whether or not the email is taken; a verification link is emailed to a new address',
  'auth.verifyEmail': 'The email is verified; the user it belongs to',
  'auth.resendVerification': 'Accepted; a link is emailed when the address awaits verification',
  'auth.passwordReset': 'Accepted; a link is emailed when the address has an account',
  'auth.passwordReset.confirm': 'The password is changed and every session of the user has ended',
  'auth.signIn':
    'Signed in: an access token, a refresh token (also set as the `woes_refresh` cookie), the user and workspace',
  'auth.refresh': 'A new access token and a new refresh token; the old refresh token is spent',
  'auth.signOut': 'Signed out; the refresh cookie is cleared',
  'auth.signOutEverywhere': 'Every session of the user has ended',
  'auth.acceptInvite': 'Joined: the user and the workspace',
  'me.get': 'The calling credential: its type, workspace and scopes',
  'keys.roll': 'The new key with its `secret`, shown only here; the old key expires after `expiresIn` seconds',
  'keys.usage': "The key's daily request counts and its last use",
  'kb.search': 'Published articles ranked by relevance, with snippets',
  'keys.delete': 'Revoked: the key is refused from the next request on, by every instance',
  'widgetKeys.delete': 'Revoked: the widget key is refused from the next request on',
  'members.delete': 'The member is removed from the workspace and their sessions there end',
  'invites.delete': 'The invitation is withdrawn; its link no longer works',
  'channels.rotateSecret':
    'The channel with its new `secret`, shown only here; the previous secret keeps verifying for 24 hours',
  'channels.receiveInbound':
    'Processed: 201 when the message started a conversation, 200 when it continued one or (`duplicate: true`) repeated an earlier delivery',
};

const ERROR_TEXT: Record<string, string> = {
  '400':
    'The body, query or a header is malformed (`details` lists each problem), or `x-workspace-id` is missing with a session token',
  '401':
    'No credential, or one that is unknown, malformed, expired (`key_expired`, `token_expired`), disabled or revoked',
  '403':
    'The credential lacks the scope (`insufficient_scope`), the role may not do this or `x-workspace-id` names another workspace (`forbidden`), the plan has no API access (`plan_required`) or the client IP is not allowed (`ip_not_allowed`)',
  '404': 'No such object in this workspace',
  '409': 'A unique field is taken; the body carries the existing object’s `id`',
  '413': 'The body is over 1 MiB',
  '415': 'The body is not JSON',
  '429': 'Too many requests; `Retry-After` says when to come back',
  '503': 'The database (or another required service) is unreachable',
};

const PUBLIC_ERROR_TEXT: Record<string, string> = {
  ...ERROR_TEXT,
  '400': 'The body is malformed; `details` lists each problem',
  '401': 'The credentials, token or link are wrong, spent or expired',
  '403': 'The email is not verified yet (`email_not_verified`) or the account may not do this',
  '409': 'The request conflicts with the current state (for example the email is already a member)',
};

export interface OperationFacts {
  /** The route accepts an API key: its answers carry RateLimit-* headers. */
  apiKey: boolean;
  /** The route takes an Idempotency-Key header: its success may be a replay. */
  idempotent: boolean;
  authenticated: boolean;
}

export const FACTS_KEY = 'x-woes-facts';
const RESPONSE_DESCRIPTION = 'x-response-description';

/** The swagger `transform`: a copy of the route's schema with the derived parts filled in. */
export function describeOperation({
  schema,
  url,
  route,
}: {
  schema: Schema | undefined;
  url: string;
  route: RouteOptions;
}): { schema: Schema; url: string } {
  const doc = JSON.parse(JSON.stringify(schema ?? {})) as Schema;
  if (doc.hide === true) return { schema: doc, url };
  const method = String(route.method).toUpperCase();
  const auth = route.config?.auth as RouteAuth | undefined;
  const responses = (doc.response ?? {}) as Record<string, Schema>;
  doc.response = responses;
  doc.operationId ??= operationIdOf(method, url, responses);
  if (auth !== undefined) doc.security = securityOf(auth);
  else doc.security ??= [];
  if (auth !== undefined && workspaceHeaderTaken(auth)) addWorkspaceHeader(doc, auth);
  describeResponses(responses, String(doc.operationId), {
    hasParams: url.includes(':'),
    authenticated: auth !== undefined,
  });
  const headers = (doc.headers as Schema | undefined)?.properties as Schema | undefined;
  const facts: OperationFacts = {
    apiKey: auth !== undefined && (auth.credentials ?? 'any') !== 'session',
    idempotent: headers !== undefined && 'idempotency-key' in headers,
    authenticated: auth !== undefined,
  };
  doc[FACTS_KEY] = facts;
  return { schema: doc, url };
}

export function operationIdOf(method: string, url: string, responses: Record<string, Schema>): string {
  const path = url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url;
  const fixed = OPERATION_IDS[`${method} ${path}`];
  if (fixed !== undefined) return fixed;
  const segments = path.split('/').filter(Boolean);
  const endsWithParam = segments.length > 0 && segments[segments.length - 1].startsWith(':');
  const name = segments
    .filter((s) => !s.startsWith(':'))
    .map(camelCase)
    .join('.');
  switch (method) {
    case 'GET':
      return isList(responses['200']) ? `${name}.list` : endsWithParam || !name.includes('.') ? `${name}.get` : name;
    case 'POST':
      return responses['201'] !== undefined ? `${name}.create` : name;
    case 'PATCH':
      return `${name}.update`;
    case 'PUT':
      return `${name}.replace`;
    case 'DELETE':
      return `${name}.delete`;
    default:
      return `${name}.${method.toLowerCase()}`;
  }
}

function camelCase(segment: string): string {
  return segment.replace(/[-_.](\w)/g, (_, c: string) => c.toUpperCase());
}

function isList(schema: Schema | undefined): boolean {
  const properties = schema?.properties as Schema | undefined;
  return properties !== undefined && 'data' in properties && 'nextCursor' in properties;
}

function securityOf(auth: RouteAuth): Array<Record<string, string[]>> {
  const credentials = auth.credentials ?? 'any';
  if (credentials === 'session') return [{ session: [] }];
  if (credentials === 'api_key') return [{ apiKey: [] }];
  return [{ apiKey: [] }, { session: [] }];
}

/** Sessions name their workspace in x-workspace-id; keys may send it but need not. */
function workspaceHeaderTaken(auth: RouteAuth): boolean {
  return (auth.credentials ?? 'any') !== 'api_key' && (auth.workspace ?? 'required') !== 'none';
}

function addWorkspaceHeader(doc: Schema, auth: RouteAuth): void {
  const headers = (doc.headers as Schema | undefined) ?? { type: 'object', properties: {} };
  const properties = { ...(headers.properties as Schema) };
  const sessionOnly = auth.credentials === 'session';
  const required = sessionOnly && (auth.workspace ?? 'required') === 'required';
  properties['x-workspace-id'] = {
    type: 'string',
    maxLength: 64,
    description:
      (auth.workspace ?? 'required') === 'required'
        ? 'The workspace to act in (a `ws_` id). Required with a session token; with an API key it may be left out, and must name the key’s own workspace when sent.'
        : 'The workspace to report on (a `ws_` id). Optional; with an API key it must name the key’s own workspace when sent.',
  };
  const requiredList = [...((headers.required as string[] | undefined) ?? []), ...(required ? ['x-workspace-id'] : [])];
  doc.headers = {
    ...headers,
    type: 'object',
    properties,
    ...(requiredList.length > 0 ? { required: requiredList } : {}),
  };
}

function describeResponses(
  responses: Record<string, Schema>,
  operationId: string,
  options: { hasParams: boolean; authenticated: boolean },
): void {
  for (const code of Object.keys(responses)) {
    // A list or a create without an id in the path never answers 404.
    if (code === '404' && !options.hasParams && options.authenticated) {
      delete responses[code];
      continue;
    }
    const response = responses[code];
    if (typeof response.description === 'string' || typeof response[RESPONSE_DESCRIPTION] === 'string') continue;
    const text =
      Number(code) >= 400
        ? (options.authenticated ? ERROR_TEXT : PUBLIC_ERROR_TEXT)[code]
        : successText(operationId, code);
    // Beside a $ref the description stays out of the schema; elsewhere swagger's own key keeps it out.
    const key = typeof response.$ref === 'string' ? 'description' : RESPONSE_DESCRIPTION;
    responses[code] = { ...response, [key]: text ?? `HTTP ${code}` };
  }
}

function successText(operationId: string, code: string): string {
  const fixed = SUCCESS_TEXT[operationId];
  if (fixed !== undefined) return fixed;
  const parts = operationId.split('.');
  const verb = parts.pop()!;
  const plural = (parts.pop() ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const noun = plural === 'keys' ? 'API key' : plural.replace(/s$/, '');
  switch (verb) {
    case 'list':
      return `A page of ${noun}s, newest first; \`nextCursor\` fetches the next page`;
    case 'create':
      return `The new ${noun}`;
    case 'get':
      return `The ${noun}`;
    case 'update':
      return `The ${noun} as it is now`;
    case 'delete':
      return `The ${noun} is deleted (no body)`;
    default:
      return code === '204' ? 'Done (no body)' : `The result of ${operationId}`;
  }
}
