import pino, { type DestinationStream, type Logger } from 'pino';
import { redactSecrets, SECRET_FIELD_NAMES } from '../security/redact.js';

export interface LoggerOptions {
  level: string;
  /** 'stdout', a file path, or a stream (tests capture the log this way). */
  destination: string | DestinationStream;
}

/** Keys that look like secrets at any of the first three levels of a log object. */
function redactPaths(): string[] {
  const paths = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-woes-conversation-secret"]'];
  for (const field of SECRET_FIELD_NAMES) paths.push(field, `*.${field}`, `*.*.${field}`);
  return paths;
}

export function createLogger(options: LoggerOptions): Logger {
  const destination =
    typeof options.destination === 'string'
      ? options.destination === 'stdout'
        ? pino.destination(1)
        : pino.destination({ dest: options.destination, mkdir: true, sync: false })
      : options.destination;
  return pino(
    {
      level: options.level,
      redact: { paths: redactPaths(), censor: '[REDACTED]' },
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
