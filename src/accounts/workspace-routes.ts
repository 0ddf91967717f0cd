import type { FastifyInstance } from 'fastify';
import { requestFacts, workspaceOf } from '../http/authenticate.js';
import { actorOf } from '../http/principal.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest, toPage } from '../storage/pagination.js';
import { Type } from 'typebox';
import type { AccountsContext } from './context.js';
import { Workspace, WorkspaceCreateBody, WorkspacePatchBody } from './schemas.js';
import { createWorkspace, getWorkspace, toWorkspaceView, workspacesOf } from './workspaces.js';

const SESSION_ONLY = { scope: null, credentials: 'session', workspace: 'none' } as const;
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });

/** GET/POST /workspaces (the signed-in user's) and GET/PATCH /workspace (the current one). */
export async function workspaceRoutes(app: FastifyInstance, ctx: AccountsContext): Promise<void> {
  const { core } = ctx;

  app.get('/workspaces', {
    config: { auth: SESSION_ONLY },
    schema: { tags: ['workspaces'], summary: 'List my workspaces', description: 'Every workspace the signed-in user belongs to, with their role.', security: [{ session: [] }], querystring: PageOnly, response: { 200: ListOf(Workspace), ...AUTH_ERRORS } },
  }, async function listWorkspaces(request) {
    const page = pageRequest(request.query as { limit?: number; cursor?: string });
    const principal = request.principal!;
    const userId = principal.type === 'session' ? principal.userId : '';
    const rows = await workspacesOf(core.db, userId, page);
    return toPage(rows, page.limit, (r) => toWorkspaceView(r.row, r.role));
  });

  app.post('/workspaces', {
    config: { auth: SESSION_ONLY },
    schema: { tags: ['workspaces'], summary: 'Create a workspace', description: 'The signed-in user becomes its owner; it gets the default plan.', security: [{ session: [] }], body: WorkspaceCreateBody, response: { 201: Workspace, ...AUTH_ERRORS } },
  }, async function createWorkspaceRoute(request, reply) {
    const principal = request.principal!;
    const userId = principal.type === 'session' ? principal.userId : '';
    const facts = requestFacts(request);
    const row = await core.db.transaction().execute(async (trx) => {
      const created = await createWorkspace(trx, { name: (request.body as { name: string }).name, plan: core.config.defaultPlan, ownerId: userId, now: core.clock.now() });
      await core.audit.record(trx, { workspaceId: created.id, type: 'workspace.created', actor: actorOf(principal), target: { type: 'workspace', id: created.id }, ip: facts.ip, userAgent: facts.userAgent, data: { name: created.name, plan: created.plan } });
      return created;
    });
    // The creator may have a cached "not a member" entry for this id (unlikely, but cheap to rule out).
    await core.bus.publish({ kind: 'membership', subject: `${row.id}:${userId}` });
    return reply.code(201).send(toWorkspaceView(row, 'owner'));
  });

  app.get('/workspace', {
    config: { auth: { scope: 'workspace.read' } },
    schema: { tags: ['workspaces'], summary: 'The current workspace', security: [{ apiKey: [] }, { session: [] }], response: { 200: Workspace, ...AUTH_ERRORS } },
  }, async function getCurrentWorkspace(request) {
    const principal = request.principal!;
    const row = await getWorkspace(core.db, workspaceOf(request));
    return toWorkspaceView(row, principal.type === 'session' ? principal.role : null);
  });

  app.patch('/workspace', {
    config: { auth: { scope: 'workspace.write' } },
    schema: { tags: ['workspaces'], summary: 'Rename the current workspace', security: [{ apiKey: [] }, { session: [] }], body: WorkspacePatchBody, response: { 200: Workspace, ...AUTH_ERRORS } },
  }, async function patchWorkspace(request) {
    const principal = request.principal!;
    const workspaceId = workspaceOf(request);
    const body = request.body as { name?: string };
    const facts = requestFacts(request);
    const row = await core.db.transaction().execute(async (trx) => {
      const before = await getWorkspace(trx, workspaceId);
      if (body.name === undefined || body.name.trim() === before.name) return before;
      const now = core.clock.now();
      await trx.updateTable('workspaces').set({ name: body.name.trim(), updatedAt: now }).where('id', '=', workspaceId).execute();
      await core.audit.record(trx, { workspaceId, type: 'workspace.updated', actor: actorOf(principal), target: { type: 'workspace', id: workspaceId }, ip: facts.ip, userAgent: facts.userAgent, data: { name: { from: before.name, to: body.name.trim() } } });
      return getWorkspace(trx, workspaceId);
    });
    return toWorkspaceView(row, principal.type === 'session' ? principal.role : null);
  });
}
