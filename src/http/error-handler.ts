import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, STATUS_OF, type ErrorCode, type ErrorDetail } from '../errors.js';
import { isUnavailableError } from '../storage/database.js';
import { discardRestOfBody } from './framework-errors.js';
import { redactSecrets } from '../security/redact.js';

/** The one place errors become the SPEC §4 body. 5xx never carry internal messages. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(function handleError(error: FastifyError | AppError | Error, request, reply) {
    const appError = toAppError(error, request);
    if (appError.statusCode >= 500 && appError.code === 'internal_error') {
      request.log.error({ err: error }, 'request failed');
    } else if (appError.code === 'unavailable') {
      request.log.warn(
        { err: { message: (error as Error).message, code: (error as { code?: string }).code } },
        'dependency unavailable',
      );
    }
    return sendError(request, reply, appError);
  });

  // The sentence never repeats the path: whatever the caller put in the URL stays out of the body.
  app.setNotFoundHandler(function handleNotFound(request, reply) {
    return sendError(request, reply, new AppError('not_found', 'No such endpoint; see /openapi.json for the API.'));
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const { options } = error;
  if (options.headers) reply.headers(options.headers);
  if (options.retryAfter !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(options.retryAfter))));
  const challenge = wwwAuthenticate(error, request);
  if (challenge) reply.header('www-authenticate', challenge);
  // Messages may quote the caller's input ("… is not an origin"), and a path names the caller's
  // unknown field: a credential pasted into the wrong field (or sent as a field name) is not
  // repeated back (found by the fuzzer, test/fuzz/http.test.ts).
  const body: Record<string, unknown> = {
    code: error.code,
    error: redactSecrets(error.message),
    requestId: request.id,
  };
  if (error.code === 'invalid_request') {
    body.details = (options.details ?? []).map((d) => ({
      path: redactSecrets(d.path),
      message: redactSecrets(d.message),
    }));
  }
  if (options.requiredScopes) body.requiredScopes = options.requiredScopes;
  if (options.id) body.id = options.id;
  // The client may still be sending the body it was refused for: let it finish and read the 413.
  if (error.code === 'payload_too_large') discardRestOfBody(request, reply);
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(body);
}

/** RFC 6750 §3: which challenge a 401/403 carries. */
function wwwAuthenticate(error: AppError, request: FastifyRequest): string | null {
  if (error.statusCode !== 401 && error.statusCode !== 403) return null;
  if (error.code === 'insufficient_scope') {
    return `Bearer realm="woes", error="insufficient_scope", scope="${(error.options.requiredScopes ?? []).join(' ')}"`;
  }
  if (error.statusCode === 401 && request.headers.authorization) return 'Bearer realm="woes", error="invalid_token"';
  return 'Bearer realm="woes"';
}

function toAppError(error: FastifyError | AppError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const details = validationDetails(fastifyError);
    return new AppError('invalid_request', validationSentence(details[0]), { details });
  }
  // PostgreSQL refuses U+0000 in text (22021) and in JSON text (22P05). Input is checked for it
  // before any handler (src/http/nul-input.ts); this catches any text that got past that.
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === '22021' || sqlState === '22P05') {
    return new AppError('invalid_request', 'The request contains the NUL character, which cannot be stored.', {
      details: [],
    });
  }
  if (isUnavailableError(error))
    return new AppError('unavailable', 'The database is unavailable; try again shortly.', { retryAfter: 5 });
  const status = fastifyError.statusCode;
  if (status === 413)
    return new AppError('payload_too_large', `The request body is larger than ${byteSize(bodyLimitOf(request))}.`);
  if (status === 415) return new AppError('unsupported_media_type', 'Send the request body as application/json.');
  if (status === 429) return new AppError('rate_limited', 'Too many requests; try again later.', { retryAfter: 60 });
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError('invalid_request', badRequestMessage(fastifyError), { details: [] });
  }
  if (status !== undefined && status in CODE_BY_STATUS)
    return new AppError(CODE_BY_STATUS[status], 'The request could not be completed.');
  return new AppError('internal_error', 'The request could not be completed.');
}

const CODE_BY_STATUS: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(STATUS_OF)
    .filter(([, s]) => s >= 500)
    .map(([code, s]) => [s, code as ErrorCode]),
);

/**
 * The limit the refused body was held to: Fastify gives the route's own `bodyLimit` (inbound
 * channel messages have 256 KiB), else the app's. A content-type parser's own limit is not
 * visible here: a route whose parser is stricter than the app sets the same `bodyLimit` itself.
 */
function bodyLimitOf(request: FastifyRequest): number {
  return request.routeOptions.bodyLimit;
}

