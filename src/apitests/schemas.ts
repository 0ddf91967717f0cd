import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, Timestamp } from '../http/schemas.js';

/** Schemas of /api-tests: credentials (the secret goes in, never out) and guarded runs. */
const AuthType = Type.Union([Type.Literal('bearer'), Type.Literal('header'), Type.Literal('basic')]);

const Secret = Type.String({
  minLength: 8,
  maxLength: 4096,
  description: 'Write-only. bearer/header: the header value; basic: `user:password`. Never returned.',
});

export const CreateApiTestCredential = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    baseUrl: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'http(s) URL the run paths are joined to; checked by the outbound guard when saved and on each run.',
    }),
    auth: Type.Object(
      {
        type: AuthType,
        headerName: Type.Optional(
          Type.String({ minLength: 1, maxLength: 100, description: 'Required for type `header` (e.g. `x-api-key`).' }),
        ),
        secret: Secret,
      },
      { additionalProperties: false },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Production API (read-only key)',
        baseUrl: 'https://api.example.com/v1',
        auth: { type: 'header', headerName: 'x-api-key', secret: 'sk_live_example_0000' },
      },
    ],
  },
);
export type CreateApiTestCredentialInput = Static<typeof CreateApiTestCredential>;

export const UpdateApiTestCredential = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    baseUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ name: 'Staging API' }] },
);
export type UpdateApiTestCredentialInput = Static<typeof UpdateApiTestCredential>;

export const ReplaceApiTestSecret = Type.Object(
  { secret: Secret },
  { additionalProperties: false, examples: [{ secret: 'sk_live_example_0001' }] },
);

export const ApiTestCredential = Type.Object(
  {
    id: Type.String({ description: '`atc_…`' }),
    name: Type.String(),
    baseUrl: Type.String(),
    authType: AuthType,
    headerName: Nullable(Type.String()),
    hasSecret: Type.Literal(true, { description: 'The secret is stored (sealed); it is never returned.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastUsedAt: Nullable(Timestamp),
  },
  { title: 'ApiTestCredential' },
);
export type ApiTestCredentialView = Static<typeof ApiTestCredential>;

export const ApiTestCredentialId = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const CreateApiTestRun = Type.Object(
  {
    credentialId: Type.String({ maxLength: 64 }),
    method: Type.Union([Type.Literal('GET'), Type.Literal('HEAD')]),
    path: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'Starts with `/`, joined to the base URL; no scheme, host, `..` or fragment.',
    }),
    expectStatus: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
  },
  {
    additionalProperties: false,
    examples: [{ credentialId: 'atc_01jd0000000000000000000000', method: 'GET', path: '/me', expectStatus: 200 }],
  },
);
export type CreateApiTestRunInput = Static<typeof CreateApiTestRun>;

export const ApiTestRun = Type.Object(
  {
    id: Type.String({ description: '`atr_…`' }),
    credentialId: Type.String(),
    method: Type.String(),
    path: Type.String(),
    expectStatus: Nullable(Type.Integer()),
    status: Nullable(Type.Integer({ description: 'null when no answer came (refused, timeout, connection).' })),
    durationMs: Type.Integer(),
    ok: Type.Boolean({ description: 'The status is `expectStatus`, or 2xx when none was given.' }),
    responseHeaders: Type.Record(Type.String(), Type.String(), {
      description: 'Allowlisted headers only (content-type, date, server, x-request-id, retry-after, …), redacted.',
    }),
    excerpt: Nullable(
      Type.String({ description: 'The first 2 KiB of the body as text; the secret and its encodings are redacted.' }),
    ),
    truncated: Type.Boolean({ description: 'The body was longer than the 1 MiB read cap.' }),
    error: Nullable(
      Type.Object({
        reason: Type.String({ description: 'The guard: blocked_address, dns, scheme, timeout, connect, tls, …' }),
        message: Type.String(),
      }),
    ),
    createdAt: Timestamp,
  },
  { title: 'ApiTestRun' },
);
export type ApiTestRunView = Static<typeof ApiTestRun>;

export const ApiTestRunsQuery = Type.Object(
  { ...PageQuery, credentialId: Type.Optional(Type.String({ maxLength: 64 })) },
  { additionalProperties: false },
);
