import type { FastifyBaseLogger } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import { percentDecoded, redactSecrets, SECRET_FIELD_NAMES } from '../security/redact.js';
import { LogFile } from './log-file.js';

export interface LoggerOptions {
  level: string;
  /** 'stdout', a file path, or a stream (tests capture the log this way). */
  destination: string | DestinationStream;
}

const SECRET_KEYS: ReadonlySet<string> = new Set(SECRET_FIELD_NAMES.map((f) => f.toLowerCase()));

/**
 * Replaces secret-named fields in the first three levels of a log object. Hand-written rather
 * than pino's path-based `redact`: wildcard paths made redaction the largest cost of a request
 * (bench/RESULTS.md), while this walk copies nothing unless it finds something.
 */
export function scrubSecretFields(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  if (depth === 0 && !isPlainObject(value)) return value;
  let out: Record<string, unknown> | null = null;
  for (const key in value) {
    const field = value[key];
    let replacement: unknown = field;
    if (SECRET_KEYS.has(key.toLowerCase())) replacement = '[REDACTED]';
    else if (depth < 2 && isPlainObject(field)) {
      replacement = scrubSecretFields(field as Record<string, unknown>, depth + 1);
    }
    if (replacement !== field) {
      out ??= { ...value };
      out[key] = replacement;
    }
  }
  return out ?? value;
}

/** Only plain objects are walked: a Fastify request or an Error goes through its serializer. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** How long a log line may wait in the file buffer: a quiet instance's log is never behind by more. */
export const LOG_FLUSH_MS = 1000;

export function createLogger(options: LoggerOptions): Logger {
  const destination =
    typeof options.destination === 'string'
      ? options.destination === 'stdout'
        ? pino.destination(1)
        : new LogFile(options.destination, LOG_FLUSH_MS)
      : options.destination;
  return pino(
    {
      level: options.level,
      formatters: { log: (object: Record<string, unknown>) => scrubSecretFields(object) },
      // Whatever slipped past the field rules (a key pasted into a URL or a message) is
      // caught here, on the serialized line, before it is written anywhere.
      hooks: { streamWrite: (line: string) => redactSecrets(line) },
      serializers: {
        err: serializeError,
        req(request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
          return {
            method: request.method,
            url: redactUrl(request.url),
            ip: request.ip,
            userAgent: request.headers?.['user-agent'],
          };
        },
      },
    },
    destination,
  );
}

/**
 * Real errors through pino's serializer; the `{ message, code }` objects the code logs on
 * purpose (no stack for an expected outage) as they are. pino's serializer would otherwise
 * turn them into `{"type":"Object","stack":""}` and bury the message.
 */
function serializeError(error: unknown): unknown {
  return error instanceof Error ? pino.stdSerializers.err(error) : error;
}

/**
 * The URL as logged: credential parameters and secret-shaped strings replaced. A URL holding `%`
 * is also looked at decoded (a secret's `/` and `=` are %-encoded in a URL, which cut it short
 * for the pattern; `%77oesk_` hides the prefix): when the decoded URL holds a secret, the decoded
 * URL is logged, redacted, so the secret appears in neither form. Most URLs hold no `%`.
 */
function redactUrl(url: string): string {
  const plain = redactPlainUrl(url);
  if (!url.includes('%')) return plain;
  const decoded = percentDecoded(url);
  const redacted = redactPlainUrl(decoded);
  return redacted === decoded ? plain : redacted;
}

function redactPlainUrl(url: string): string {
  // Only a query string can carry one of these parameters: most URLs skip the regex.
  if (!url.includes('?')) return redactSecrets(url);
  return redactSecrets(url.replace(/([?&](?:access_token|api_key|key|token|secret)=)[^&]*/gi, '$1[REDACTED]'));
}

interface PinoInternals {
  [key: symbol]: unknown;
}

/**
 * The one access-log line of every request ("request completed"), as pino would write it from the
 * request's child logger with the `req` serializer above — built by hand because it is written on
 * every request: through pino's generic path (serializer, formatter, whole-line redaction) it cost
 * about 7 µs, a tenth of a warm request. The caller's strings (URL, user agent, correlation id) are
 * redacted one by one, as the line hook would have; a logger that is not pino's falls back to it.
 */
export function logRequestCompleted(
  request: { method: string; url: string; ip: string; headers: Record<string, unknown>; log: FastifyBaseLogger },
  statusCode: number,
  responseTime: number,
): void {
  const log = request.log as Logger;
  const root = log as unknown as PinoInternals;
  const stream = root[pino.symbols.streamSym] as DestinationStream | undefined;
  const chindings = root[pino.symbols.chindingsSym];
  if (stream === undefined || typeof chindings !== 'string' || !log.isLevelEnabled('info')) {
    log.info({ req: request, statusCode, responseTime }, 'request completed');
    return;
  }
  const agent = request.headers['user-agent'];
  // The child's bindings (pid, hostname, requestId) are serialised once by pino, not redacted: the
  // correlation id is the caller's text.
  const line =
    `{"level":${log.levels.values.info},"time":${Date.now()}${redactSecrets(chindings)}` +
    `,"req":{"method":${JSON.stringify(request.method)},"url":${JSON.stringify(redactUrl(request.url))}` +
    `,"ip":${JSON.stringify(request.ip)}` +
    (typeof agent === 'string' ? `,"userAgent":${JSON.stringify(redactSecrets(agent))}` : '') +
    `},"statusCode":${statusCode},"responseTime":${milliseconds(responseTime)}` +
    `,"msg":"request completed"}\n`;
  stream.write(line);
}

/**
 * A duration in milliseconds to the microsecond, as JSON ("0.417", "12.003"): the integer parts
 * are small integers, which V8 prints from a cache, where printing the double itself (all 17
 * digits of `performance.now()` arithmetic) was a tenth of the line's cost.
 */
export function milliseconds(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'null';
  const micros = Math.round(ms * 1000);
  const fraction = micros % 1000;
  const whole = (micros - fraction) / 1000;
  if (fraction === 0) return String(whole);
  return `${whole}.${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}`;
}
