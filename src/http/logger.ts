import pino, { type DestinationStream, type Logger } from 'pino';
import { redactSecrets, SECRET_FIELD_NAMES } from '../security/redact.js';

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

export function createLogger(options: LoggerOptions): Logger {
  const destination =
    typeof options.destination === 'string'
      ? options.destination === 'stdout'
        ? pino.destination(1)
        : // Buffer file writes (4 KiB) instead of one write per line; flushed on close.
          pino.destination({ dest: options.destination, mkdir: true, sync: false, minLength: 4096 })
      : options.destination;
  return pino(
    {
      level: options.level,
      formatters: { log: (object: Record<string, unknown>) => scrubSecretFields(object) },
      // Whatever slipped past the field rules (a key pasted into a URL or a message) is
      // caught here, on the serialized line, before it is written anywhere.
      hooks: { streamWrite: (line: string) => redactSecrets(line) },
      serializers: {
        req(request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
          return {
            method: request.method,
            url: redactSecrets(request.url.replace(/([?&](?:access_token|api_key|key|token|secret)=)[^&]*/gi, '$1[REDACTED]')),
            ip: request.ip,
            userAgent: request.headers?.['user-agent'],
          };
        },
      },
    },
    destination,
  );
}
