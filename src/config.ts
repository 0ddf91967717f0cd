import fs from 'node:fs';
import { createPublicKey } from 'node:crypto';
import path from 'node:path';
import { loadSigningKey } from './security/signing-key.js';

/** The only reader of process.env: every setting of SPEC §1, validated once, frozen. */
export type Plan = 'free' | 'pro' | 'enterprise';
export const PLANS: readonly Plan[] = ['free', 'pro', 'enterprise'];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  /** Where ioredis connects: a `redis://`/`rediss://` URL, or a Unix socket's path (from `unix:///…`). */
  readonly redisUrl: string | null;
  readonly publicUrl: string;
  readonly signingKey: string | null;
  readonly masterKey: string | null;
  /** WOES_MASTER_KEY_PREVIOUS: the key before a rotation, still read (never written) while values move. */
  readonly masterKeyPrevious: string | null;
  readonly smtpUrl: string | null;
  /** WOES_MAIL_FROM: the sender of every email (null: `Woes <no-reply@…>` on the public URL's host). */
  readonly mailFrom: MailFrom | null;
  readonly googleClientId: string | null;
  readonly microsoftClientId: string | null;
  readonly microsoftAllowedTenants: readonly string[];
  readonly googleJwksUrl: string;
  readonly microsoftJwksUrl: string;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly defaultPlan: Plan;
  /** Where log lines go: 'stdout' or a file path (used by the benchmark). */
  readonly logDestination: string;
  /** Milliseconds between polls of the embedded invalidation log. */
  readonly invalidationPollMs: number;
  /** Milliseconds between flushes of buffered key usage (last used, daily counts). */
  readonly usageFlushMs: number;
  /**
   * The longest a database query may take (WOES_DB_TIMEOUT_MS): PostgreSQL's statement_timeout
   * plus a client-side timer for a server that stops answering, SQLite's busy timeout (capped,
   * see storage/database.ts). Past it the request answers 503 rather than waiting.
   */
  readonly dbTimeoutMs: number;
  /** PostgreSQL connections each process may open (WOES_DB_POOL_SIZE); SQLite has one. */
  readonly dbPoolSize: number;
  /**
   * The longest a client may take to send one whole request, headers and body (WOES_REQUEST_TIMEOUT_MS):
   * past it the request is answered 408 and the connection closed, so a client that sends its
   * body a byte at a time cannot hold a connection for ever.
   */
  readonly requestTimeoutMs: number;
  /** Public keys that sign leaked-key reports (GitHub secret scanning); empty: reports are refused. */
  readonly leakReportPublicKeys: ReadonlyArray<LeakReportPublicKey>;
  /** Milliseconds between runs of the key-governance job (idle keys, expiry warnings). */
  readonly keyJobIntervalMs: number;
  /** Milliseconds between runs of the webhook dispatcher and delivery worker (WOES_WEBHOOK_POLL_MS). */
  readonly webhookPollMs: number;
  /** Multiplies the webhook retry schedule (WOES_WEBHOOK_RETRY_SCALE, for tests: 1 in production). */
  readonly webhookRetryScale: number;
  /**
   * Days a delivered webhook event is kept, with its deliveries and their attempts
   * (WOES_WEBHOOK_RETENTION_DAYS); events with a delivery still pending are kept until it ends.
   */
  readonly webhookRetentionDays: number;
  /**
   * WOES_ALLOW_PRIVATE_WEBHOOKS: outbound calls (webhooks, API test runs) may reach loopback and
   * private addresses. For local development and tests only; cloud metadata stays refused.
   */
  readonly allowPrivateWebhooks: boolean;
}

export interface LeakReportPublicKey {
  readonly keyIdentifier: string;
  /** PEM (SPKI) of an ECDSA P-256 key. */
  readonly key: string;
}