/** 1048576 → "1 MiB", 262144 → "256 KiB", 1000 → "1000 bytes". */
function byteSize(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= KIB && bytes % KIB === 0) return `${bytes / KIB} KiB`;
  return `${bytes} bytes`;
}
const KIB = 1024;
const MIB = 1024 * KIB;

function badRequestMessage(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'The request body is empty but Content-Type is application/json.';
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return 'The request body is not valid JSON.';
  if (/__proto__|constructor/.test(error.message)) return 'The request body contains a forbidden property name.';
  return 'The request is not valid.';
}

/**
 * The sentence names the first problem itself ("email must match format …"), so a person reads
 * one complete sentence and a client never has to glue `details` onto it. Only names the schema
 * knows go into it: an unknown field's name is the caller's text and stays in `details`.
 */
function validationSentence(first: ErrorDetail | undefined): string {
  if (first === undefined) return 'The request is not valid.';
  if (first.message === UNKNOWN_FIELD) return 'The request has a field that is not allowed here.';
  const field = first.path.split('/').filter(Boolean).slice(1).join('.');
  return field ? `The request is not valid: ${field} ${first.message}.` : `The request is not valid: ${first.message}.`;
}

const UNKNOWN_FIELD = 'is not an allowed field';

function validationDetails(error: FastifyError): ErrorDetail[] {
  const context = error.validationContext ?? 'body';
  return collapseLiteralUnions(error.validation ?? []).map((issue) => {
    const params = issue.params as Record<string, unknown>;
    let path = `/${context}${issue.instancePath}`;
    let message = issue.message ?? 'is not valid';
    if (typeof params.missingProperty === 'string') {
      path += `/${params.missingProperty}`;
      message = 'is required';
    } else if (typeof params.additionalProperty === 'string') {
      path += `/${params.additionalProperty}`;
      message = UNKNOWN_FIELD;
    } else if (issue.keyword === 'enum' && Array.isArray(params.allowedValues)) {
      // The schema's own values (never the caller's text): say which ones are allowed.
      message = `must be one of: ${params.allowedValues.map(String).join(', ')}`;
    }
    return { path, message };
  });
}

type ValidationIssue = NonNullable<FastifyError['validation']>[number];

/**
 * A union of literals (TypeBox `Type.Union([Type.Literal('user'), …])`, an `anyOf` of `const`s)
 * fails in Ajv as one "must be equal to constant" per branch plus "must match a schema in anyOf",
 * none naming a value. Those become one `enum` issue listing the literals in schema order, so the
 * caller reads "role must be one of: user, agent, note, bot" once. A union with any other kind
 * of branch (an object, `null`, a string format) keeps Ajv's issues as they are.
 */
function collapseLiteralUnions(issues: readonly ValidationIssue[]): ValidationIssue[] {
  let out = [...issues];
  // Ajv reports a branch's issues before its anyOf, so an inner union collapses before the outer.
  for (const union of issues) {
    if (union.keyword !== 'anyOf' || !out.includes(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const branches = out.filter((i) => i !== union && i.schemaPath.startsWith(prefix));
    const values = literalValues(branches, prefix, union.instancePath);
    if (values === null) continue;
    const collapsed: ValidationIssue = {
      keyword: 'enum',
      instancePath: union.instancePath,
      schemaPath: union.schemaPath,
      params: { allowedValues: values },
      message: 'must be equal to one of the allowed values',
    };
    const at = out.indexOf(branches[0]!);
    out = out.filter((i) => i !== union && !branches.includes(i));
    out.splice(at, 0, collapsed);
  }
  return out;
}

/** The literals of an anyOf's failed branches in schema order, or null if a branch is no literal. */
function literalValues(branches: readonly ValidationIssue[], prefix: string, instancePath: string): unknown[] | null {
  if (branches.length === 0) return null;
  const byBranch = new Map<number, unknown[]>();
  for (const issue of branches) {
    const match = /^(\d+)\/(const|enum|anyOf)$/.exec(issue.schemaPath.slice(prefix.length));
    if (match === null || issue.instancePath !== instancePath) return null;
    const branch = Number(match[1]);
    const params = issue.params as Record<string, unknown>;
    let values: unknown[];
    if (issue.keyword === 'const' && match[2] === 'const') values = [params.allowedValue];
    // An `enum` branch, or an inner union of literals collapsed above.
    else if (issue.keyword === 'enum' && match[2] !== 'const' && Array.isArray(params.allowedValues))
      values = params.allowedValues;
    else return null;
    if (byBranch.has(branch)) return null;
    byBranch.set(branch, values);
  }
  const order = [...byBranch.keys()].sort((a, b) => a - b);
  return [...new Set(order.flatMap((branch) => byBranch.get(branch)!))];
}
