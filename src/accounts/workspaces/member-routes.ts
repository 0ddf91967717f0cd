import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { AUTH_ERRORS, ListOf, PageQuery } from '../../http/schemas.js';
import { pageRequest, toPage } from '../../storage/pagination.js';
import type { Invites } from './invite-service.js';
import type { Members } from './member-service.js';
import { Invite, InviteBody, InviteIdParams, Member, MemberPatchBody, UserIdParams } from './schemas.js';

const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const ERRORS = { ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') };

/** Members, roles and invitations of the current workspace (`members.*`). */
export async function memberRoutes(plugin: FastifyInstance, members: Members, invites: Invites): Promise<void> {
  const app = typed(plugin);
  app.get(
    '/members',
    {
      config: { auth: { scope: 'members.read' } },
      schema: {
        tags: ['members'],
        summary: 'List members',
        security: SECURITY,
        querystring: PageOnly,
        response: { 200: ListOf(Member), ...ERRORS },
      },
    },
    async function listMembers(request) {
      const page = pageRequest(request.query);
      const rows = await members.list(workspaceCaller(request).workspaceId, page);
      return toPage(rows, page.limit, ({ id: _id, ...view }) => view);
    },
  );

  app.patch(
    '/members/:userId',
    {
      config: { auth: { scope: 'members.write' } },
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        description:
          'Only owners make or unmake owners; the workspace keeps at least one owner; nobody changes their own role.',
        security: SECURITY,
        params: UserIdParams,
        body: MemberPatchBody,
        response: { 200: Member, ...ERRORS },
      },
    },
    async function changeRole(request) {
      return members.changeRole(workspaceCaller(request), request.params.userId, request.body.role);
    },
  );

  app.delete(
    '/members/:userId',
    {
      config: { auth: { scope: 'members.write' } },
      schema: {
        tags: ['members'],
        summary: 'Remove a member',
        description: 'Effective on their next request. Admins cannot remove owners; the last owner cannot leave.',
        security: SECURITY,
        params: UserIdParams,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async function removeMember(request, reply) {
      await members.remove(workspaceCaller(request), request.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/invites',
    {
      config: { auth: { scope: 'members.write' } },
      schema: {
        tags: ['members'],
        summary: 'Invite someone by email',
        description: 'Emails a 7-day, one-use link. The role is `admin` or `agent`, never `owner`.',
        security: SECURITY,
        body: InviteBody,
        response: { 201: Invite, ...ERRORS },
      },
    },
    async function createInvite(request, reply) {
      const view = await invites.create(workspaceCaller(request), request.body);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/invites',
    {
      config: { auth: { scope: 'members.read' } },
      schema: {
        tags: ['members'],
        summary: 'List pending invitations',
        security: SECURITY,
        querystring: PageOnly,
        response: { 200: ListOf(Invite), ...ERRORS },
      },
    },
    async function listInvites(request) {
      const page = pageRequest(request.query);
      const rows = await invites.list(workspaceCaller(request).workspaceId, page);
      return toPage(rows, page.limit, (row) => row);
    },
  );

  app.delete(
    '/invites/:id',
    {
      config: { auth: { scope: 'members.write' } },
      schema: {
        tags: ['members'],
        summary: 'Revoke an invitation',
        security: SECURITY,
        params: InviteIdParams,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async function revokeInvite(request, reply) {
      await invites.revoke(workspaceCaller(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
