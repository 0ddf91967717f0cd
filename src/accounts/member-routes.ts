import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requestFacts, workspaceOf } from '../http/authenticate.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../http/schemas.js';
import { pageRequest, toPage } from '../storage/pagination.js';
import type { Role } from '../scopes/scopes.js';
import type { Invites, InviteRole } from './invites.js';
import type { Members } from './members.js';
import { Invite, InviteBody, InviteIdParams, Member, MemberPatchBody, UserIdParams } from './schemas.js';

const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const ERRORS = { ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') };

/** Members, roles and invitations of the current workspace (`members.*`). */
export async function memberRoutes(app: FastifyInstance, members: Members, invites: Invites): Promise<void> {
  app.get('/members', {
    config: { auth: { scope: 'members.read' } },
    schema: { tags: ['members'], summary: 'List members', security: SECURITY, querystring: PageOnly, response: { 200: ListOf(Member), ...ERRORS } },
  }, async function listMembers(request) {
    const page = pageRequest(request.query as { limit?: number; cursor?: string });
    const rows = await members.list(workspaceOf(request), page);
    return toPage(rows, page.limit, ({ id: _id, ...view }) => view);
  });

  app.patch('/members/:userId', {
    config: { auth: { scope: 'members.write' } },
    schema: { tags: ['members'], summary: "Change a member's role", description: 'Only owners make or unmake owners; the workspace keeps at least one owner; nobody changes their own role.', security: SECURITY, params: UserIdParams, body: MemberPatchBody, response: { 200: Member, ...ERRORS } },
  }, async function changeRole(request) {
    const { userId } = request.params as { userId: string };
    const { role } = request.body as { role: Role };
    return members.changeRole(workspaceOf(request), userId, role, request.principal!, requestFacts(request));
  });

  app.delete('/members/:userId', {
    config: { auth: { scope: 'members.write' } },
    schema: { tags: ['members'], summary: 'Remove a member', description: 'Effective on their next request. Admins cannot remove owners; the last owner cannot leave.', security: SECURITY, params: UserIdParams, response: { 204: Type.Null(), ...ERRORS } },
  }, async function removeMember(request, reply) {
    const { userId } = request.params as { userId: string };
    await members.remove(workspaceOf(request), userId, request.principal!, requestFacts(request));
    return reply.code(204).send();
  });

  app.post('/invites', {
    config: { auth: { scope: 'members.write' } },
    schema: { tags: ['members'], summary: 'Invite someone by email', description: 'Emails a 7-day, one-use link. The role is `admin` or `agent`, never `owner`.', security: SECURITY, body: InviteBody, response: { 201: Invite, ...ERRORS } },
  }, async function createInvite(request, reply) {
    const body = request.body as { email: string; role: InviteRole };
    const view = await invites.create(workspaceOf(request), body, request.principal!, requestFacts(request));
    return reply.code(201).send(view);
  });

  app.get('/invites', {
    config: { auth: { scope: 'members.read' } },
    schema: { tags: ['members'], summary: 'List pending invitations', security: SECURITY, querystring: PageOnly, response: { 200: ListOf(Invite), ...ERRORS } },
  }, async function listInvites(request) {
    const page = pageRequest(request.query as { limit?: number; cursor?: string });
    const rows = await invites.list(workspaceOf(request), page);
    return toPage(rows, page.limit, (row) => row);
  });

  app.delete('/invites/:id', {
    config: { auth: { scope: 'members.write' } },
    schema: { tags: ['members'], summary: 'Revoke an invitation', security: SECURITY, params: InviteIdParams, response: { 204: Type.Null(), ...ERRORS } },
  }, async function revokeInvite(request, reply) {
    const { id } = request.params as { id: string };
    await invites.revoke(workspaceOf(request), id, request.principal!, requestFacts(request));
    return reply.code(204).send();
  });
}