/** A sender: an address and, optionally, the display name shown before it. */
export interface MailFrom {
  readonly name: string | null;
  readonly address: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function text(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const MAIL_ADDRESS = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]{1,64}@${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*$`);

/** WOES_MAIL_FROM: `address` or `Name <address>` (the name may be quoted); anything else is refused. */
function mailFrom(env: Env): MailFrom | null {
  const name = 'WOES_MAIL_FROM';
  const raw = text(env, name);
  if (raw === null) return null;
  const expected = `must be an email address or Name <address> (e.g. Support <support@example.com>), got "${raw}"`;
  // No control characters at all: a CR or LF would let the value add headers.
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    throw new ConfigError(name, 'must not contain control characters or line breaks');
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(raw);
  const address = named ? named[2].trim() : raw;
  let display = named ? named[1].trim() : null;
  if (display !== null && display.length >= 2 && display.startsWith('"') && display.endsWith('"')) {
    display = display.slice(1, -1).trim();
  }
  if (!MAIL_ADDRESS.test(address) || address.length > 254) throw new ConfigError(name, expected);
  if (display !== null && (/[<>"\\]/.test(display) || display.length > 100)) throw new ConfigError(name, expected);
  return Object.freeze({ name: display === '' ? null : display, address });
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** A number in (0, 1]: a scale factor. */
function fraction(env: Env, name: string): number {
  const raw = text(env, name);
  if (raw === null) return 1;
  const value = Number(raw);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(raw) || !(value > 0 && value <= 1)) {
    throw new ConfigError(name, `must be a number above 0 and at most 1, got "${raw}"`);
  }
  return value;
}

function url(
  env: Env,
  name: string,
  protocols: string[],
  /** A URL without a host that this accepts (a Unix socket), or undefined: a host is required. */
  hostless?: (parsed: URL) => boolean,
): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // `postgres://user:password@/db?host=/socket/dir` (libpq accepts it) has credentials but no
    // host, which a URL cannot: name the form that works, without echoing the value.
    if (/^[a-z]+:\/\/[^/?#]*@\//i.test(raw)) {
      throw new ConfigError(
        name,
        'has a user but no host; for a Unix socket put them in the query: ?host=/socket/dir&user=…&password=…',
      );
    }
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  if (!parsed.hostname && !hostless?.(parsed)) throw new ConfigError(name, 'has no host');
  return raw;
}

/**
 * DATABASE_URL: `postgres://user@host:port/db`, or through a Unix socket (node-postgres's forms):
 * the socket directory as the host, percent-encoded (`postgres://user@%2Fvar%2Frun%2Fpostgresql/db`),
 * or as the `host` parameter of a URL without a host (`postgres:///db?host=/var/run/postgresql&user=…`).
 */
function postgresUrl(env: Env): string | null {
  return url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], (parsed) =>
    (parsed.searchParams.get('host') ?? '').startsWith('/'),
  );
}

const REDIS_SOCKET_PARAMS = new Set(['db', 'username', 'password']);

/**
 * REDIS_URL: `redis://` or `rediss://` (TLS), or a Unix socket as `unix:///path/to/redis.sock`
 * with optional `db`, `username` and `password` parameters. Returned as ioredis takes it: a
 * socket becomes its path (with those parameters), which ioredis reads as a socket.
 */
function redisUrl(env: Env): string | null {
  const raw = url(env, 'REDIS_URL', ['redis:', 'rediss:', 'unix:'], (parsed) => parsed.protocol === 'unix:');
  if (raw === null || !raw.startsWith('unix:')) return raw;
  const parsed = new URL(raw);
  const socket = decodeURIComponent(parsed.pathname);
  if (
    parsed.hostname ||
    parsed.username ||
    parsed.password ||
    !socket.startsWith('/') ||
    socket.endsWith('/') ||
    socket.includes('?')
  ) {
    throw new ConfigError('REDIS_URL', 'a Unix socket is unix:///path/to/redis.sock (its password as ?password=…)');
  }
  // Never echo a parameter: a password written without its name would land in the message.
  for (const [key, value] of parsed.searchParams) {
    if (!REDIS_SOCKET_PARAMS.has(key)) {
      throw new ConfigError('REDIS_URL', 'a Unix socket takes only the db, username and password parameters');
    }
    if (key === 'db' && !/^\d{1,5}$/.test(value)) throw new ConfigError('REDIS_URL', 'db must be a number');
  }
  return socket + parsed.search;
}

function bool(env: Env, name: string): boolean {
  const raw = text(env, name);
  if (raw === null) return false;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function masterKey(env: Env, name: string): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError(name, 'must be 32 bytes encoded as base64');
  }
  return raw;
}

/** The URL a browser on this machine opens for HOST and PORT: a wildcard host is reached as localhost. */
export function listenUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const name = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/**
 * WOES_LEAK_REPORT_PUBLIC_KEYS: GitHub's published JSON (`{"public_keys":[{key_identifier, key}]}`
 * or the bare array), inline or as the path of a file holding it.
 */
