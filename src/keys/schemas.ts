import { Type } from 'typebox';
import { ACCEPTED_SCOPE_NAMES } from '../scopes/scopes.js';
import { Nullable, Timestamp } from '../http/schemas.js';

const Actor = Type.Object({ type: Type.String(), id: Nullable(Type.String()) });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
/** Seconds; capped at ten years so the expiry stays a sane time. */
const MAX_EXPIRES_IN = 10 * 365 * 24 * 60 * 60;
const ExpiresIn = Type.Integer({ minimum: 1, maximum: MAX_EXPIRES_IN });

export const KeyId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const ApiKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    start: Type.String({ description: 'The first 10 characters of the key' }),
    last4: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Timestamp,
    createdBy: Actor,
    expiresAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
    lastUsedAt: Nullable(Timestamp),
    stale: Type.Boolean({ description: 'True after 90 days without use' }),
    rolledFrom: Nullable(Type.String()),
    rolledTo: Nullable(Type.String()),
    allowedIps: Type.Array(Type.String(), {
      description: 'Addresses and CIDR ranges the key is accepted from; empty: any',
    }),
    disabledAt: Nullable(Timestamp),
  },
  { title: 'ApiKey' },
);

const AllowedIps = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 50,
  description:
    'IPv4/IPv6 addresses and CIDR ranges (at most 50); a request from elsewhere gets 403 ip_not_allowed. Empty: any address.',
});

export const ApiKeyWithSecret = Type.Object(
  {
    ...ApiKey.properties,
    secret: Type.String({ description: 'The whole key. Shown only in this response.' }),
  },
  { title: 'ApiKeyWithSecret' },
);

export const CreateKeyBody = Type.Object(
  {
    name: Name,
    scopes: Type.Array(Type.String({ maxLength: 64 }), {
      minItems: 1,
      maxItems: 64,
      description: `Scopes, presets or aliases: ${ACCEPTED_SCOPE_NAMES.join(', ')}`,
    }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    expiresIn: Type.Optional(ExpiresIn),
    allowedIps: Type.Optional(AllowedIps),
  },
  { additionalProperties: false },
);

export const RenameKeyBody = Type.Object(
  { name: Type.Optional(Name), allowedIps: Type.Optional(AllowedIps) },
  { additionalProperties: false, minProperties: 1, examples: [{ name: 'CRM sync (production)' }] },
);

export const RollKeyBody = Type.Object(
  {
    expiresIn: Type.Integer({
      minimum: 0,
      maximum: 604_800,
      description: 'Seconds the old key keeps working (0–7 days)',
    }),
    newKeyExpiresAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: "The new key's expiry. Default: the old key's lifetime, counted from now.",
      }),
    ),
    newKeyExpiresIn: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_EXPIRES_IN,
        description: "The new key's lifetime in seconds (instead of newKeyExpiresAt).",
      }),
    ),
  },
  { additionalProperties: false },
);

export const KeyUsage = Type.Object(
  {
    keyId: Type.String(),
    lastUsedAt: Nullable(Timestamp),
    lastUsedIp: Nullable(Type.String()),
    lastUsedUserAgent: Nullable(Type.String()),
    totalRequests: Type.Integer(),
    days: Type.Array(Type.Object({ date: Type.String(), requests: Type.Integer() })),
  },
  { title: 'KeyUsage' },
);

export const WidgetKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    start: Type.String(),
    last4: Type.String(),
    allowedOrigins: Type.Array(Type.String()),
    mobile: Type.Boolean({
      description: 'For mobile apps: accepted without an Origin header, and only with identity verification.',
    }),
    createdAt: Timestamp,
    createdBy: Actor,
    revokedAt: Nullable(Timestamp),
  },
  { title: 'WidgetKey' },
);

export const WidgetKeyWithKey = Type.Object(
  {
    ...WidgetKey.properties,
    key: Type.String({ description: 'The woespk_ key for the widget snippet. Shown only in this response.' }),
  },
  { title: 'WidgetKeyWithKey' },
);

export const CreateWidgetKeyBody = Type.Object(
  {
    name: Name,
    allowedOrigins: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), {
      maxItems: 50,
      description: 'At least one, unless the key is for mobile apps.',
    }),
    mobile: Type.Optional(
      Type.Boolean({ description: 'A key for mobile apps (no Origin); it requires identity verification.' }),
    ),
  },
  { additionalProperties: false },
);

export const Me = Type.Object(
  {
    type: Type.Union([Type.Literal('api_key'), Type.Literal('session')]),
    workspace: Nullable(Type.Object({ id: Type.String(), name: Type.String(), plan: Type.String() })),
    scopes: Type.Array(Type.String()),
    keyId: Type.Optional(Type.String()),
    user: Type.Optional(Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() })),
    role: Type.Optional(Nullable(Type.String())),
  },
  { title: 'Me' },
);
