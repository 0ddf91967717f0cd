import { Type } from 'typebox';
import { Nullable, Timestamp } from '../http/schemas.js';

const Days = Type.Integer({ minimum: 1, maximum: 3650 });
/** On input, null (or 0) turns a rule off. */
const DaysOrOff = Nullable(Days);

export const KeyPolicyView = Type.Object(
  {
    maxLifetimeDays: Nullable(Days),
    requireExpiry: Type.Boolean(),
    disableUnusedDays: Nullable(Days),
    warnBeforeExpiry: Type.Boolean(),
    updatedAt: Nullable(Timestamp),
  },
  { title: 'KeyPolicy' },
);

export const KeyPolicyPatchBody = Type.Object(
  {
    maxLifetimeDays: Type.Optional(DaysOrOff),
    requireExpiry: Type.Optional(Type.Boolean()),
    disableUnusedDays: Type.Optional(DaysOrOff),
    warnBeforeExpiry: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ maxLifetimeDays: 90, requireExpiry: true }] },
);

/** GitHub's secret scanning partner format: a JSON array of candidates. */
export const LeakReportBody = Type.Array(
  Type.Object({
    token: Type.String({ maxLength: 1024 }),
    type: Type.String({ maxLength: 200 }),
    url: Type.String({ maxLength: 2048 }),
    source: Type.String({ maxLength: 100 }),
  }),
  { minItems: 1, maxItems: 1000 },
);

export const LeakReportAnswer = Type.Array(
  Type.Object({
    token_hash: Type.String({ description: 'SHA-256 (hex) of the reported token' }),
    token_type: Type.String(),
    label: Type.Union([Type.Literal('true_positive'), Type.Literal('false_positive')]),
  }),
);
