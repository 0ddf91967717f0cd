import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { CoreDeps } from '../deps.js';
import { workspaceOf } from '../http/authenticate.js';
import { AUTH_ERRORS, ListOf, Nullable, PageQuery, Timestamp } from '../http/schemas.js';
import { pageRequest, toPage } from '../storage/pagination.js';

const AuditEvent = Type.Object({
  id: Type.String(),
  type: Type.String(),
  actor: Type.Object({ type: Type.String(), id: Nullable(Type.String()) }),
  target: Nullable(Type.Object({ type: Type.String(), id: Type.String() })),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
});

const AuditQuery = Type.Object(
  { ...PageQuery, type: Type.Optional(Type.String({ maxLength: 100 })), actor: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

/** GET /audit-events: the workspace's audit log, newest first (audit.read). */
export async function auditRoutes(app: FastifyInstance, core: CoreDeps): Promise<void> {
  app.get(
    '/audit-events',
    {
      config: { auth: { scope: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'List audit events',
        description: 'Key, member, sign-in, webhook and credential changes. Filter by `type` and `actor` (an actor id).',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: AuditQuery,
        response: { 200: ListOf(AuditEvent), ...AUTH_ERRORS },
      },
    },
    async function listAuditEvents(request) {
      const query = request.query as { limit?: number; cursor?: string; type?: string; actor?: string };
      const page = pageRequest(query);
      const rows = await core.audit.list(core.db, workspaceOf(request), { type: query.type, actor: query.actor }, page);
      return toPage(rows, page.limit, (row) => row);
    },
  );
}
