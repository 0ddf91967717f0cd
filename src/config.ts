import path from 'node:path';

/** The only reader of process.env: every setting of SPEC §1, validated once, frozen. */
export type Plan = 'free' | 'pro' | 'enterprise';
export const PLANS: readonly Plan[] = ['free', 'pro', 'enterprise'];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly publicUrl: string;
  readonly signingKey: string | null;
  readonly masterKey: string | null;
  readonly smtpUrl: string | null;
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
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
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

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = text(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  if (!parsed.hostname && parsed.protocol !== 'file:') throw new ConfigError(name, 'has no host');
  return raw;
}

function bool(env: Env, name: string): boolean {
  const raw = text(env, name);
  if (raw === null) return false;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function masterKey(env: Env): string | null {
  const raw = text(env, 'WOES_MASTER_KEY');
  if (raw === null) return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError('WOES_MASTER_KEY', 'must be 32 bytes encoded as base64');
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const signingKey = text(env, 'WOES_SIGNING_KEY');
  const master = masterKey(env);
  // Scale-out instances must agree on keys, so they cannot each generate their own.
  if (databaseUrl && !signingKey) throw new ConfigError('WOES_SIGNING_KEY', 'is required when DATABASE_URL is set');
  if (databaseUrl && !master) throw new ConfigError('WOES_MASTER_KEY', 'is required when DATABASE_URL is set');
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const defaultPlan = (text(env, 'WOES_DEFAULT_PLAN') ?? 'pro') as Plan;
  if (!PLANS.includes(defaultPlan)) throw new ConfigError('WOES_DEFAULT_PLAN', `must be one of ${PLANS.join(', ')}`);
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const publicUrl = url(env, 'WOES_PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;

  return Object.freeze({
    port,
    host,
    dataDir: path.resolve(text(env, 'WOES_DATA_DIR') ?? './data'),
    databaseUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    signingKey,
    masterKey: master,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    googleClientId: text(env, 'GOOGLE_CLIENT_ID'),
    microsoftClientId: text(env, 'MICROSOFT_CLIENT_ID'),
    microsoftAllowedTenants: Object.freeze(
      (text(env, 'MICROSOFT_ALLOWED_TENANTS') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    ),
    googleJwksUrl: url(env, 'GOOGLE_JWKS_URL', ['http:', 'https:']) ?? 'https://www.googleapis.com/oauth2/v3/certs',
    microsoftJwksUrl:
      url(env, 'MICROSOFT_JWKS_URL', ['http:', 'https:']) ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    trustProxy: bool(env, 'WOES_TRUST_PROXY'),
    logLevel,
    defaultPlan,
    logDestination: text(env, 'WOES_LOG_FILE') ?? 'stdout',
    invalidationPollMs: integer(env, 'WOES_INVALIDATION_POLL_MS', 250, 10, 60_000),
    usageFlushMs: integer(env, 'WOES_USAGE_FLUSH_MS', 5000, 10, 60_000),
  });
}
