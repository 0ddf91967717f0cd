import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp } from '../http/schemas.js';

/** One audit event as GET /audit-events shows it; never a secret. */
export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
    target: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
    ip: Nullable(Type.String()),
    userAgent: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    createdAt: Timestamp,
  },
  { title: 'AuditEvent' },
);

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(Type.String({ maxLength: 100 })),
    actor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
