import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { workspaceCaller } from '../../http/caller.js';
import { typed } from '../../http/typed.js';
import { deleteRoute, listRoute } from '../../http/route-helpers.js';
import { AUTH_ERRORS } from '../../http/schemas.js';
import { toPage } from '../../storage/pagination.js';
import type { Invites, InviteView } from './invite-service.js';
import type { Members } from './member-service.js';
import { Invite, InviteBody, InviteIdParams, Member, MemberPatchBody, UserIdParams } from './schemas.js';

const SECURITY: Array<Record<string, string[]>> = [{ apiKey: [] }, { session: [] }];
const ERRORS = { ...AUTH_ERRORS, 409: Type.Ref('ErrorBody') };
/** What every route here shares in its OpenAPI entry. */
const DOC = { tags: ['members'], security: SECURITY, errors: ERRORS };

/** Members, roles and invitations of the current workspace (`members.*`). */
export async function memberRoutes(plugin: FastifyInstance, members: Members, invites: Invites): Promise<void> {
  const app = typed(plugin);
  listRoute(
    app,
    '/members',
    { ...DOC, name: 'listMembers', scope: 'members.read', summary: 'List members', item: Member },
    async (caller, page) =>
      toPage(await members.list(caller.workspaceId, page), page.limit, ({ id: _id, ...view }) => view),
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

  deleteRoute(
    app,
    '/members/:userId',
    {
      ...DOC,
      name: 'removeMember',
      scope: 'members.write',
      summary: 'Remove a member',
      description: 'Effective on their next request. Admins cannot remove owners; the last owner cannot leave.',
      params: UserIdParams,
    },
    (caller, { userId }) => members.remove(caller, userId),
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

  listRoute(
    app,
    '/invites',
    { ...DOC, name: 'listInvites', scope: 'members.read', summary: 'List pending invitations', item: Invite },
    async (caller, page) =>
      toPage<InviteView, InviteView>(await invites.list(caller.workspaceId, page), page.limit, (row) => row),
  );

  deleteRoute(
    app,
    '/invites/:id',
    { ...DOC, name: 'revokeInvite', scope: 'members.write', summary: 'Revoke an invitation', params: InviteIdParams },
    (caller, { id }) => invites.revoke(caller, id),
  );
}
