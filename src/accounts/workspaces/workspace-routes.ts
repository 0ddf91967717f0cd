import type { FastifyInstance } from 'fastify';
import { authenticatedCaller, workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../../http/schemas.js';
import { pageRequest, toPage } from '../../storage/pagination.js';
import { Type } from 'typebox';
import { Workspace, WorkspaceCreateBody, WorkspacePatchBody } from './schemas.js';
import { toWorkspaceView } from './workspace-repository.js';
import type { Workspaces } from './workspace-service.js';

const SESSION_ONLY = { scope: null, credentials: 'session', workspace: 'none' } as const;
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });

/** GET/POST /workspaces (the signed-in user's) and GET/PATCH /workspace (the current one). */
export async function workspaceRoutes(plugin: FastifyInstance, workspaces: Workspaces): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/workspaces',
    {
      config: { auth: SESSION_ONLY },
      schema: {
        tags: ['workspaces'],
        summary: 'List my workspaces',
        description: 'Every workspace the signed-in user belongs to, with their role.',
        security: [{ session: [] }],
        querystring: PageOnly,
        response: { 200: ListOf(Workspace), ...AUTH_ERRORS },
      },
    },
    async function listWorkspaces(request) {
      const page = pageRequest(request.query);
      const { principal } = authenticatedCaller(request);
      const userId = principal.type === 'session' ? principal.userId : '';
      const rows = await workspaces.mine(userId, page);
      return toPage(rows, page.limit, (r) => toWorkspaceView(r.row, r.role));
    },
  );

  app.post(
    '/workspaces',
    {
      config: { auth: SESSION_ONLY },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace',
        description: 'The signed-in user becomes its owner; it gets the default plan.',
        security: [{ session: [] }],
        body: WorkspaceCreateBody,
        response: { 201: Workspace, ...AUTH_ERRORS },
      },
    },
    async function createWorkspaceRoute(request, reply) {
      const caller = authenticatedCaller(request);
      const userId = caller.principal.type === 'session' ? caller.principal.userId : '';
      const row = await workspaces.create(caller, userId, request.body.name);
      return reply.code(201).send(toWorkspaceView(row, 'owner'));
    },
  );

  app.get(
    '/workspace',
    {
      config: { auth: { scope: 'workspace.read' } },
      schema: {
        tags: ['workspaces'],
        summary: 'The current workspace',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: Workspace, ...AUTH_ERRORS },
      },
    },
    async function getCurrentWorkspace(request) {
      const { principal, workspaceId } = workspaceCaller(request);
      const row = await workspaces.get(workspaceId);
      return toWorkspaceView(row, principal.type === 'session' ? principal.role : null);
    },
  );

  app.patch(
    '/workspace',
    {
      config: { auth: { scope: 'workspace.write' } },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename the current workspace',
        security: [{ apiKey: [] }, { session: [] }],
        body: WorkspacePatchBody,
        response: { 200: Workspace, ...AUTH_ERRORS },
      },
    },
    async function patchWorkspace(request) {
      const caller = workspaceCaller(request);
      const { principal } = caller;
      const row = await workspaces.rename(caller, request.body.name);
      return toWorkspaceView(row, principal.type === 'session' ? principal.role : null);
    },
  );
}
