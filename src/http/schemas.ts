import { Type, type TLiteral, type TSchema, type TUnion } from 'typebox';
import { isoString } from './iso-time.js';

/** Schemas shared by every route: the error body, list envelopes, paging query. */
export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    error: Type.String(),
    requestId: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    requiredScopes: Type.Optional(Type.Array(Type.String())),
    id: Type.Optional(Type.String()),
  },
  {
    $id: 'ErrorBody',
    title: 'Error',
    description: 'SPEC §4 error body: a stable `code`, a sentence for a person and the request id',
  },
);

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

/** Standard error responses for an authenticated route's OpenAPI entry. */
export const AUTH_ERRORS = {
  400: Type.Ref('ErrorBody'),
  401: Type.Ref('ErrorBody'),
  403: Type.Ref('ErrorBody'),
  404: Type.Ref('ErrorBody'),
  429: Type.Ref('ErrorBody'),
};

export const Timestamp = Type.String({ format: 'date-time' });
/** A conversation's `updatedAt` as its customer sees it (portal, widget). */
export const CustomerUpdatedAt = Type.String({
  format: 'date-time',
  description:
    'The last change the customer can see: a message that is not an internal note, a status or subject change. Notes and assignments do not move it.',
});
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export function isoTime(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : isoString(Number(ms));
}

/**
 * `anyOf` of string constants, typed as the union of those strings. (`Type.Union(list.map(...))`
 * makes the same JSON Schema, but TypeScript loses the tuple and the static type becomes never.)
 */
export function Literals<const T extends readonly string[]>(
  values: T,
  options?: Record<string, unknown>,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  return Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  ) as never;
}
