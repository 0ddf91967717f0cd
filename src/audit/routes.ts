import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../deps.js';
import { workspaceCaller } from '../http/caller.js';
import { AUTH_ERRORS, ListOf } from '../http/schemas.js';
import { typed } from '../http/typed.js';
import { AuditEvent, AuditQuery } from './schemas.js';
import { pageRequest, toPage } from '../storage/pagination.js';

/** GET /audit-events: the workspace's audit log, newest first (audit.read). */
export async function auditRoutes(plugin: FastifyInstance, core: CoreDeps): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/audit-events',
    {
      config: { auth: { scope: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'List audit events',
        description:
          'Key and widget-key, member, workspace, sign-in and deletion events, for example `key.revoked` or `sign_in_failed`. Filter by `type` and `actor` (an actor id).',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: AuditQuery,
        response: { 200: ListOf(AuditEvent), ...AUTH_ERRORS },
      },
    },
    async function listAuditEvents(request) {
      const { query } = request;
      const page = pageRequest(query);
      const rows = await core.audit.list(
        core.db,
        workspaceCaller(request).workspaceId,
        { type: query.type, actor: query.actor },
        page,
      );
      return toPage(rows, page.limit, (row) => row);
    },
  );
}
