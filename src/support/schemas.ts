import { Type } from 'typebox';

/** Schemas shared by the support routes. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];

/** Example ids, shaped like real ones, for the OpenAPI document. */
export const EXAMPLE_IDS = {
  conversation: 'conv_01jd2k8m3q4r5s6t7v8w9x0yza',
  customer: 'cust_01jd2k8m3q4r5s6t7v8w9x0yzb',
  message: 'msg_01jd2k8m3q4r5s6t7v8w9x0yzc',
  article: 'art_01jd2k8m3q4r5s6t7v8w9x0yzd',
  agent: 'agt_01jd2k8m3q4r5s6t7v8w9x0yze',
  key: 'key_01jd2k8m3q4r5s6t7v8w9x0yzf',
  user: 'usr_01jd2k8m3q4r5s6t7v8w9x0yzg',
  time: '2026-11-22T10:00:00.000Z',
};

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Repeat a create safely: within 24 hours the same key and body return the first response.',
    }),
  ),
});

/**
 * A string that may be null, for PATCH bodies. As `type: ['string', 'null']` rather than a
 * union: with the server's type coercion a union's string branch would turn null into "".
 */
export function NullableString(options: Record<string, unknown>) {
  return Type.Unsafe<string | null>({ ...options, type: ['string', 'null'] } as never);
}