function leakReportKeys(env: Env): LeakReportPublicKey[] {
  const name = 'WOES_LEAK_REPORT_PUBLIC_KEYS';
  const raw = text(env, name);
  if (raw === null) return [];
  let document = raw;
  if (!raw.startsWith('{') && !raw.startsWith('[')) {
    try {
      document = fs.readFileSync(raw, 'utf8');
    } catch {
      throw new ConfigError(name, 'must be JSON or the path of a readable JSON file');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new ConfigError(name, 'is not valid JSON');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { public_keys?: unknown }).public_keys;
  if (!Array.isArray(list) || list.length === 0) throw new ConfigError(name, 'must list at least one public key');
  return list.map((entry: { key_identifier?: unknown; key?: unknown }) => {
    if (typeof entry.key_identifier !== 'string' || typeof entry.key !== 'string') {
      throw new ConfigError(name, 'every entry needs key_identifier and key (PEM)');
    }
    try {
      const key = createPublicKey(entry.key);
      if (key.asymmetricKeyType !== 'ec') throw new Error('not EC');
    } catch {
      throw new ConfigError(name, `key ${entry.key_identifier} is not an ECDSA public key in PEM`);
    }
    return Object.freeze({ keyIdentifier: entry.key_identifier, key: entry.key });
  });
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = postgresUrl(env);
  const signingKey = text(env, 'WOES_SIGNING_KEY');
  if (signingKey !== null) {
    try {
      loadSigningKey(signingKey);
    } catch (error) {
      throw new ConfigError('WOES_SIGNING_KEY', (error as Error).message);
    }
  }
  const master = masterKey(env, 'WOES_MASTER_KEY');
  const masterPrevious = masterKey(env, 'WOES_MASTER_KEY_PREVIOUS');
  if (masterPrevious && !master) {
    throw new ConfigError('WOES_MASTER_KEY_PREVIOUS', 'needs WOES_MASTER_KEY (the new key) to be set as well');
  }
  // Scale-out instances must agree on keys, so they cannot each generate their own.
  if (databaseUrl && !signingKey) throw new ConfigError('WOES_SIGNING_KEY', 'is required when DATABASE_URL is set');
  if (databaseUrl && !master) throw new ConfigError('WOES_MASTER_KEY', 'is required when DATABASE_URL is set');
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of: ${LOG_LEVELS.join(', ')}`);
  const defaultPlan = (text(env, 'WOES_DEFAULT_PLAN') ?? 'pro') as Plan;
  if (!PLANS.includes(defaultPlan)) throw new ConfigError('WOES_DEFAULT_PLAN', `must be one of: ${PLANS.join(', ')}`);
  const host = text(env, 'HOST') ?? '127.0.0.1';
  // The default is the address the start log prints: an emailed link must open the origin the
  // user already signed in on (localhost and 127.0.0.1 are different origins, with different cookies).
  const givenPublicUrl = url(env, 'WOES_PUBLIC_URL', ['http:', 'https:']);
  // Any free port is fine for the server, but emailed links need the one it will have.
  if (port === 0 && givenPublicUrl === null) {
    throw new ConfigError('PORT', '0 (any free port) needs WOES_PUBLIC_URL, the address links in emails point at');
  }
  const publicUrl = givenPublicUrl ?? listenUrl(host, port);

  return Object.freeze({
    port,
    host,
    dataDir: path.resolve(text(env, 'WOES_DATA_DIR') ?? './data'),
    databaseUrl,
    redisUrl: redisUrl(env),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    signingKey,
    masterKey: master,
    masterKeyPrevious: masterPrevious,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: mailFrom(env),
    googleClientId: text(env, 'GOOGLE_CLIENT_ID'),
    microsoftClientId: text(env, 'MICROSOFT_CLIENT_ID'),
    microsoftAllowedTenants: Object.freeze(
      (text(env, 'MICROSOFT_ALLOWED_TENANTS') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
    googleJwksUrl: url(env, 'GOOGLE_JWKS_URL', ['http:', 'https:']) ?? 'https://www.googleapis.com/oauth2/v3/certs',
    microsoftJwksUrl:
      url(env, 'MICROSOFT_JWKS_URL', ['http:', 'https:']) ??
      'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    trustProxy: bool(env, 'WOES_TRUST_PROXY'),
    logLevel,
    defaultPlan,
    logDestination: text(env, 'WOES_LOG_FILE') ?? 'stdout',
    invalidationPollMs: integer(env, 'WOES_INVALIDATION_POLL_MS', 250, 10, 60_000),
    usageFlushMs: integer(env, 'WOES_USAGE_FLUSH_MS', 5000, 10, 60_000),
    dbTimeoutMs: integer(env, 'WOES_DB_TIMEOUT_MS', 5000, 50, 600_000),
    dbPoolSize: integer(env, 'WOES_DB_POOL_SIZE', 10, 1, 500),
    requestTimeoutMs: integer(env, 'WOES_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
    leakReportPublicKeys: Object.freeze(leakReportKeys(env)),
    keyJobIntervalMs: integer(env, 'WOES_KEY_JOB_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    webhookPollMs: integer(env, 'WOES_WEBHOOK_POLL_MS', 500, 10, 60_000),
    webhookRetryScale: fraction(env, 'WOES_WEBHOOK_RETRY_SCALE'),
    webhookRetentionDays: integer(env, 'WOES_WEBHOOK_RETENTION_DAYS', 30, 1, 3650),
    allowPrivateWebhooks: bool(env, 'WOES_ALLOW_PRIVATE_WEBHOOKS'),
  });
}
